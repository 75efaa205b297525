"""Writing files so that a kill at any moment leaves either the old file or the whole new one.

A file is written under a temporary name in its own folder, flushed to disk, then renamed over its
final name (``os.replace`` is atomic), and the folder is flushed so that the rename itself lasts.
A name that must never be overwritten is taken with a hard link, which fails when the name exists.
The temporary file (which ``mkstemp`` makes owner-only) is given the mode of the file it replaces,
else the mode a new file gets (``0o666`` less the umask): a reader of the old file reads the new one.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

PARTIAL = ".partial"  # the ending of a file still being written


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` last (where the platform can; Windows cannot open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as f:
        os.fsync(f.fileno())


def umask() -> int:
    """The process's umask, read without changing it where the system tells (Linux)."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere: set and put back at once
    os.umask(mask)
    return mask


def new_file_mode() -> int:
    return 0o666 & ~umask()


def new_folder_mode() -> int:
    return 0o777 & ~umask()


def give_mode(temp: Path, final: Path) -> None:
    """``temp``, about to take ``final``'s name, gets the mode ``final`` has (a new file's if none)."""
    try:
        mode = stat.S_IMODE(final.stat().st_mode)
    except FileNotFoundError:
        mode = new_file_mode()
    os.chmod(temp, mode)


def _cut(name: str, limit: int) -> str:
    """``name`` cut at a character to at most ``limit`` bytes of UTF-8: a file name of 255 bytes
    leaves no room for the temporary name's dot, random part and ending, which must fit 255 too."""
    while len(name.encode("utf-8")) > limit:
        name = name[:-1]
    return name


def temporary_name(final: Path) -> Path:
    """A new, empty file beside ``final`` that no one else uses: hidden, ending in ``.partial``;
    owner-only until ``give_mode``."""
    fd, name = tempfile.mkstemp(dir=final.parent, prefix=f".{_cut(final.name, 200)}.", suffix=PARTIAL)
    os.close(fd)
    return Path(name)


@contextlib.contextmanager
def writing(final: Path) -> Iterator[Path]:
    """A temporary path to fill; on success it replaces ``final`` (flushed first), on failure it is removed."""
    final.parent.mkdir(parents=True, exist_ok=True)
    temp = temporary_name(final)
    try:
        yield temp
        give_mode(temp, final)
        fsync_file(temp)
        os.replace(temp, final)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_folder(final.parent)


def write_bytes(final: Path, data: bytes) -> Path:
    """``final`` holds ``data`` whole, or keeps what it held: never a torn or empty file."""
    with writing(final) as temp:
        temp.write_bytes(data)
    return final


def write_text(final: Path, text: str) -> Path:
    return write_bytes(final, text.encode("utf-8"))


def copy(source: Path, final: Path) -> Path:
    with writing(final) as temp:
        shutil.copyfile(source, temp)
    return final


def keep_as(path: Path, names: Iterator[Path]) -> Path:
    """A second name for the file at ``path``, the first of ``names`` not yet taken; nothing is overwritten.

    A hard link where the file system has them, else a flushed copy created exclusively."""
    for name in names:
        try:
            os.link(path, name)
        except FileExistsError:
            continue
        except OSError:
            try:
                with open(path, "rb") as src, open(name, "xb") as out:
                    try:
                        shutil.copyfileobj(src, out)
                        out.flush()
                        os.fsync(out.fileno())
                    except BaseException:
                        name.unlink(missing_ok=True)  # never a torn copy under a name that counts
                        raise
            except FileExistsError:
                continue
        fsync_folder(name.parent)
        return name
    raise FileExistsError(f"no free name to keep {path}")


def numbered(base: Path, ending: str = "") -> Iterator[Path]:
    """``base``, then ``base-2``, ``base-3`` … (each followed by ``ending``)."""
    yield base.with_name(base.name + ending)
    n = 2
    while True:
        yield base.with_name(f"{base.name}-{n}{ending}")
        n += 1
