"""Lesson packs: the model, reading from folders and zips, validation, building and installing."""
