"""netsteps: a calm terminal tutor for first confident steps on social media."""

__version__ = "0.1.0"
