"""Files that are not what they seem cost themselves, never the import (issue 12, items 11, 12):
a name that is not UTF-8 is stored decoded; a FIFO, a device or a link to one is refused without a
byte read; a file beyond the size cap is refused with its reason; the rest of the batch is stored."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.gen_dumps import dump
from reader.cli import main
from reader.core.library.importer import import_paths
from reader.core.library.store import Library
from reader.core.parse.dump import parse_bytes, parse_file
from reader.core.parse.files import MAX_DUMP_BYTES, Unreadable, read_dump, shown_name

ROOT = Path(__file__).resolve().parents[3]
POSIX = pytest.mark.skipif(os.name != "posix", reason="names are bytes and FIFOs exist on POSIX only")
GBK_NAME = "党建论文".encode("gbk") + b".txt"  # as a zip archive made on Chinese Windows unpacks it


def dumps_in(folder: Path, n: int) -> list[bytes]:
    folder.mkdir(parents=True, exist_ok=True)
    texts = [dump(random.Random(k), k).encode() for k in range(n)]
    for k, text in enumerate(texts):
        (folder / f"dump_{k}.txt").write_bytes(text)
    return texts


def put(folder: Path, name: bytes, data: bytes) -> None:
    with open(os.path.join(os.fsencode(folder), name), "wb") as f:
        f.write(data)


@POSIX
def test_a_name_that_is_not_utf8_is_stored_decoded(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    dumps_in(folder, 3)
    put(folder, GBK_NAME, dump(random.Random(99), 99).encode())
    put(folder, b"\xff\xfe-raw.txt", dump(random.Random(98), 98).encode())
    library = Library()
    summary = import_paths(library, [folder])
    assert (summary.imported, summary.refused) == (5, [])
    names = {r[0] for r in library.db.execute("SELECT file_name FROM articles")}
    assert {"党建论文.txt", "\\xff\\xfe-raw.txt"} <= names
    paths = [r[0] for r in library.db.execute("SELECT source_path FROM articles")]
    assert all(p.encode("utf-8") for p in paths)
    again = import_paths(library, [folder])  # the same files again: found as what they are
    assert again.duplicates == 5
    library.close()


@POSIX
def test_the_cli_imports_and_parses_such_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    dumps_in(folder, 1)
    put(folder, GBK_NAME, b"")  # refused (empty), and its name printed
    assert main(["import", "--data-dir", str(tmp_path / "lib"), str(folder)]) == 1
    out = capsys.readouterr().out
    assert "imported 1" in out and "党建论文.txt: empty file" in out
    raw = os.fsdecode(os.path.join(os.fsencode(folder), b"\xff.txt"))
    Path(raw).write_bytes(b"")
    assert main(["parse", "--json", raw]) == 1
    assert "\\xff.txt" in capsys.readouterr().out


@given(st.binary(min_size=1, max_size=30))
def test_a_shown_name_is_always_text(raw: bytes) -> None:
    name = os.fsdecode(raw)
    shown = shown_name(name)
    shown.encode("utf-8")  # no lone surrogate left: SQLite and a UTF-8 terminal take it
    try:
        assert shown == raw.decode("utf-8")
    except UnicodeDecodeError:
        assert shown


@POSIX
def test_fifo_devices_and_links_are_refused_unread(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    dumps_in(folder, 2)
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "link.txt").symlink_to(folder / "dump_0.txt")  # a link to a regular file is read
    with pytest.raises(Unreadable, match="not a regular file"):
        read_dump(folder / "pipe.txt")
    with pytest.raises(Unreadable, match="not a regular file"):
        read_dump(folder / "zero.txt")
    assert parse_file(folder / "pipe.txt").error.startswith("not a regular file")
    library = Library()
    summary = import_paths(library, [folder, folder / "zero.txt"])
    assert sorted(Path(name).name for name, _ in summary.refused) == ["pipe.txt", "zero.txt", "zero.txt"]
    assert all("not a regular file" in reason for _, reason in summary.refused)
    assert (summary.imported, summary.duplicates) == (2, 1)  # the link to dump_0.txt is read: a duplicate
    library.close()


@POSIX
@pytest.mark.parametrize("command", ["import", "parse"])
def test_the_cli_does_not_hang_on_a_fifo(tmp_path: Path, command: str) -> None:
    folder = tmp_path / "in"
    dumps_in(folder, 1)
    os.mkfifo(folder / "pipe.txt")
    target = folder if command == "import" else folder / "pipe.txt"
    proc = subprocess.run(
        [sys.executable, "-m", "reader", command, "--data-dir", str(tmp_path / "lib"), str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "not a regular file" in proc.stdout


def test_a_file_beyond_the_cap_is_refused_with_its_reason(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    dumps_in(folder, 1)
    with open(folder / "huge.txt", "wb") as f:
        f.truncate(MAX_DUMP_BYTES + 1)  # sparse: costs no disk
    library = Library()
    summary = import_paths(library, [folder])
    assert summary.imported == 1
    [(name, reason)] = summary.refused
    assert name.endswith("huge.txt") and "too large" in reason
    assert "too large" in (parse_bytes(b" " * (MAX_DUMP_BYTES + 1)).error or "")
    library.close()


@POSIX
def test_a_fifo_among_note_templates_is_passed_over(tmp_path: Path) -> None:
    from reader.core.export.study_notes import template_folder, templates

    folder = template_folder(tmp_path)
    os.mkfifo(folder / "pipe.md")
    found = templates(tmp_path)
    assert "pipe" not in found and found


def test_big_imports_hold_bounded_memory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Chunks are bounded in bytes as well as files, and big dumps are parsed in this process, one at
    a time, never in every worker at once; each article still belongs to its own file."""
    from reader.core.library import importer

    folder = tmp_path / "in"
    texts = dumps_in(folder, 12)
    sizes = sorted(len(t) for t in texts)
    monkeypatch.setattr(importer, "PARALLEL_FROM", 1)
    monkeypatch.setattr(importer, "IN_WORKER_MAX", sizes[6])  # the five biggest are parsed here
    monkeypatch.setattr(importer, "CHUNK_BYTES", 3 * sizes[-1])
    chunks: list[int] = []
    here: list[str] = []
    split, parse = importer._split_known, importer.parse_bytes
    monkeypatch.setattr(
        importer,
        "_split_known",
        lambda lib, chunk, seen: (chunks.append(sum(len(j.data or b"") for j in chunk)), split(lib, chunk, seen))[1],
    )
    monkeypatch.setattr(importer, "parse_bytes", lambda data, name="": (here.append(name), parse(data, name))[1])
    library = Library()
    summary = import_paths(library, [folder], workers=2, start_method="spawn")
    assert summary.imported == 12 and not summary.refused
    assert len(chunks) > 1 and max(chunks) < 4 * sizes[-1]
    big = {f"dump_{k}.txt" for k, t in enumerate(texts) if len(t) > sizes[6]}
    assert set(here) == big and len(big) == 5
    for file_name, article_id in library.db.execute("SELECT file_name, id FROM articles"):
        expected = parse(texts[int(file_name[5:-4])], file_name)
        assert library.article(article_id).title == expected.title
    library.close()
