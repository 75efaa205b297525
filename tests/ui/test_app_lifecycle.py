"""The whole app in a child process: import a folder in the window, close it, and the process ends well."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal

ROOT = Path(__file__).resolve().parents[2]

APP_IMPORTING = r"""
import sys


def main():
    from PySide6.QtCore import QTimer

    import reader.app as app

    data_dir, dumps, then = sys.argv[1], sys.argv[2], sys.argv[3]
    create = app.create_window

    def create_and_import(folder):
        window = create(folder)

        def start():
            job = window.importer.import_paths([dumps])
            if then == "close":
                job.done.connect(lambda *_: QTimer.singleShot(100, window.close))

        QTimer.singleShot(0, start)
        return window

    app.create_window = create_and_import
    code = app.run(data_dir)
    print("closed", code, flush=True)
    return code


if __name__ == "__main__":  # the import's worker processes start by importing this file
    sys.exit(main())
"""


class _Emitter(QObject):
    progress = Signal(int, int, str)


@pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="True and False are immortal from Python 3.12: their counts never move"
)
def test_emitting_a_signal_keeps_the_reference_counts_of_true_and_false() -> None:
    """A Qt binding whose Signal.emit dropped a reference to True aborted the app after some hundred
    emits (an import's progress); such a release is excluded in pyproject.toml."""
    emitter = _Emitter()
    emitter.progress.connect(lambda *_: None)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for n in range(200):
        emitter.progress.emit(n, 200, "x.txt")
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before


def test_import_a_folder_then_close_ends_the_process_cleanly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT))
    from bench.gen_dumps import generate

    generate(tmp_path / "dumps", 320)
    script = tmp_path / "app_importing.py"
    script.write_text(APP_IMPORTING, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "lib"), str(tmp_path / "dumps"), "close"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "closed 0" in proc.stdout
    import sqlite3

    conn = sqlite3.connect(tmp_path / "lib" / "library.sqlite3")
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 320
    conn.close()


def _children(pid: int) -> set[int]:
    """Processes whose parent is ``pid`` (Linux /proc)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_sigterm_during_an_import_leaves_no_worker_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import signal
    import time

    monkeypatch.syspath_prepend(str(ROOT))
    from bench.gen_dumps import generate

    generate(tmp_path / "dumps", 2000)  # enough to be parsed in worker processes, and still running
    script = tmp_path / "app_importing.py"
    script.write_text(APP_IMPORTING, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, str(script), str(tmp_path / "lib"), str(tmp_path / "dumps"), "wait"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(workers) < 2:
        workers |= _children(proc.pid)
        time.sleep(0.1)
    assert len(workers) >= 2, "the import never started its worker processes"
    time.sleep(0.5)
    proc.send_signal(signal.SIGTERM)
    try:
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:  # it hung: leave no app behind
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err[-2000:]
    assert "closed 0" in out
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.2)
    assert not any(_alive(w) for w in workers)
