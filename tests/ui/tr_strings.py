"""Every string the UI passes to tr() (or to QCoreApplication.translate, outside any QObject: reader/app.py),
with its context, found by reading the source."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "reader" / "ui"
APP = UI.parent / "app.py"
# `window.tr(...)` in an undo command speaks for the main window.
RECEIVERS = {"window": "MainWindow"}


def tr_strings() -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for path in [*sorted(UI.glob("*.py")), APP]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):  # QCoreApplication.translate("Context", "text")
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "translate"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "QCoreApplication"
                and len(node.args) >= 2
                and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args[:2])
            ):
                found.add((node.args[0].value, node.args[1].value))
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
        for func in (n for n in tree.body if isinstance(n, ast.FunctionDef)):  # `window.tr` in helpers
            for node in ast.walk(func):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "tr"
                    and isinstance(node.func.value, ast.Name)
                    and node.func.value.id in RECEIVERS
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                ):
                    found.add((RECEIVERS[node.func.value.id], node.args[0].value))
    return found
