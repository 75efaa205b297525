"""Kill a writer at random moments and check what the library (and the files beside it) hold afterwards.

    python bench/crash_rounds.py [ROUNDS]

Rounds take turns among five writers, each SIGKILLed at a random moment:

- notes: saves a note at the autosave cadence (every 50 ms, reporting each save);
- import: imports 200 dumps;
- restore: ``reader restore`` again and again onto a small library whose last note is still in
  its WAL (the backup holds 200 articles);
- backup: ``reader backup --keep 3`` again and again;
- export: ``reader export --all --force`` again and again.

Then: PRAGMA integrity_check is ok for the library and every kept file; every stored article is
whole; every reported note save is there; after a restore the library is the old one or the
backup, and the last note is in it or in a kept ``library.sqlite3.replaced-*``; every backup file
is healthy; every exported file is whole (equal to a fresh export). Prints the figures.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KINDS = ("notes", "import", "restore", "backup", "export")
FAILURES = ("corrupt", "half_stored", "lost_saves", "lost_notes", "wrong_library", "torn_files")

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

# The note is saved and the process dies without closing: the note is only in the WAL.
NOTE_IN_WAL = r"""
import os, sys
from reader.core.library.store import Library
Library.in_folder(sys.argv[1]).set_note("article", 1, sys.argv[2])
os._exit(0)
"""

# The command line itself, run again and again in one process (so that a kill lands mid-command).
COMMAND = r"""
import os, sys
from reader.cli import main
print("start", flush=True)
sys.stdout = open(os.devnull, "w")
for _ in range(int(sys.argv[1])):
    main(sys.argv[2:])
"""

# (how many times the command runs, the longest delay before the kill in seconds)
REPEAT = {"restore": (10, 0.4), "backup": (15, 0.8), "export": (3, 1.5)}


def _open_ok(path: Path) -> sqlite3.Connection | None:
    """A connection when the file passes integrity_check, else None."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        if conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok":
            return conn
        conn.close()
    except sqlite3.DatabaseError:
        pass
    return None


def _note(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT body FROM notes WHERE kind = 'article' AND target_id = 1").fetchone()
    return row[0] if row else ""


def _count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


class Rounds:
    def __init__(self, tmp: Path, rng: random.Random, max_delay: float) -> None:
        from bench.gen_dumps import generate
        from reader.core.export.markdown import Exporter
        from reader.core.library.backup import make_backup
        from reader.core.library.importer import import_paths
        from reader.core.library.store import Library

        self.tmp, self.rng, self.max_delay = tmp, rng, max_delay
        self.env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.dumps = tmp / "dumps"
        generate(self.dumps, 200)
        self.small = tmp / "small"  # one article
        library = Library.in_folder(self.small)
        library.import_bytes((self.dumps / "dump_000000.txt").read_bytes(), "first.txt")
        library.close()
        self.big = tmp / "big"  # 200 articles, one backup of them, a reference export
        library = Library.in_folder(self.big)
        import_paths(library, [str(self.dumps)], workers=0)
        self.big_count = library.count()
        self.backup = make_backup(library.db, self.big)
        self.reference = tmp / "reference"
        Exporter(library, self.big).export_articles(library.article_ids(), self.reference)
        library.close()
        self.counts = {"rounds": 0, "kills": 0, "corrupt": 0, "half_stored": 0, "lost_saves": 0}
        self.counts.update({"lost_notes": 0, "wrong_library": 0, "torn_files": 0})
        # where the kills landed (not failures): restores done before the kill, temporary files left
        self.counts.update({"restored": 0, "kept_libraries": 0, "partial_files_left": 0})

    def _kill(self, args: list[str], delay: float) -> str:
        child = subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE, text=True, env=self.env)
        first_line = child.stdout.readline()  # it is writing
        time.sleep(delay)
        os.kill(child.pid, signal.SIGKILL)
        self.counts["kills"] += 1
        out = first_line + child.stdout.read()
        child.wait()
        return out

    def _check_library(self, folder: Path) -> sqlite3.Connection | None:
        conn = _open_ok(folder / "library.sqlite3")
        if conn is None:
            self.counts["corrupt"] += 1
            return None
        whole = conn.execute(
            "SELECT count(*) FROM articles a WHERE EXISTS (SELECT 1 FROM dumps d WHERE d.article_id = a.id)"
            " AND EXISTS (SELECT 1 FROM sections s WHERE s.article_id = a.id)"
            " AND EXISTS (SELECT 1 FROM search_rows x WHERE x.article_id = a.id)"
        ).fetchone()[0]
        self.counts["half_stored"] += _count(conn) - whole
        return conn

    def run(self, kind: str, r: int) -> None:
        self.counts["rounds"] += 1
        folder = self.tmp / f"lib{r}"
        shutil.copytree(self.small if kind in ("notes", "import", "restore") else self.big, folder)
        getattr(self, f"_{kind}")(folder, r)
        self.counts["partial_files_left"] += sum(1 for _ in folder.rglob(".*.partial"))
        shutil.rmtree(folder)

    def _notes(self, folder: Path, r: int) -> None:
        out = self._kill(["-c", NOTES, str(folder)], self.rng.uniform(0.05, self.max_delay))
        conn = self._check_library(folder)
        if conn is not None:
            reported = [int(x) for x in out.split() if x.isdigit()]
            body = _note(conn)
            saved = int(body.split("次")[0].removeprefix("第")) if body else 0
            if reported and saved < reported[-1]:
                self.counts["lost_saves"] += 1
            conn.close()

    def _import(self, folder: Path, r: int) -> None:
        self._kill(["-c", IMPORT, str(folder), str(self.dumps)], self.rng.uniform(0.05, self.max_delay))
        conn = self._check_library(folder)
        if conn is not None:
            conn.close()

    def _command(self, kind: str, args: list[str]) -> None:
        times, longest = REPEAT[kind]
        self._kill(["-c", COMMAND, str(times), *args], self.rng.uniform(0, longest))

    def _restore(self, folder: Path, r: int) -> None:
        note = f"第{r}轮只在日志里的心得"
        subprocess.run([sys.executable, "-c", NOTE_IN_WAL, str(folder), note], check=True, env=self.env)
        self._command("restore", ["restore", str(self.backup), "--data-dir", str(folder)])
        conn = self._check_library(folder)
        found = False
        if conn is not None:
            if _count(conn) not in (1, self.big_count):
                self.counts["wrong_library"] += 1
            self.counts["restored"] += _count(conn) == self.big_count
            found = _note(conn) == note
            conn.close()
        for kept in folder.glob("library.sqlite3.replaced-*"):
            if kept.name.endswith(("-wal", "-shm")):
                continue
            self.counts["kept_libraries"] += 1
            kept_conn = _open_ok(kept)
            if kept_conn is None:
                self.counts["corrupt"] += 1
                continue
            found = found or _note(kept_conn) == note
            kept_conn.close()
        if not found:
            self.counts["lost_notes"] += 1

    def _backup(self, folder: Path, r: int) -> None:
        from reader.core.library.backup import backups, problem

        self._command("backup", ["backup", "--keep", "3", "--data-dir", str(folder)])
        conn = self._check_library(folder)
        if conn is not None:
            if _count(conn) != self.big_count:
                self.counts["wrong_library"] += 1
            conn.close()
        self.counts["torn_files"] += sum(problem(b) is not None for b in backups(folder))

    def _export(self, folder: Path, r: int) -> None:
        out = folder / "out"
        self._command("export", ["export", "--all", "--force", "--out", str(out), "--data-dir", str(folder)])
        conn = self._check_library(folder)
        if conn is not None:
            conn.close()
        for path in out.glob("*.md") if out.exists() else []:
            if path.read_bytes() != (self.reference / path.name).read_bytes():
                self.counts["torn_files"] += 1


def run_rounds(rounds: int, seed: int = 1, max_delay: float = 1.5, kinds: tuple[str, ...] = KINDS) -> dict[str, int]:
    """Kill a writer ``rounds`` times, taking ``kinds`` in turn; count what went wrong."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        bench = Rounds(Path(tmp), rng, max_delay)
        for r in range(rounds):
            bench.run(kinds[r % len(kinds)], r)
        return bench.counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rounds", type=int, nargs="?", default=100)
    ap.add_argument("--kinds", default=",".join(KINDS), help=f"comma-separated, of {', '.join(KINDS)}")
    args = ap.parse_args()
    c = run_rounds(args.rounds, kinds=tuple(args.kinds.split(",")))
    print(
        f"rounds {c['rounds']}, kills {c['kills']}, corrupt databases {c['corrupt']}, "
        f"half-stored articles {c['half_stored']}, rounds that lost a reported note save {c['lost_saves']}, "
        f"restores that lost the last note {c['lost_notes']}, libraries neither old nor restored "
        f"{c['wrong_library']}, torn backup or export files {c['torn_files']}"
    )
    print(
        f"(where the kills landed: {c['restored']} restore rounds ended on the backup, "
        f"{c['kept_libraries']} replaced libraries kept, {c['partial_files_left']} temporary files left by kills)"
    )


if __name__ == "__main__":
    main()
