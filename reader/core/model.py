"""The article as the parser finds it: plain data, no Qt, no SQL."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

PARSER_VERSION = 3  # stored with each article; `reader reparse` brings older ones up to date


# Doubt code → the field it concerns. The parser records a code where it had to guess (the title) or
# found nothing (authors, year, headings): the reader is asked to look, and may correct (F2) or mark
# the details as checked (Ctrl+K).
DOUBTS: dict[str, str] = {
    "title_guessed": "title",  # no line looked like a title more than the others: the first one was taken
    "no_authors": "authors",  # nobody was named on an author line, a label or in 作者简介
    "no_year": "year",  # no publication year (post and upload dates are never used)
    "no_sections": "sections",  # a long body with no heading found in it
}


@dataclass
class Citation:
    """An inline [n] mark in a paragraph, tied to reference number ``ref``."""

    section: int  # index into Article.sections
    paragraph: int  # index into that section's paragraphs
    start: int  # character offsets of the mark within the paragraph
    end: int
    ref: int  # 1-based reference number


@dataclass
class Section:
    heading: str  # "" for the text before the first heading
    level: int  # 0 for that lead text, 1 for 一、, 2 for (一) …
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class Article:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    source: str | None = None
    year: int | None = None
    issue: str | None = None
    cited_by: int | None = None
    uploader: str | None = None
    doi: str | None = None
    abstract: str | None = None
    keywords: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    encoding: str | None = None
    error: str | None = None
    # A PDF's footnotes (the first page's 收稿日期, 基金项目, 作者简介; any page's ① notes), kept apart from the text.
    footnotes: list[str] = field(default_factory=list)
    # What the parser was unsure of, as codes (see DOUBTS); the reader is asked to check these fields.
    doubts: list[str] = field(default_factory=list)

    @property
    def related_count(self) -> int:
        return len(self.related)

    @property
    def headed_sections(self) -> list[Section]:
        return [s for s in self.sections if s.heading]

    def body_text(self) -> str:
        """All paragraphs, one per line, for search and hashing."""
        return "\n".join(p for s in self.sections for p in s.paragraphs)

    def to_json(self) -> dict[str, Any]:
        """The schema of the corpus ground truth, plus fields of our own."""
        data = asdict(self)
        data["sections"] = [
            {"heading": s.heading, "level": s.level, "paragraphs": s.paragraphs} for s in self.headed_sections
        ]
        data["lead"] = [p for s in self.sections if not s.heading for p in s.paragraphs]
        # In JSON a citation's section counts headed sections only; -1 is the lead.
        json_index, headed = {}, 0
        for i, section in enumerate(self.sections):
            json_index[i] = headed if section.heading else -1
            headed += bool(section.heading)
        for c in data["citations"]:
            c["section"] = json_index[c["section"]]
        data["related_count"] = self.related_count
        return data

    @classmethod
    def refused(cls, reason: str, encoding: str | None = None) -> Article:
        return cls(error=reason, encoding=encoding)
