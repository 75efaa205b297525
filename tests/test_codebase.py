"""Habits of the codebase that tests can keep: the core knows nothing of Qt, dependencies run one way
with no import circles, modules stay under 500 lines, ruff is clean."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_core_never_imports_qt() -> None:
    for path in (ROOT / "reader" / "core").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n.split(".")[0] in {"PySide6", "PyQt6", "PyQt5"} for n in names), path


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The reader modules a file imports, at any depth (inside functions and TYPE_CHECKING blocks too)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            module = f"{base}.{node.module}" if node.level and node.module else (base if node.level else node.module)
            assert module is not None
            found.add(module)
            found.update(f"{module}.{a.name}" for a in node.names)  # `from . import search_index`
    return {m for m in found if m.split(".")[0] == "reader"}


def import_graph() -> dict[str, set[str]]:
    """Every module of the reader package → the reader modules it imports."""
    files = {_module_name(p): p for p in (ROOT / "reader").rglob("*.py")}
    return {name: {m for m in _imports(path) if m in files and m != name} for name, path in files.items()}


def test_no_import_circles() -> None:
    graph = import_graph()
    done: set[str] = set()

    def visit(node: str, trail: list[str]) -> None:
        if node in trail:
            raise AssertionError("import circle: " + " → ".join([*trail[trail.index(node) :], node]))
        if node in done:
            return
        for nxt in sorted(graph[node]):
            visit(nxt, [*trail, node])
        done.add(node)

    for node in sorted(graph):
        visit(node, [])


def test_dependencies_run_one_way() -> None:
    """parse ← library ← export ← ui: a lower layer never imports a higher one; the lower library
    modules take a Database, never the Library facade. Under them all, the shared ``model`` (the data)
    and ``files`` (writing files whole) import nothing of the core."""
    shared = {"reader.core.model", "reader.core.files"}
    allowed = {
        "reader.core.model": set(),
        "reader.core.files": set(),
        "reader.core.parse": {*shared, "reader.core.parse"},
        "reader.core.library": {*shared, "reader.core.parse", "reader.core.library"},
        "reader.core.export": {*shared, "reader.core.library", "reader.core.export"},
    }
    graph = import_graph()
    assert shared <= set(graph), "the shared modules are where the layers expect them"
    lower = (
        "database",
        "schema",
        "articles",
        "search_index",
        "listing",
        "anchors",
        "courses",
        "annotations",
        "summary",
    )
    for module, imported in graph.items():
        for layer, ok in allowed.items():
            if module.startswith(layer + ".") or module == layer:
                # `from .. import files` names the package `reader.core` too: its __init__ imports nothing
                stray = {
                    m for m in imported if m != "reader.core" and not any(m == o or m.startswith(o + ".") for o in ok)
                }
                assert not stray, f"{module} imports {stray}"
        if module.rpartition(".")[2] in lower and module.startswith("reader.core.library."):
            assert "reader.core.library.store" not in imported, module
        if module.startswith("reader.core"):
            assert not any(m.startswith(("reader.ui", "reader.app", "reader.cli")) for m in imported), module


def test_the_window_and_the_cli_use_the_library_facade() -> None:
    """Nothing above the core reaches past ``Library`` to its database (``library.db``)."""
    above = [ROOT / "reader" / "cli.py", ROOT / "reader" / "app.py", *(ROOT / "reader" / "ui").glob("*.py")]
    for path in above:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "db":
                owner = node.value
                name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
                assert name != "library", f"{path.name}:{node.lineno} uses library.db"


def test_modules_stay_under_500_lines() -> None:
    for path in (ROOT / "reader").rglob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) < 500, path


def test_ruff_clean() -> None:
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed")
    proc = subprocess.run(
        [ruff, "check", "reader", "tests", "bench", "packaging", "docs"], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_network_guard_is_on() -> None:
    import socket

    with pytest.raises(AssertionError, match="network"), socket.socket() as s:
        s.connect(("127.0.0.1", 9))
