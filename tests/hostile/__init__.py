"""Hostile packs, made by the tests themselves, and exactly what netsteps must do with each."""
