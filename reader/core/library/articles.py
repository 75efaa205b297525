"""One article's rows: reading an ``Article`` and its metadata back, writing its parts.

Takes a ``Database``; the ``Library`` facade decides when to write and keeps the search index in step.
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from ..model import Article, Section
from ..parse.citation_marks import link_citations


def read_article(db: Database, article_id: int) -> Article | None:
    """The stored article with its sections, references, related teasers and linked [n] marks."""
    row = db.execute(
        "SELECT title, authors, source, year, issue, cited_by, uploader, doi, abstract, keywords, encoding, doubts,"
        " footnotes"
        " FROM articles WHERE id = ?",
        [article_id],
    ).fetchone()
    if row is None:
        return None
    sections = [
        Section(h, lvl, body.split("\n") if body else [])
        for h, lvl, body in db.execute(
            "SELECT heading, level, body FROM sections WHERE article_id = ? ORDER BY position", [article_id]
        )
    ]
    refs = [r[0] for r in db.execute("SELECT text FROM refs WHERE article_id = ? ORDER BY number", [article_id])]
    related = [
        r[0] for r in db.execute("SELECT text FROM related WHERE article_id = ? ORDER BY position", [article_id])
    ]
    a = Article(
        title=row[0],
        authors=json.loads(row[1]),
        source=row[2],
        year=row[3],
        issue=row[4],
        cited_by=row[5],
        uploader=row[6],
        doi=row[7],
        abstract=row[8],
        keywords=json.loads(row[9]),
        sections=sections,
        references=refs,
        related=related,
        encoding=row[10],
        doubts=json.loads(row[11]),
        footnotes=json.loads(row[12]),
    )
    a.citations = link_citations(sections, len(refs))
    return a


def article_meta(db: Database, article_id: int) -> dict[str, Any] | None:
    """The article's row (every column of ``articles``) with ``authors``, ``keywords``, ``doubts`` and
    ``corrected`` as lists."""
    rows = list(db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
    if not rows:
        return None
    row = rows[0]
    for key in ("authors", "keywords", "doubts", "corrected", "footnotes"):
        row[key] = json.loads(row[key])
    return row


def write_parts(db: Database, article_id: int, a: Article) -> None:
    """Store the sections, references and related teasers of an article that has none stored."""
    conn = db.conn
    conn.executemany(
        "INSERT INTO sections (article_id, position, heading, level, body) VALUES (?,?,?,?,?)",
        [(article_id, i, s.heading, s.level, "\n".join(s.paragraphs)) for i, s in enumerate(a.sections)],
    )
    conn.executemany(
        "INSERT INTO refs (article_id, number, text) VALUES (?,?,?)",
        [(article_id, i, text) for i, text in enumerate(a.references, start=1)],
    )
    conn.executemany(
        "INSERT INTO related (article_id, position, text) VALUES (?,?,?)",
        [(article_id, i, text) for i, text in enumerate(a.related)],
    )


def delete_parts(db: Database, article_id: int) -> None:
    for table in ("sections", "refs", "related"):
        db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
