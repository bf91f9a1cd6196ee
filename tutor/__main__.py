"""Lets ``python -m tutor`` behave exactly like the ``netsteps`` command."""

import sys

from tutor.cli import main

sys.exit(main())
