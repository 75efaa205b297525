"""Chinese full-text search that finds exactly what a substring search finds.

Chinese has no spaces, so the index holds every overlapping pair of CJK characters
(bigrams) in one column and every single character in another, under FTS5's
unicode61 tokenizer; Latin text is indexed by words. A query of n ≥ 2 CJK
characters is the phrase of its n-1 bigrams, which matches exactly where the
string stands; one character searches the single-character column.
Text is normalised before both indexing and querying, character for character, so
that positions in the normalised text are positions in the original: full-width
and half-width forms (NFKC) and traditional characters (OpenCC t2s; 黨建 finds 党建).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .store import Library

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUNS = re.compile(rf"[{_CJK}]+|[0-9A-Za-z\u00c0-\u024f]+")
_IS_CJK = re.compile(f"[{_CJK}]")
SNIPPET_CONTEXT = 30
MARK_OPEN, MARK_CLOSE = "«", "»"


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def _char(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    return folded.lower() if len(folded) == 1 else ch.lower()


def normalize(text: str) -> str:
    """Same length as ``text``: each character folded (width, case) and made simplified."""
    folded = "".join(_char(ch) for ch in text) if not text.isascii() else text.lower()
    if folded.isascii():
        return folded
    simplified = _converter().convert(folded)
    if len(simplified) == len(folded):
        return simplified
    return "".join(c if len(c := _converter().convert(ch)) == 1 else ch for ch in folded)


def grams(text: str) -> tuple[str, str]:
    """(bigram stream, single-character stream) of normalised text, for the index or a query."""
    pairs: list[str] = []
    singles: list[str] = []
    for m in _RUNS.finditer(text):
        run = m.group()
        if not _IS_CJK.match(run):
            pairs.append(run)
            continue
        singles.extend(run)
        if len(run) == 1:
            pairs.append(run)
        else:
            pairs.extend(run[i : i + 2] for i in range(len(run) - 1))
    return " ".join(pairs), " ".join(singles)


# -- the index ---------------------------------------------------------------

SCHEMA = """
CREATE VIRTUAL TABLE search_index USING fts5(
    grams, chars,
    article_id UNINDEXED, kind UNINDEXED, target UNINDEXED, field UNINDEXED, text UNINDEXED,
    tokenize = 'unicode61'
);
"""


def _rows_for_article(
    library: Library, article_id: int, kinds: tuple[str, ...]
) -> list[tuple[str, int | None, str, str]]:
    """(kind, target, field, text) of everything searchable about one article."""
    rows: list[tuple[str, int | None, str, str]] = []
    if "highlight" in kinds:
        for h in library.highlights(article_id):
            rows.append(("highlight", h["id"], "highlight", h["quote"] + ("\n" + h["note"] if h["note"] else "")))
    if "note" in kinds and (note := library.note("article", article_id)):
        rows.append(("note", article_id, "note", note))
    if "article" not in kinds:
        return rows
    meta = library.article_meta(article_id)
    article = library.article(article_id)
    if meta is None or article is None:
        return rows
    rows.append(("article", None, "title", meta["title"] or ""))
    people = "　".join([*meta["authors"], meta["source"] or "", *meta["keywords"]])
    rows.append(("article", None, "meta", people))
    if article.abstract:
        rows.append(("article", None, "abstract", article.abstract))
    for i, section in enumerate(article.sections):
        text = "\n".join(p for p in ([section.heading] if section.heading else []) + section.paragraphs)
        rows.append(("article", i, "body", text))
    if article.references:
        rows.append(("article", None, "references", "\n".join(article.references)))
    return rows


def index_article(library: Library, article_id: int, kinds: tuple[str, ...] = ("article", "highlight", "note")) -> None:
    """(Re)index one article's text, highlights and notes (or just the kinds named)."""
    marks = ",".join("?" * len(kinds))
    library.db.execute(f"DELETE FROM search_index WHERE article_id = ? AND kind IN ({marks})", [article_id, *kinds])
    rows = []
    for kind, target, field_name, text in _rows_for_article(library, article_id, kinds):
        pairs, singles = grams(normalize(text))
        rows.append((pairs, singles, article_id, kind, target, field_name, text))
    library.db.conn.executemany(
        "INSERT INTO search_index (grams, chars, article_id, kind, target, field, text) VALUES (?,?,?,?,?,?,?)", rows
    )


def forget_article(library: Library, article_id: int) -> None:
    library.db.execute("DELETE FROM search_index WHERE article_id = ?", [article_id])


def reindex(library: Library, progress: Any = None) -> int:
    ids = [r[0] for r in library.db.execute("SELECT id FROM articles ORDER BY id")]
    with library.transaction():
        library.db.execute("DELETE FROM search_index")
        for n, article_id in enumerate(ids, start=1):
            index_article(library, article_id)
            if progress:
                progress(n, len(ids))
    return len(ids)


# -- queries -----------------------------------------------------------------

_TOKEN = re.compile(r'(-?)(?:(\w+):)?(?:"([^"]*)"|(\S+))')
FIELDS = {"title", "author", "source", "tag", "course"}


@dataclass
class Query:
    terms: list[str] = field(default_factory=list)  # normalised, all must occur
    excluded: list[str] = field(default_factory=list)
    filters: list[tuple[str, str]] = field(default_factory=list)  # (field, normalised value)

    @classmethod
    def parse(cls, text: str) -> Query:
        """Words (all must occur), "exact phrases", -excluded, and title: author: source: tag: course:."""
        q = cls()
        for m in _TOKEN.finditer(text):
            minus, name, quoted, bare = m.groups()
            value = normalize((quoted if quoted is not None else bare or "").strip())
            if name and name.lower() not in FIELDS:  # `ab:cd` that is no filter is a plain word
                value, name = normalize(m.group(0).lstrip("-").strip('"')), None
            if not value:
                continue
            if name:
                q.filters.append((name.lower(), value))
            elif minus:
                q.excluded.append(value)
            else:
                q.terms.append(value)
        return q

    @property
    def empty(self) -> bool:
        return not (self.terms or self.filters)


@dataclass
class Hit:
    article_id: int
    title: str
    where: str  # article, highlight, note
    field: str  # title, meta, abstract, body, references, highlight, note
    target: int | None  # section position, highlight id or article id
    snippet: str
    start: int  # the match's offsets in the row's original text
    end: int

    def to_json(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "where": self.where,
            "field": self.field,
            "target": self.target,
            "snippet": self.snippet,
            "start": self.start,
            "end": self.end,
        }


def _match_expression(term: str) -> str | None:
    pairs, singles = grams(term)
    if not pairs:
        return None
    if len(term) == 1 and _IS_CJK.match(term):
        return f'chars : "{singles}"'
    return f'grams : "{pairs}"'


def _rows_matching(library: Library, term: str, limit: int | None = None) -> list[tuple[Any, ...]]:
    expression = _match_expression(term)
    if expression is None:
        return []
    sql = (
        "SELECT s.article_id, s.kind, s.target, s.field, s.text FROM search_index s"
        " JOIN articles a ON a.id = s.article_id AND a.deleted_at IS NULL"
        " WHERE search_index MATCH ? ORDER BY rank"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    return list(library.db.execute(sql, [expression]))


def _passes_filters(library: Library, article_id: int, filters: list[tuple[str, str]], cache: dict) -> bool:
    if not filters:
        return True
    if article_id not in cache:
        meta = library.article_meta(article_id) or {}
        cache[article_id] = {
            "title": normalize(meta.get("title") or ""),
            "author": normalize("　".join(meta.get("authors") or [])),
            "source": normalize(meta.get("source") or ""),
            "tag": normalize("　".join(library.article_tags(article_id))),
            "course": normalize(
                "　".join(
                    c["name"] for c in library.collections() if article_id in library.collection_articles(c["id"])
                )
            ),
        }
    fields = cache[article_id]
    return all(value in fields[name] for name, value in filters)


def snippet(text: str, start: int, end: int) -> str:
    """The match in its original text, marked, with some context either side."""
    a, b = max(0, start - SNIPPET_CONTEXT), min(len(text), end + SNIPPET_CONTEXT)
    body = text[a:start] + MARK_OPEN + text[start:end] + MARK_CLOSE + text[end:b]
    body = body.replace("\n", " ")
    return ("…" if a > 0 else "") + body + ("…" if b < len(text) else "")


def search(library: Library, text: str, limit: int = 20) -> list[Hit]:
    """Hits, best first: rows of articles that hold every term, none of the excluded, and pass the filters."""
    q = Query.parse(text)
    if q.empty:
        return []
    cache: dict[int, dict[str, str]] = {}
    if q.terms:
        per_term = [_rows_matching(library, t) for t in q.terms]
        articles = set.intersection(*({r[0] for r in rows} for rows in per_term))
        candidates = [r for r in per_term[0] if r[0] in articles]
    else:
        ids = [r[0] for r in library.db.execute("SELECT id FROM articles WHERE deleted_at IS NULL ORDER BY id")]
        candidates = [(i, "article", None, "title", "") for i in ids]
        articles = set(ids)
    for term in q.excluded:
        articles -= {r[0] for r in _rows_matching(library, term)}
    hits: list[Hit] = []
    titles: dict[int, str] = {}
    for article_id, kind, target, field_name, row_text in candidates:
        if article_id not in articles or not _passes_filters(library, article_id, q.filters, cache):
            continue
        if article_id not in titles:
            meta = library.article_meta(article_id)
            titles[article_id] = meta["title"] if meta else ""
        if q.terms:
            at = normalize(row_text).find(q.terms[0])
            if at < 0:  # the phrase matched across a line break the text does not have
                continue
            start, end = at, at + len(q.terms[0])
            shown = snippet(row_text, start, end)
        else:
            start = end = 0
            shown = titles[article_id]
        hits.append(Hit(article_id, titles[article_id], kind, field_name, target, shown, start, end))
        if len(hits) >= limit:
            break
    return hits


def matching_articles(library: Library, text: str) -> list[int]:
    """Every article the query finds, in the order of its best hit (no limit)."""
    seen: dict[int, None] = {}
    for hit in search(library, text, limit=1_000_000):
        seen.setdefault(hit.article_id, None)
    return list(seen)
