"""Scoring a parse against its truth as the corpus README says: white space and full-width forms do not
count; abstracts and references count when nearly the same text."""

from __future__ import annotations

import difflib
import unicodedata
from typing import Any

FIELDS = ("title", "authors", "source", "year", "abstract", "keywords", "sections", "references", "related_count")


def norm(value: object) -> str | None:
    if value is None:
        return None
    return "".join(unicodedata.normalize("NFKC", str(value)).split())


def similar(a: str | None, b: str | None, at_least: float) -> bool:
    a, b = norm(a), norm(b)
    if a is None or b is None:
        return a == b
    return a == b or difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= at_least


def score(got: dict[str, Any], expected: dict[str, Any]) -> float:
    """The share of FIELDS right (1.0 or 0.0 for a refusal the truth asks for)."""
    if expected.get("error"):
        return 1.0 if got["error"] else 0.0
    hits = [
        norm(got["title"]) == norm(expected["title"]),
        [norm(a) for a in got["authors"]] == [norm(a) for a in expected["authors"]],
        norm(got["source"]) == norm(expected["source"]),
        got["year"] == expected["year"],
        similar(got["abstract"], expected["abstract"], 0.95),
        [norm(k) for k in got["keywords"]] == [norm(k) for k in expected["keywords"]],
        [(norm(s["heading"]), s["level"]) for s in got["sections"]]
        == [(norm(s["heading"]), s["level"]) for s in expected["sections"]],
        len(got["references"]) == len(expected["references"])
        and all(similar(g, e, 0.9) for g, e in zip(got["references"], expected["references"], strict=True)),
        got["related_count"] == expected["related_count"],
    ]
    return sum(hits) / len(FIELDS)
