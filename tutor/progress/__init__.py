"""The learner's progress: records in memory and the file they are kept in."""
