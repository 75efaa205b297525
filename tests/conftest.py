"""Shared fixtures: offscreen Qt, the shared corpus when it is there, a library in a temporary folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from reader.core.library.store import Library

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = SHARED_CORPUS / "seed" / "000_44dc890f5c212be7.txt"


def corpus_pairs(folder: Path) -> list[tuple[Path, Path]]:
    """(dump, expected.json) pairs in a folder, sorted by name."""
    if not folder.is_dir():
        return []
    pairs = []
    for truth in sorted(folder.glob("*.expected.json")):
        base = truth.name[: -len(".expected.json")]
        dumps = [
            p
            for p in folder.iterdir()
            if p.is_file() and not p.name.endswith(".json") and (p.name == base or p.stem == base)
        ]
        if len(dumps) == 1:
            pairs.append((dumps[0], truth))
    return pairs


def highlight(library: Library, article_id: int, phrase: str, color: int) -> int:
    """Highlight the first occurrence of ``phrase`` in the article; its id."""
    article = library.article(article_id)
    for i, section in enumerate(article.sections):
        body = "\n".join(section.paragraphs)
        if phrase in body:
            start = body.index(phrase)
            return library.add_highlight(article_id, i, start, start + len(phrase), color)
    raise AssertionError(phrase)


@pytest.fixture
def seed_bytes() -> bytes:
    if not SEED.exists():
        pytest.skip("../shared/corpus is not here")
    return SEED.read_bytes()


@pytest.fixture
def library():
    lib = Library()
    yield lib
    lib.close()


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app never touches the network: any test that opens an internet socket fails."""
    import socket

    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            raise AssertionError(f"a test tried to reach the network: {address!r}")
        real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


def as_nobody(*args: str) -> subprocess.CompletedProcess[str]:
    """Python with ``args`` as the unprivileged user nobody (a read-only library is read-only to it)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), HOME=tempfile.gettempdir(), QT_QPA_PLATFORM="offscreen")
    env.update(LC_ALL="en_US.UTF-8", LANG="en_US.UTF-8")  # the window speaks English, as the test reads
    command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


# The app's run() in a child process, its message boxes answered and what they said printed.
WINDOW_SCRIPT = r"""
import sys
from PySide6.QtWidgets import QMessageBox
import reader.app
said = []
QMessageBox.critical = staticmethod(lambda parent, title, text: said.append(text))
QMessageBox.warning = staticmethod(lambda parent, title, text: said.append(text))
print(reader.app.run(sys.argv[1]), said, flush=True)
"""


def copy_with_modes(folder: Path, into: Path, dir_mode: int, file_mode: int) -> Path:
    """A copy of the library ``folder`` as ``into/lib`` (``into`` open to everyone), its lock left out,
    every folder and file of it given these modes: how another user would find it."""
    into.chmod(0o755)
    lib = into / "lib"
    shutil.copytree(folder, lib)
    (lib / "reader.lock").unlink(missing_ok=True)
    for path in [lib, *lib.rglob("*")]:
        path.chmod(dir_mode if path.is_dir() else file_mode)
    return lib
