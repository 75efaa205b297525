"""Files written whole keep the mode a reader of them expects: the replaced file's, else what a new
file gets (0o666 less the umask; folders 0o777); never owner-only because a temporary name was."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core import files
from reader.core.export import study_notes
from reader.core.export.markdown import Exporter
from reader.core.library import backup
from reader.core.library.store import DB_NAME, Library

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")


@pytest.fixture
def umask_022() -> Iterator[None]:
    before = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_umask_is_read_without_being_changed(umask_022: None) -> None:
    assert files.umask() == 0o022
    assert (files.new_file_mode(), files.new_folder_mode()) == (0o644, 0o755)


def test_a_new_file_gets_the_mode_of_a_new_file(tmp_path: Path, umask_022: None) -> None:
    assert mode(files.write_text(tmp_path / "new.md", "新")) == 0o644
    source = files.write_text(tmp_path / "source.md", "源")
    assert mode(files.copy(source, tmp_path / "copied.md")) == 0o644


def test_a_replaced_file_keeps_its_mode(tmp_path: Path, umask_022: None) -> None:
    for wanted in (0o640, 0o664, 0o600):
        path = tmp_path / f"kept-{wanted:o}.md"
        path.write_text("旧", encoding="utf-8")
        path.chmod(wanted)
        files.write_text(path, "新")
        assert (path.read_text(encoding="utf-8"), mode(path)) == ("新", wanted)


def test_exports_and_templates_are_not_owner_only(
    library: Library, seed_bytes: bytes, tmp_path: Path, umask_022: None
) -> None:
    article_id = library.import_bytes(seed_bytes, "seed.txt").article_id
    (written,) = Exporter(library).export_articles([article_id], tmp_path / "out")
    assert mode(written) == 0o644
    folder = study_notes.template_folder(tmp_path / "lib")
    assert mode(folder) == 0o755
    assert {mode(p) for p in folder.glob("*.md")} == {0o644}


def test_backups_and_restored_libraries_are_not_owner_only(tmp_path: Path, seed_bytes: bytes, umask_022: None) -> None:
    library = Library.in_folder(tmp_path)
    library.import_bytes(seed_bytes, "seed.txt")
    made = backup.make_backup(library.db, tmp_path)
    library.close()
    assert mode(made) == 0o644
    (tmp_path / DB_NAME).chmod(0o640)  # the owner chose who reads the library: the restore keeps it
    backup.restore(tmp_path, made)
    assert mode(tmp_path / DB_NAME) == 0o640
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    backup.restore(fresh, made)  # no library there yet: a new file's mode
    assert mode(fresh / DB_NAME) == 0o644
