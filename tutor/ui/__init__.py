"""The Textual face of netsteps. Nothing below ``tutor/ui`` is imported by the core."""
