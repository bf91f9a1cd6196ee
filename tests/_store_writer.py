"""Save one lesson over and over, for the crash and two-writer tests in test_store.py.

Usage: python tests/_store_writer.py DATA_DIR PACK LESSON COUNT [GO_FILE]

Each save sets ``step`` to i and the "reflect" text to str(i % 10) repeated i*50 times, so
a reader can tell a complete version from a torn one. COUNT 0 means: until killed. With
GO_FILE, it waits for that file to appear before the first save (to start two writers at once).
It prints "ready" just before it starts saving.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tutor.progress.store import ProgressStore


def main() -> None:
    data_dir, pack, lesson, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    go_file = Path(sys.argv[5]) if len(sys.argv) > 5 else None
    store = ProgressStore(Path(data_dir))
    store.load()
    record = store.lesson(pack, lesson)
    first = record.step + 1
    print("ready", flush=True)
    while go_file is not None and not go_file.exists():
        time.sleep(0.005)
    i = first
    while count == 0 or i < first + count:
        record.step = i
        record.status = "in_progress"
        record.step_record("reflect").text = str(i % 10) * (i * 50)
        store.save(pack, lesson)
        i += 1


if __name__ == "__main__":
    main()
