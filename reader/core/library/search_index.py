"""Full-text search that finds exactly what a substring search of the normalised text finds.

Every character counts, whatever its script: the index holds every overlapping pair of
characters (bigrams) of a row's text in one column and every single character in another,
each spelled as hexadecimal code points so that FTS5's tokenizer neither splits, folds nor
drops any of them (``2023年``, ``A股``, ``GPT`` inside ``ChatGPT``, punctuation). A query of
n ≥ 2 characters is the phrase of its n-1 bigrams, which matches exactly where the string
stands (a pair across a line break or a space is a pair like any other, so nothing matches
across one); one character searches the single-character column.
Text is normalised before both indexing and querying, character for character, so
that positions in the normalised text are positions in the original: full-width
and half-width forms (NFKC) and traditional characters (OpenCC t2s; 黨建 finds 党建).
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .articles import article_meta, read_article
from .database import TAGGED, transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ..model import Article

SNIPPET_CONTEXT = 30
MARK_OPEN, MARK_CLOSE = "«", "»"


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def _char(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch).lower()
    return folded if len(folded) == 1 else ch


_SIMPLIFIED: dict[int, str] = {}


def _simplify(text: str) -> str:
    """Traditional to simplified one character at a time: a phrase table would make 乾 in 乾隆
    stay 乾 but 乾 alone 干, and a query could then miss its own text."""
    missing = {ord(ch) for ch in text if ord(ch) > 0x2E7F and ord(ch) not in _SIMPLIFIED}
    for code in missing:
        _SIMPLIFIED[code] = _simplified(code)
    return text.translate(_SIMPLIFIED)


def _simplified(code: int) -> str:
    """One character made simplified; a character the converter cannot take (a lone surrogate,
    from a command line that was not UTF-8) stays as it is."""
    if 0xD800 <= code <= 0xDFFF:
        return chr(code)
    try:
        converted = _converter().convert(chr(code))
    except (UnicodeError, ValueError, RuntimeError):
        return chr(code)
    return converted if len(converted) == 1 else chr(code)


def normalize(text: str) -> str:
    """Same length as ``text``: each character folded (width, case) and made simplified."""
    if text.isascii():
        return text.lower()
    folded = unicodedata.normalize("NFKC", text).lower()
    if len(folded) != len(text):  # something expanded (㈠ → (一), İ → i̇): fold one character at a time
        folded = "".join(_char(ch) for ch in text)
    return _simplify(folded)


def _code(ch: str) -> str:
    return format(ord(ch), "x")


def grams(text: str) -> tuple[str, str]:
    """(bigram stream, single-character stream) of normalised text, for the index or a query.

    A bigram is spelled ``<hex>x<hex>``, a character ``<hex>``: ASCII letters and digits only,
    one token each under unicode61. White space has no single-character token (a query never
    is white space alone) but stands in the pairs, so that no phrase spans it."""
    codes = [_code(ch) for ch in text]
    pairs = " ".join(f"{a}x{b}" for a, b in itertools.pairwise(codes))
    singles = " ".join(c for ch, c in zip(text, codes, strict=True) if not ch.isspace())
    return pairs, singles


# -- the index ---------------------------------------------------------------

SCHEMA = """
-- Contentless: the index keeps only what finds rows; the rows themselves live in search_rows.
CREATE VIRTUAL TABLE search_index USING fts5(grams, chars, content = '', tokenize = 'unicode61');
CREATE TABLE search_rows (
    rowid INTEGER PRIMARY KEY,          -- the same rowid in search_index
    article_id INTEGER NOT NULL,
    kind TEXT NOT NULL,                 -- article, highlight, note
    target INTEGER,                     -- section position, highlight id, article id
    field TEXT NOT NULL,                -- title, meta, abstract, body, references, footnotes, highlight, note
    text TEXT NOT NULL                  -- last, so that reading the other columns stays cheap
);
CREATE INDEX search_rows_article ON search_rows (article_id, kind);
"""


def _rows_for_article(
    db: Database, article_id: int, kinds: tuple[str, ...], article: Article | None = None
) -> list[tuple[str, int | None, str, str]]:
    """(kind, target, field, text) of everything searchable about one article."""
    rows: list[tuple[str, int | None, str, str]] = []
    if "highlight" in kinds:
        for hid, quote, note in db.execute(
            "SELECT h.id, h.quote, coalesce(n.body, '') FROM highlights h LEFT JOIN notes n"
            " ON n.kind = 'highlight' AND n.target_id = h.id WHERE h.article_id = ?"
            " ORDER BY h.orphaned, h.section_position, h.start",
            [article_id],
        ):
            rows.append(("highlight", hid, "highlight", quote + ("\n" + note if note else "")))
    if "note" in kinds:
        row = db.execute("SELECT body FROM notes WHERE kind = 'article' AND target_id = ?", [article_id]).fetchone()
        if row and row[0]:
            rows.append(("note", article_id, "note", row[0]))
    if "article" not in kinds:
        return rows
    if article is None:
        meta = article_meta(db, article_id)
        article = read_article(db, article_id)
        if meta is None or article is None:
            return rows
        article.title, article.authors, article.source = meta["title"], meta["authors"], meta["source"]
        article.keywords = meta["keywords"]
    rows.append(("article", None, "title", article.title or ""))
    rows.append(("article", None, "meta", "　".join([*article.authors, article.source or "", *article.keywords])))
    if article.abstract:
        rows.append(("article", None, "abstract", article.abstract))
    for i, section in enumerate(article.sections):
        text = "\n".join(p for p in ([section.heading] if section.heading else []) + section.paragraphs)
        rows.append(("article", i, "body", text))
    if article.references:
        rows.append(("article", None, "references", "\n".join(article.references)))
    if article.footnotes:  # a PDF's 基金项目 number, an author's unit: searched like the rest
        rows.append(("article", None, "footnotes", "\n".join(article.footnotes)))
    return rows


def index_article(
    db: Database,
    article_id: int,
    kinds: tuple[str, ...] = ("article", "highlight", "note"),
    article: Article | None = None,
    new: bool = False,
) -> None:
    """(Re)index one article's text, highlights and notes (or just the kinds named).

    ``article`` saves reading back what was just stored; ``new`` says there is nothing to replace."""
    conn = db.conn
    if not new:
        forget_article(db, article_id, kinds)
    for kind, target, field_name, text in _rows_for_article(db, article_id, kinds, article):
        pairs, singles = grams(normalize(text))
        cur = conn.execute(
            "INSERT INTO search_rows (article_id, kind, target, field, text) VALUES (?,?,?,?,?)",
            (article_id, kind, target, field_name, text),
        )
        conn.execute("INSERT INTO search_index (rowid, grams, chars) VALUES (?,?,?)", (cur.lastrowid, pairs, singles))


def forget_article(db: Database, article_id: int, kinds: tuple[str, ...] = ("article", "highlight", "note")) -> None:
    """Take an article's rows out of the index: a contentless index is told what each row held."""
    marks = ",".join("?" * len(kinds))
    rows = db.execute(
        f"SELECT rowid, text FROM search_rows WHERE article_id = ? AND kind IN ({marks})", [article_id, *kinds]
    ).fetchall()
    conn = db.conn
    for rowid, text in rows:
        pairs, singles = grams(normalize(text))
        conn.execute(
            "INSERT INTO search_index (search_index, rowid, grams, chars) VALUES ('delete', ?, ?, ?)",
            (rowid, pairs, singles),
        )
    conn.executemany("DELETE FROM search_rows WHERE rowid = ?", [(r[0],) for r in rows])


def reindex(db: Database, progress: Any = None) -> int:
    ids = [r[0] for r in db.execute("SELECT id FROM articles ORDER BY id")]
    with transaction(db):
        db.execute("INSERT INTO search_index (search_index) VALUES ('delete-all')")
        db.execute("DELETE FROM search_rows")
        for n, article_id in enumerate(ids, start=1):
            index_article(db, article_id, new=True)
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
    unwanted: list[tuple[str, str]] = field(default_factory=list)  # -title:… and the like

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
                (q.unwanted if minus else q.filters).append((name.lower(), value))
            elif minus:
                q.excluded.append(value)
            elif value not in q.terms:
                q.terms.append(value)
        return q

    @property
    def empty(self) -> bool:
        return not (self.terms or self.filters or self.unwanted)


@dataclass
class Hit:
    article_id: int
    title: str
    where: str  # article, highlight, note
    field: str  # title, meta, abstract, body, references, footnotes, highlight, note
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
    """The FTS5 expression for a normalised term: the phrase of its bigrams, or its one character."""
    pairs, singles = grams(term)
    if pairs:
        return f'grams : "{pairs}"'
    return f'chars : "{singles}"' if singles else None


def _articles_matching(db: Database, term: str) -> set[int]:
    expression = _match_expression(term)
    if expression is None:
        return set()
    sql = (
        "SELECT DISTINCT r.article_id FROM search_index s JOIN search_rows r ON r.rowid = s.rowid"
        " WHERE search_index MATCH ?"
    )
    return {r[0] for r in db.execute(sql, [expression])}


HEAD_FIELDS = ("title", "meta", "abstract")  # a match here says most about an article


def _top_rows(db: Database, term: str, articles: set[int] | None, limit: int) -> list[tuple[Any, ...]]:
    """Rows for a term, within ``articles`` when given: matches in titles, keywords and abstracts
    first, then the rest; newest first within each. Ranking every match (bm25) would cost as much
    as there are matches: a common two-character word is in nearly every article."""
    expression = _match_expression(term)
    if expression is None:
        return []
    rows: list[tuple[Any, ...]] = []
    head_fields = ", ".join(f"'{f}'" for f in HEAD_FIELDS)
    for head in (True, False):
        sql = (
            "SELECT r.article_id, r.kind, r.target, r.field, r.text FROM search_index s"
            " JOIN search_rows r ON r.rowid = s.rowid WHERE search_index MATCH ?"
            f" AND r.field {'' if head else 'NOT '}IN ({head_fields})"
        )
        params: list[Any] = [expression]
        if articles is not None:
            sql += " AND r.article_id IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(sorted(articles)))
        rows += db.execute(sql + f" ORDER BY s.rowid DESC LIMIT {int(limit - len(rows))}", params).fetchall()
        if len(rows) >= limit:
            break
    return rows


def _live(db: Database, article_ids: set[int]) -> dict[int, str]:
    """Titles of the articles not in the trash (looked up by id: a few at a time, most often)."""
    out: dict[int, str] = {}
    ids = sorted(article_ids)
    for k in range(0, len(ids), 500):
        part = ids[k : k + 500]
        sql = f"SELECT id, title, deleted_at FROM articles WHERE id IN ({','.join('?' * len(part))})"
        out.update((i, t) for i, t, gone in db.execute(sql, part) if gone is None)
    return out


def _field_values(db: Database, name: str) -> dict[int, str]:
    """Each live article's normalised value of a filter field."""
    if name in ("title", "author", "source"):
        column = {"title": "title", "author": "authors", "source": "source"}[name]
        rows = db.execute(f"SELECT id, {column} FROM articles WHERE deleted_at IS NULL")
        return {a: normalize(v or "") for a, v in rows}
    if name == "tag":
        sql = f"SELECT x.article_id, t.name FROM ({TAGGED}) x JOIN tags t ON t.id = x.tag_id"
    else:
        sql = "SELECT x.article_id, c.name FROM collection_articles x JOIN collections c ON c.id = x.collection_id"
    out: dict[int, str] = {}
    for a, v in db.execute(sql):
        out[a] = out.get(a, "") + "\n" + normalize(v)
    return out


def _filtered(db: Database, q: Query, found: set[int]) -> set[int]:
    for name, value in q.filters:
        values = _field_values(db, name)
        found = {a for a in found if value in values.get(a, "")}
    for name, value in q.unwanted:
        values = _field_values(db, name)
        found = {a for a in found if value not in values.get(a, "")}
    return found


def snippet(text: str, start: int, end: int) -> str:
    """The match in its original text, marked, with some context either side."""
    a, b = max(0, start - SNIPPET_CONTEXT), min(len(text), end + SNIPPET_CONTEXT)
    body = text[a:start] + MARK_OPEN + text[start:end] + MARK_CLOSE + text[end:b]
    body = body.replace("\n", " ")
    return ("…" if a > 0 else "") + body + ("…" if b < len(text) else "")


def _find(text: str, term: str) -> int:
    """Where the normalised term stands in the text; most texts are already in normal form."""
    at = text.lower().find(term) if text.isascii() else text.find(term)
    return at if at >= 0 else normalize(text).find(term)


def _found_articles(db: Database, q: Query) -> set[int] | None:
    """Articles holding every term and none excluded, passing the filters; None means no restriction."""
    found: set[int] | None = None
    if len(q.terms) > 1 or q.excluded or q.filters or q.unwanted or not q.terms:
        sets = [_articles_matching(db, t) for t in q.terms]
        if sets:
            found = set.intersection(*sets)
        else:
            found = {r[0] for r in db.execute("SELECT id FROM articles WHERE deleted_at IS NULL")}
        for term in q.excluded:
            found -= _articles_matching(db, term)
        found = _filtered(db, q, found)
    return found


def search(db: Database, text: str, limit: int = 20) -> list[Hit]:
    """Hits, best first: rows of articles that hold every term, none of the excluded, and pass the filters."""
    q = Query.parse(text)
    if q.empty or limit < 1:  # a limit below one asks for nothing (and would never be reached)
        return []
    found = _found_articles(db, q)
    if not q.terms:  # filters only: the articles themselves
        titles = _live(db, found or set())
        return [Hit(a, t, "article", "title", None, t, 0, 0) for a, t in sorted(titles.items())][:limit]
    hits: list[Hit] = []
    want = limit + 5
    while True:
        rows = _top_rows(db, q.terms[0], found, want)
        titles = _live(db, {r[0] for r in rows})
        hits = []
        for article_id, kind, target, field_name, row_text in rows:
            if article_id not in titles:
                continue
            at = _find(row_text, q.terms[0])
            if at < 0:  # cannot happen with the bigrams of every character; a guard
                continue
            end = at + len(q.terms[0])
            hits.append(
                Hit(article_id, titles[article_id], kind, field_name, target, snippet(row_text, at, end), at, end)
            )
            if len(hits) >= limit:
                return hits
        if len(rows) < want:
            return hits
        want *= 4


def matching_articles(db: Database, text: str, exact: bool = True) -> list[int]:
    """Every article the query finds (not in the trash), in id order.

    ``exact=False`` skips reading each hit's text again: much faster on common words, what a list
    of articles as you type needs. The index alone is exact now (a pair across a line break is a pair
    of its own), so both give the same articles; the check stays as a guard."""
    q = Query.parse(text)
    if q.empty:
        return []
    found = _found_articles(db, q)
    if found is None:
        found = _articles_matching(db, q.terms[0])
    if q.terms and exact:
        found = {h.article_id for h in search(db, text, limit=1_000_000)}
    return sorted(_live(db, found))
