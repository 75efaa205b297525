"""What an import did: one file's result and the summary of a whole import."""

from __future__ import annotations

from dataclasses import dataclass, field

PASTED = "clipboard.txt"  # the file name pasted text is stored and reported under


@dataclass
class ImportResult:
    status: str  # imported, updated, duplicate, refused
    name: str
    article_id: int | None = None
    reason: str | None = None


@dataclass
class ImportSummary:
    imported: int = 0
    updated: int = 0
    duplicates: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)
    cancelled: bool = False

    def add(self, result: ImportResult) -> None:
        if result.status == "refused":
            self.refused.append((result.name, result.reason or "refused"))
            return
        if result.status == "imported":
            self.imported += 1
        elif result.status == "updated":
            self.updated += 1
        else:
            self.duplicates += 1
        if result.article_id is not None:
            self.article_ids.append(result.article_id)

    @property
    def total(self) -> int:
        return self.imported + self.updated + self.duplicates + len(self.refused)
