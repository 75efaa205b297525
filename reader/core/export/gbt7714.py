"""Citations of articles as GB/T 7714-2015 text."""

from __future__ import annotations

import re
from typing import Any

_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'-]*$")


def _authors(names: list[str]) -> str:
    """GB/T 7714-2015 §8.1: up to three names, then `等` (`et al.` for Latin names)."""
    if not names:
        return ""
    shown = ", ".join(names[:3])
    if len(names) > 3:
        shown += ", et al" if _LATIN.match(names[0]) else ", 等"
    return shown


def gbt7714(meta: dict[str, Any]) -> str:
    """`向春玲. 党建引领基层治理新探索[J]. 速读·中旬, 2018(3).` — a journal article [J] when the
    journal is known; otherwise [Z] (a document of another kind), with whatever is known."""
    title = (meta.get("title") or "").strip()
    source = (meta.get("source") or "").strip()
    year, issue = meta.get("year"), meta.get("issue")
    head = _authors(list(meta.get("authors") or []))
    parts = [f"{head}. " if head else ""]
    if source:
        parts.append(f"{title}[J]. {source}")
        if year:
            parts.append(f", {year}")
            if issue:
                parts.append(f"({issue})")
    else:
        parts.append(f"{title}[Z]")
        if year:
            parts.append(f". {year}")
    return "".join(parts) + "."
