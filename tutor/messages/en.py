"""English messages. Keys are grouped by the part of netsteps that shows them."""

MESSAGES: dict[str, str] = {
    # The learner's data
    "store.moved_aside": (
        "Your progress file could not be read, so it was set aside as {name} and a fresh one "
        "was started. Nothing was deleted."
    ),
    "store.backup_used": (
        "Your progress file could not be read, so netsteps went back to the copy saved just "
        "before it. The unreadable file was set aside as {name}."
    ),
    "store.busy": (
        "Another netsteps window is saving right now. Please wait a moment and try again."
    ),
    "store.cannot_write": (
        "netsteps could not save to {path} ({reason}). Check that the folder exists and that "
        "you may write to it."
    ),
}
