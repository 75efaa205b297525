"""Every file the exporter writes (articles, index.md, CSL, themes) and the note templates it fills
appear whole or not at all: a kill or a full disk midway never leaves a torn or empty file."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core import files
from reader.core.export import study_notes
from reader.core.export.markdown import Exporter
from reader.core.library.store import Library


def _fail_on_flush(monkeypatch: pytest.MonkeyPatch) -> None:
    """The data is written, then the disk refuses to flush it (or the process dies there)."""

    def fail(path: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "fsync_file", fail)


def _left(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_failed_export_keeps_the_old_files_and_leaves_no_new_ones(
    library: Library, seed_bytes: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id = library.import_bytes(seed_bytes, "seed.txt").article_id
    course = library.create_collection("党建课")
    library.add_to_collection(course, [article_id])
    exporter = Exporter(library)
    out = tmp_path / "out"
    written = exporter.export_course(course, out)
    csl = exporter.export_csl([article_id], tmp_path / "refs.json")
    before = {p: p.read_bytes() for p in [*written, csl]}
    library.set_note("article", article_id, "导出之后又写的心得")

    _fail_on_flush(monkeypatch)
    with pytest.raises(OSError):
        exporter.export_course(course, out, force=True)
    with pytest.raises(OSError):
        exporter.export_csl([article_id], csl, force=True)
    with pytest.raises(OSError):
        exporter.export_theme(course, tmp_path / "theme.md")
    assert {p: p.read_bytes() for p in before} == before  # the old files, whole
    assert _left(out) == sorted(p.name for p in written)  # no temporary file left beside them
    assert not (tmp_path / "theme.md").exists()

    monkeypatch.undo()
    assert exporter.export_theme(course, tmp_path / "theme.md").read_text(encoding="utf-8")  # nothing blocks it
    again = exporter.export_course(course, out, force=True)
    assert "导出之后又写的心得" in "".join(p.read_text(encoding="utf-8") for p in again)


def test_templates_are_filled_whole_or_not_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = sorted(p.name for p in study_notes.TEMPLATES.glob("*.md"))
    assert len(shipped) > 1
    copied = []
    real_copy = files.copy

    def dies_on_the_second(source: Path, final: Path) -> Path:
        if copied:
            raise OSError(28, "No space left on device")
        copied.append(source)
        return real_copy(source, final)

    monkeypatch.setattr(files, "copy", dies_on_the_second)
    with pytest.raises(OSError):
        study_notes.template_folder(tmp_path)
    assert _left(tmp_path) == []  # no half-filled folder that would count as filled
    monkeypatch.undo()
    assert sorted(study_notes.templates(tmp_path)) == [Path(n).stem for n in shipped]
