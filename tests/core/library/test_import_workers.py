"""A large import is parsed in worker processes under every start method, and the workers end with
the importing process, not with their parent (under forkserver that is the fork server)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from bench.gen_dumps import generate
from reader.core.library import importer
from reader.core.library.store import Library


@pytest.fixture(scope="module")
def dumps(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dumps")
    generate(folder, importer.PARALLEL_FROM)  # just enough to be parsed in worker processes
    return folder


@pytest.mark.parametrize("method", ["fork", "spawn", "forkserver"])
def test_a_large_import_is_parsed_in_workers_under_every_start_method(dumps: Path, method: str) -> None:
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} here")
    pools = []
    real = importer.ProcessPoolExecutor

    def counted(*args, **kwargs):
        pools.append(kwargs["mp_context"].get_start_method())
        return real(*args, **kwargs)

    library = Library()
    try:
        importer.ProcessPoolExecutor = counted
        summary = importer.import_paths(library, [dumps], workers=2, start_method=method)
    finally:
        importer.ProcessPoolExecutor = real
        count = library.count()
        library.close()
    assert pools == [method]
    assert summary.refused == []
    assert summary.imported == count == importer.PARALLEL_FROM


def _waits_for(pid: int, timeout: float) -> bool:
    """Whether the importer watch returns within ``timeout`` for process ``pid``."""
    wait = importer._waiting_for(pid)
    assert wait is not None
    ended = threading.Event()
    threading.Thread(target=lambda: (wait(), ended.set()), daemon=True).start()
    return ended.wait(timeout)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_the_watch_waits_while_the_importer_lives_and_ends_when_it_is_killed() -> None:
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        assert not _waits_for(proc.pid, 1.0)
        os.kill(proc.pid, signal.SIGKILL)  # not reaped yet: a zombie has ended too
        assert _waits_for(proc.pid, 5.0)
    finally:
        proc.kill()
        proc.wait()


def test_the_watch_of_a_process_already_gone_returns_at_once() -> None:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    assert _waits_for(proc.pid, 5.0)
