"""One writer at a time: the window, and every command that writes, hold the library's lock while they run.

The lock is an operating-system lock on ``reader.lock`` in the library folder (``flock`` on Unix,
``msvcrt.locking`` on Windows), not a lock *file* whose existence counts: the system lets go of it
when its process ends however it ends (a crash, SIGKILL), so there is no stale lock to guess about
and no process id that may have been reused. The window and the command line share this one
implementation (the window used Qt's QLockFile, which the core cannot import). The file holds the
process id and what holds it, for a person to read.
"""

from __future__ import annotations

import errno
import os
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .database import DB_NAME

LOCK_NAME = "reader.lock"
WINDOW = "the 研读 Reader window"  # what holds the lock, as the file says it (the window translates them)
COMMAND = "a reader command"
_READ_ONLY = {errno.EACCES, errno.EPERM, errno.EROFS}


class LockError(RuntimeError):
    """The library cannot be locked for writing; the message says why and what to do."""


class LibraryBusy(LockError):
    """Another process (the window, or a command that writes) holds the lock."""


class ReadOnlyLibrary(LockError):
    """The library folder, or the library file in it, cannot be written: nothing can hold the lock,
    or nothing could be saved (every write would fail with "attempt to write a readonly database")."""


class NoLibrary(LockError):
    """The library folder does not exist, and the command is not one that makes it."""


def unwritable(data_dir: Path) -> Path | None:
    """What of the library in ``data_dir`` exists and cannot be written by this process: the folder,
    or the library file (or its WAL, or its shared memory); None when all can be."""
    if data_dir.is_dir() and not os.access(data_dir, os.W_OK):
        return data_dir
    for name in (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm"):
        path = data_dir / name
        if path.exists() and not os.access(path, os.W_OK):
            return path
    return None


def read_only_folder(data_dir: Path) -> bool:
    """Whether the library folder (or the library in it) exists and cannot be written by this process."""
    return unwritable(data_dir) is not None


def read_only_message(data_dir: Path) -> str:
    """What cannot be written, in a sentence (for an error; the window says it in its own words)."""
    path = unwritable(data_dir) or data_dir
    what = "library folder" if path == data_dir else "library file"
    return f"the {what} {path} is read-only"


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


class LibraryLock:
    """The lock of the library in ``data_dir``. ``acquire`` says whether it was free."""

    def __init__(self, data_dir: str | os.PathLike[str], holder: str = "reader", create: bool = True) -> None:
        self.folder = Path(data_dir)
        self.path = self.folder / LOCK_NAME
        self.holder = holder
        self.create = create  # make the folder when it is missing (a new library); else NoLibrary
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock now: True when taken (or held already), False when another process has it.

        Raises ReadOnlyLibrary when the folder or the library file cannot be written (checked before
        anything is made), NoLibrary when the folder is missing and ``create`` is off."""
        if self._fd is not None:
            return True
        if read_only_folder(self.folder):
            raise ReadOnlyLibrary(read_only_message(self.folder))
        if not self.create and not self.folder.is_dir():
            raise NoLibrary(f"there is no library in {self.folder} (no such folder); nothing was created")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            if exc.errno in _READ_ONLY or read_only_folder(self.folder):
                raise ReadOnlyLibrary(f"the library folder {self.folder} is read-only") from exc
            raise
        if not _try_lock(fd):
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n{self.holder}\n{socket.gethostname()}\n".encode())
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            try:
                _unlock(fd)
            finally:
                os.close(fd)

    def holder_and_pid(self) -> tuple[str, str] | None:
        """What the file says holds the lock, and its process id; None when unknown."""
        try:
            pid, holder, *_ = self.path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError, ValueError):
            return None
        return holder, pid

    def who(self) -> str:
        """What the file says holds the lock: ``the window (process 123)``, or '' when unknown."""
        known = self.holder_and_pid()
        return f"{known[0]} (process {known[1]})" if known else ""

    @contextmanager
    def holding(self) -> Iterator[None]:
        """Hold the lock for a block; LibraryBusy, with who has it, when another process does."""
        if not self.acquire():
            who = self.who()
            raise LibraryBusy(
                f"the library in {self.folder} is in use by {who or 'another 研读 Reader'}; "
                "close the window (or wait for the command) and try again"
            )
        try:
            yield
        finally:
            self.release()
