"""Kill a writer at random moments and check what the library holds afterwards.

    python bench/crash_rounds.py [ROUNDS]

Each round starts a child that either saves a note at the autosave cadence (every
50 ms, reporting each save) or imports 200 dumps, SIGKILLs it after a random
0.05–1.5 s, reopens the library and checks: PRAGMA integrity_check is ok; every
stored article is whole (its dump, its sections, its index rows); every reported
note save is there. Prints the figures.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NOTES = r"""
import sys
from reader.core.library.store import Library
library = Library.in_folder(sys.argv[1])
n = 0
while True:
    n += 1
    library.set_note("article", 1, f"第{n}次保存 " + "心得" * 200)
    print(n, flush=True)
    __import__("time").sleep(0.05)
"""

IMPORT = r"""
import sys
from reader.core.library.importer import import_paths
from reader.core.library.store import Library
library = Library.in_folder(sys.argv[1])
print("start", flush=True)
import_paths(library, [sys.argv[2]], workers=0)
print("done", flush=True)
"""


def run_rounds(rounds: int, seed: int = 1, max_delay: float = 1.5) -> dict[str, int]:
    """Kill a writer ``rounds`` times; count what went wrong."""
    from bench.gen_dumps import generate
    from reader.core.library.store import Library

    rng = random.Random(seed)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    counts = {"rounds": rounds, "kills": 0, "corrupt": 0, "half_stored": 0, "lost_saves": 0}
    with tempfile.TemporaryDirectory() as tmp:
        dumps = Path(tmp) / "dumps"
        generate(dumps, 200)
        for r in range(rounds):
            folder = Path(tmp) / f"lib{r}"
            library = Library.in_folder(folder)
            library.import_bytes((dumps / "dump_000000.txt").read_bytes(), "first.txt")
            library.close()
            notes = r % 2 == 0
            script, extra = (NOTES, []) if notes else (IMPORT, [str(dumps)])
            child = subprocess.Popen(
                [sys.executable, "-c", script, str(folder), *extra], stdout=subprocess.PIPE, text=True, env=env
            )
            first_line = child.stdout.readline()  # it is writing
            time.sleep(rng.uniform(0.05, max_delay))
            os.kill(child.pid, signal.SIGKILL)
            counts["kills"] += 1
            out = first_line + child.stdout.read()
            child.wait()
            conn = sqlite3.connect(folder / "library.sqlite3")
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                counts["corrupt"] += 1
            whole = conn.execute(
                "SELECT count(*) FROM articles a WHERE EXISTS (SELECT 1 FROM dumps d WHERE d.article_id = a.id)"
                " AND EXISTS (SELECT 1 FROM sections s WHERE s.article_id = a.id)"
                " AND EXISTS (SELECT 1 FROM search_rows x WHERE x.article_id = a.id)"
            ).fetchone()[0]
            counts["half_stored"] += conn.execute("SELECT count(*) FROM articles").fetchone()[0] - whole
            if notes:
                reported = [int(x) for x in out.split() if x.isdigit()]
                row = conn.execute("SELECT body FROM notes WHERE kind = 'article'").fetchone()
                saved = int(row[0].split("次")[0].removeprefix("第")) if row else 0
                if reported and saved < reported[-1]:
                    counts["lost_saves"] += 1
            conn.close()
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rounds", type=int, nargs="?", default=100)
    c = run_rounds(ap.parse_args().rounds)
    print(
        f"rounds {c['rounds']}, kills {c['kills']}, corrupt databases {c['corrupt']}, "
        f"half-stored articles {c['half_stored']}, rounds that lost a reported note save {c['lost_saves']}"
    )


if __name__ == "__main__":
    main()
