"""The `reader` command line: a contract that scripts rely on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from tests.conftest import SEED, SHARED_CORPUS


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def dumps(tmp_path: Path) -> Path:
    if not SEED.exists():
        pytest.skip("../shared/corpus is not here")
    folder = tmp_path / "dumps"
    (folder / "sub").mkdir(parents=True)
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    (folder / "sub" / "dev.txt").write_bytes((SHARED_CORPUS / "dev" / "02_fx361_app_shequ.txt").read_bytes())
    (folder / "sub" / "notes.json").write_text("{}")  # not a dump: passed over in folders
    return folder


def test_help_lists_subcommands() -> None:
    out = run("--help").stdout
    for name in ("parse", "import", "list", "show", "reparse"):
        assert name in out


def test_parse_json_one_line_per_file_in_order(dumps: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    files = [dumps / "seed.txt", empty, dumps / "sub" / "dev.txt"]
    proc = run("parse", "--json", *map(str, files))
    assert proc.returncode == 1  # one was refused
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["title"] for r in rows] == ["党建引领基层治理新探索", None, "社区治理共同体视域下城市社区党建的实践路径"]
    assert rows[1]["error"].startswith(str(empty)) and "empty" in rows[1]["error"]
    for key in ("authors", "source", "year", "abstract", "keywords", "sections", "references", "related_count"):
        assert key in rows[0]
    assert run("parse", "--json", str(files[0])).returncode == 0


def test_import_list_show_reparse(dumps: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = tmp_path / "lib"
    assert main(["import", "--data-dir", str(lib), str(dumps)]) == 0
    out = capsys.readouterr().out
    assert "imported 2, updated 0, duplicates 0, refused 0" in out
    assert main(["--data-dir", str(lib), "import", str(dumps / "seed.txt")]) == 0
    assert "duplicates 1" in capsys.readouterr().out

    assert main(["list", "--json", "--data-dir", str(lib)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert sorted(r["title"] for r in rows) == ["党建引领基层治理新探索", "社区治理共同体视域下城市社区党建的实践路径"]
    seed_id = next(r["id"] for r in rows if r["title"] == "党建引领基层治理新探索")

    assert main(["show", str(seed_id), "--json", "--data-dir", str(lib)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["id"] == seed_id and len(shown["sections"]) == 6 and shown["related_count"] == 3

    assert main(["show", "999", "--data-dir", str(lib)]) == 1
    assert "no article 999" in capsys.readouterr().err
    assert main(["reparse", "--data-dir", str(lib)]) == 0
    assert "reparsed 2" in capsys.readouterr().out


def test_import_reports_refusals_with_reasons(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "readme.txt").write_text("This project is a tool.\n\nInstall it with pip.\n" * 5)
    (bad / "empty.txt").write_bytes(b"")
    code = main(["import", "--data-dir", str(tmp_path / "lib"), str(bad), str(tmp_path / "missing.txt")])
    out = capsys.readouterr().out
    assert code == 1
    assert "refused 3" in out
    assert "empty.txt: empty file" in out and "readme.txt: no article" in out and "no such file" in out


def test_data_dir_from_environment(dumps: Path, tmp_path: Path) -> None:
    import os

    env = dict(os.environ, READER_DATA_DIR=str(tmp_path / "envlib"))
    assert run("import", str(dumps / "seed.txt"), env=env).returncode == 0
    assert (tmp_path / "envlib" / "library.sqlite3").exists()
    listed = run("list", env=env).stdout
    assert "党建引领基层治理新探索" in listed


def test_damaged_database_is_reported_not_crashed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "library.sqlite3").write_bytes(b"this is not a database" * 100)
    assert main(["list", "--data-dir", str(lib)]) == 2
    err = capsys.readouterr().err
    assert "reader:" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "args",
    [
        ["search", "党建", "--limit", "-5"],
        ["search", "党建", "--limit", "0"],
        ["search", "党建", "--limit", "x"],
        ["show", "-1"],
        ["show", str(2**64)],
        ["import", "--workers", "-2", "nothing"],
        ["backup", "--keep", "0"],
        ["export", "--article", "0", "--out", "x"],
        ["export", "--collection", "c", "--theme-color", "9", "--out", "x"],
    ],
)
def test_numeric_options_are_checked(args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A bad number is a usage error (exit 2, one line on stderr), never a loop or a traceback."""
    with pytest.raises(SystemExit) as exit_:
        main([*args, "--data-dir", str(tmp_path / "lib")])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "error: argument" in err and "Traceback" not in err
    assert not (tmp_path / "lib").exists()  # refused before the library is opened


def test_search_with_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    """A query from a terminal that is not UTF-8 arrives with lone surrogates: it still runs."""
    from reader.core.library.store import Library

    lib = str(tmp_path / "lib")
    Library.in_folder(lib).close()  # an empty library: reading commands open only one that exists
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "reader",
            "search",
            "--data-dir",
            lib,
            "--limit",
            "3",
            b"\xff\xfe\xb5\xb3".decode("utf-8", "surrogateescape"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "0 hit(s)" in proc.stdout


def test_search_takes_an_excluded_word_without_dashes(tmp_path: Path, seed_bytes: bytes, capsys) -> None:
    from reader.core.library.store import Library

    lib = Library.in_folder(tmp_path)
    lib.import_bytes(seed_bytes, "seed.txt")
    lib.close()
    assert main(["search", "--data-dir", str(tmp_path), "--json", "基层", "-治理"]) == 0
    with_exclusion = capsys.readouterr().out
    assert main(["search", "--data-dir", str(tmp_path), "--json", "基层"]) == 0
    assert with_exclusion.strip() == "" and capsys.readouterr().out.strip() != ""  # the seed holds both words
    with pytest.raises(SystemExit):
        main(["list", "--data-dir", str(tmp_path), "-治理"])  # elsewhere an unknown option is an error


def test_parse_takes_a_folder_and_an_empty_import_says_so(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "dumps"
    folder.mkdir()
    text = "社区协商议事规则的完善路径\n摘要:本文讨论议事规则。\n一、问题\n" + "正文。" * 40
    (folder / "a.txt").write_text(text, "utf-8")
    (folder / "sheet.xlsx").write_bytes(b"PK\x03\x04")  # not an article file: not taken
    assert main(["parse", "--json", str(folder)]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert json.loads(line)["title"] == "社区协商议事规则的完善路径"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["import", "--data-dir", str(tmp_path / "lib"), str(empty)]) == 1
    assert "nothing to import" in capsys.readouterr().err


def test_theme_colour_by_number_or_by_its_meaning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--theme-color takes 1 to 5 (as Ctrl+1…5) or the colour's meaning, as the library names it."""
    from reader.core.library.store import Library
    from tests.conftest import highlight

    if not SEED.exists():
        pytest.skip("../shared/corpus is not here")
    lib = tmp_path / "lib"
    library = Library.in_folder(str(lib))
    article_id = library.import_bytes(SEED.read_bytes(), "seed.txt").article_id
    highlight(library, article_id, "关键是要积极发挥党的引领作用", 1)  # the second colour
    library.add_to_collection(library.create_collection("课程"), [article_id])
    meaning = library.color_meanings()[1]
    library.close()
    base = ["export", "--collection", "课程", "--data-dir", str(lib)]
    for i, color in enumerate(["2", meaning]):
        assert main([*base, "--theme-color", color, "--out", str(tmp_path / f"{i}.md")]) == 0
        assert "关键是要积极发挥党的引领作用" in (tmp_path / f"{i}.md").read_text(encoding="utf-8")
    assert main([*base, "--theme-color", "1", "--out", str(tmp_path / "first.md")]) == 0
    assert "关键是要积极发挥党的引领作用" not in (tmp_path / "first.md").read_text(encoding="utf-8")
    capsys.readouterr()
    assert main([*base, "--theme-color", "没有这种颜色", "--out", str(tmp_path / "x.md")]) == 1
    err = capsys.readouterr().err
    assert "没有这种颜色" in err and f"2 {meaning}" in err
