"""Save lessons over and over, for the crash and concurrency tests in test_store.py.

Usage: python tests/_store_writer.py DATA_DIR PACK WRITER COUNT GO_FILE LESSON...

Writer WRITER keeps its own step ("w" + WRITER) in every LESSON: save i sets that step's
reflection text to str(i), so a reader can tell which saves arrived. It waits for GO_FILE to
appear before the first save (to start several writers at once) and prints "ready" first.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tutor.progress.model import step_from_dict
from tutor.progress.store import ProgressStore


def main() -> None:
    data_dir, pack, writer, count, go_file = sys.argv[1:6]
    lessons = sys.argv[6:]
    store = ProgressStore(Path(data_dir))
    store.load()
    records = {lesson: store.lesson(pack, lesson) for lesson in lessons}
    print("ready", flush=True)
    while not Path(go_file).exists():
        time.sleep(0.005)
    for i in range(1, int(count) + 1):
        for lesson, record in records.items():
            record.status = "in_progress"
            record.step = i
            record.steps[f"w{writer}"] = step_from_dict({"text": str(i)})
            store.save(pack, lesson)


if __name__ == "__main__":
    main()
