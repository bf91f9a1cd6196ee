"""The handlers of netsteps' commands, one module per area. `tutor.cli` builds the parser and
imports a module only when its command is run, so `netsteps --version` stays fast.

Handlers reach the shared helpers through the module (`cli.ask`, `cli._store`), so a test
that replaces one on `tutor.cli` replaces it here too.
"""
