"""Articles as CSL-JSON items (Citation Style Language 1.0.2 data schema), as Zotero imports them."""

from __future__ import annotations

from typing import Any


def csl_item(meta: dict[str, Any]) -> dict[str, Any]:
    """One article as CSL-JSON (what Zotero and other reference managers import)."""
    item: dict[str, Any] = {
        "id": f"yandu-{meta['id']}",
        "type": "article-journal" if meta.get("source") else "document",
        "title": meta.get("title") or "",
        "author": [{"literal": name} for name in meta.get("authors") or []],
    }
    if meta.get("source"):
        item["container-title"] = meta["source"]
    if meta.get("year"):
        item["issued"] = {"date-parts": [[int(meta["year"])]]}
    if meta.get("issue"):
        item["issue"] = str(meta["issue"])
    if meta.get("doi"):
        item["DOI"] = meta["doi"]
    if meta.get("keywords"):
        item["keyword"] = ", ".join(meta["keywords"])
    return item
