"""A killed note writer or importer leaves a whole library: nothing half stored, no reported save lost."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from reader.core.library.store import Library

ROOT = Path(__file__).resolve().parents[3]

WRITER = r"""
import sys, time
from reader.core.library.store import Library
library = Library.in_folder(sys.argv[1])
article_id = int(sys.argv[2])
n = 0
while True:  # a note typed at the autosave cadence: each save holds the count so far
    n += 1
    library.set_note("article", article_id, f"第{n}次保存 " + "心得" * 50)
    print(n, time.monotonic(), flush=True)
    time.sleep(0.05)
"""


def test_killed_writer_loses_at_most_the_last_second(tmp_path: Path, seed_bytes: bytes) -> None:
    folder = tmp_path / "lib"
    library = Library.in_folder(folder)
    article_id = library.import_bytes(seed_bytes, "seed.txt").article_id
    library.close()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for delay in (0.3, 0.75, 1.2):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(folder), str(article_id)], stdout=subprocess.PIPE, text=True, env=env
        )
        lines = []
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:  # wait until it is writing, then let it write a while
            lines.append(proc.stdout.readline())
            if len(lines) == 1:
                start = time.monotonic()
            if time.monotonic() - start > delay:
                break
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        last_reported = int(lines[-1].split()[0])
        conn = sqlite3.connect(folder / "library.sqlite3")
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        body = conn.execute("SELECT body FROM notes WHERE kind = 'article'").fetchone()[0]
        conn.close()
        saved = int(body.split("次")[0].removeprefix("第"))
        assert saved >= last_reported  # every save it reported is there (and at most the one in flight beyond)
        assert saved <= last_reported + 1


def test_killed_writers_and_importers_leave_whole_libraries() -> None:
    """Six rounds of bench/crash_rounds.py (which runs a hundred): a note writer or an import of 200 dumps."""
    from bench.crash_rounds import FAILURES, run_rounds

    counts = run_rounds(6, seed=3, max_delay=0.8, kinds=("notes", "import"))
    assert counts["kills"] == 6
    assert all(counts[k] == 0 for k in FAILURES), counts


def test_killed_restores_backups_and_exports_lose_nothing() -> None:
    """Killed mid-restore: the library is the old one or the backup, whole, and the note that was only
    in the old WAL is in it or in the kept file. Killed mid-backup: every backup file is healthy.
    Killed mid-export: every exported file is whole."""
    from bench.crash_rounds import FAILURES, run_rounds

    counts = run_rounds(9, seed=5, kinds=("restore", "backup", "export"))
    assert counts["kills"] == 9
    assert all(counts[k] == 0 for k in FAILURES), counts
