"""Every string the UI passes to tr(), with its context, found by reading the source."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parent.parent / "reader" / "ui"
# `window.tr(...)` in an undo command speaks for the main window.
RECEIVERS = {"window": "MainWindow"}


def tr_strings() -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for path in sorted(UI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            for node in ast.walk(cls):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                    continue
                if node.func.attr != "tr" or not node.args or not isinstance(node.args[0], ast.Constant):
                    continue
                receiver = node.func.value
                if isinstance(receiver, ast.Name) and receiver.id == "self":
                    found.add((cls.name, node.args[0].value))
                elif isinstance(receiver, ast.Attribute) and isinstance(receiver.value, ast.Name):
                    found.add((RECEIVERS.get(receiver.attr, receiver.attr), node.args[0].value))
                elif isinstance(receiver, ast.Name) and receiver.id in RECEIVERS:
                    found.add((RECEIVERS[receiver.id], node.args[0].value))
    return found
