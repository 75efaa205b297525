"""One writer at a time: the window and every writing command share one lock, which dies with its process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.library.lock import LibraryBusy, LibraryLock

ROOT = Path(__file__).resolve().parents[3]

HOLD = r"""
import sys, time
from reader.core.library.lock import LibraryLock
lock = LibraryLock(sys.argv[1], holder="a test process")
print(lock.acquire(), flush=True)
time.sleep(60)
"""


def test_one_holder_at_a_time(tmp_path: Path) -> None:
    first = LibraryLock(tmp_path, holder="the 研读 Reader window")
    second = LibraryLock(tmp_path)
    assert first.acquire()
    assert not second.acquire()  # the same process, another opening: refused all the same
    with pytest.raises(LibraryBusy, match="in use by the 研读 Reader window"), second.holding():
        pass
    first.release()
    with second.holding():
        assert second.held and not first.acquire()
    assert first.acquire()
    first.release()


def test_a_killed_holder_lets_go(tmp_path: Path) -> None:
    """No stale lock: the system releases it when its process dies, even by SIGKILL."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path)], stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert child.stdout.readline().strip() == "True"
        lock = LibraryLock(tmp_path)
        assert not lock.acquire()
        assert "a test process" in lock.who() and str(child.pid) in lock.who()
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    assert lock.acquire()
    lock.release()


def test_a_lock_that_may_not_create_leaves_a_missing_folder_missing(tmp_path: Path) -> None:
    """A restore on a mistyped --data-dir says there is no library and makes nothing."""
    from reader.core.library.lock import NoLibrary

    typo = tmp_path / "libary"
    with pytest.raises(NoLibrary, match="no library"), LibraryLock(typo, create=False).holding():
        pass
    assert not typo.exists()
    lock = LibraryLock(typo)  # a new library (the window, an import) makes its folder
    assert lock.acquire() and typo.is_dir()
    lock.release()
