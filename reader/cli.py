"""The `reader` command: with no subcommand it starts the app; subcommands work headless."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sqlite3
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from reader import __version__
from reader.core.library.paths import ENV_VAR, data_dir


def _whole(low: int, high: int | None = None) -> Any:
    """An argparse type: a whole number from ``low`` (to ``high``); anything else is a usage error."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < low or (high is not None and value > high):
            span = f"from {low} to {high}" if high is not None else f"at least {low}"
            raise argparse.ArgumentTypeError(f"must be {span}, not {value}")
        return value

    parse.__name__ = "number"
    return parse


def _color(text: str) -> int | str:
    """--theme-color: a number from 1 (a usage error outside 1 to 5), or a colour meaning's name."""
    return _whole(1, COLORS)(text) if text.strip().lstrip("+-").isdigit() else text.strip()


MAX_ID = 2**63 - 1  # SQLite's largest integer: a larger id would not even reach the query
MAX_LIMIT = 1_000_000  # search hits
MAX_WORKERS = 256
COLORS = 5  # highlight colours, numbered from 1 on the command line


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=f"library folder (default: ${ENV_VAR}, else the user data folder)",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog="reader",
        parents=[common],
        description="研读 Reader: read, highlight and annotate Chinese articles offline. "
        "With no subcommand the app starts.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("parse", parents=[common], help="parse page dumps and print what was found")
    p.add_argument("--json", action="store_true", help="one JSON object per line per file")
    p.add_argument("files", nargs="+", metavar="FILE")

    p = sub.add_parser("import", parents=[common], help="import dumps (files and folders, recursively)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument(
        "--workers",
        type=_whole(0, MAX_WORKERS),
        default=None,
        help="parser processes, 0 for none (default: one per core)",
    )

    p = sub.add_parser("list", parents=[common], help="list the articles in the library")
    p.add_argument("--json", action="store_true", help="print one JSON array")

    p = sub.add_parser("show", parents=[common], help="show one article")
    p.add_argument("id", type=_whole(1, MAX_ID), metavar="ID")
    p.add_argument("--json", action="store_true", help="print the article as JSON")

    sub.add_parser("reparse", parents=[common], help="parse every kept dump again with this version")

    p = sub.add_parser("search", parents=[common], help="full-text search of articles, highlights and notes")
    p.add_argument(
        "query",
        nargs="+",
        metavar="QUERY",
        help='words (all must occur), "exact phrase", -exclude, title: author: source: tag: course:',
    )
    p.add_argument("--json", action="store_true", help="one JSON object per line per hit")
    p.add_argument("--limit", type=_whole(1, MAX_LIMIT), default=20, metavar="N", help="at most N hits (default 20)")

    sub.add_parser("reindex", parents=[common], help="build the full-text index again")

    p = sub.add_parser("backup", parents=[common], help="back the library up (rotating, in DIR/backups)")
    p.add_argument("--keep", type=_whole(1, 10_000), default=7, metavar="N", help="backups kept (default 7)")

    p = sub.add_parser("restore", parents=[common], help="put a backup in place of the library")
    p.add_argument("backup", nargs="?", metavar="BACKUP", help="a backup file (default: the newest healthy one)")

    p = sub.add_parser("export", parents=[common], help="export highlights and notes as Markdown, Word or CSL-JSON")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--article", type=_whole(1, MAX_ID), action="append", metavar="ID", help="an article (repeatable)"
    )
    which.add_argument("--collection", metavar="NAME", help="a course: a folder with index.md and its articles")
    which.add_argument("--all", action="store_true", help="every article")
    p.add_argument("--out", required=True, metavar="PATH", help="the folder to write into (a file with --csl/--theme)")
    p.add_argument("--template", metavar="NAME", help="a template NAME.md.j2 from the library folder's export/")
    p.add_argument(
        "--theme-color",
        type=_color,
        metavar="N|NAME",
        help=f"with --collection: one file of colour N's highlights (1 to {COLORS}, as Ctrl+1…{COLORS}),"
        " or name the colour by its meaning (重点, 疑问, … as renamed in the library)",
    )
    p.add_argument("--theme-tag", metavar="TAG", help="with --collection: one file of the highlights tagged TAG")
    p.add_argument("--csl", action="store_true", help="write the references as CSL-JSON (for Zotero) instead")
    p.add_argument("--force", action="store_true", help="overwrite files that exist")
    p.add_argument(
        "--format", choices=("md", "docx"), default="md", help="Markdown (default) or Word: one .docx an article"
    )
    p.add_argument("--layout", choices=("作业", "公文"), default="作业", help="with --format docx: the built-in layout")
    p.add_argument("--docx-template", metavar="FILE", help="with --format docx: a .docx whose styles and page to use")
    p.add_argument("--name", default="", help="with --format docx: the name on the name/class/date line")
    p.add_argument("--class", dest="klass", default="", metavar="CLASS", help="with --format docx: the class on it")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a name that is not UTF-8 prints as \xNN, never a traceback
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra and args.command == "search" and all(e[:1] == "-" and e[1:2] not in ("-", "") for e in extra):
        args.query += extra  # `-治理` excludes a word: it is the query's, not an option
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    folder = data_dir(getattr(args, "data_dir", None))
    if args.command is None:
        from reader.app import run

        return run(folder)
    from reader.core.library.lock import LockError, NoLibrary

    handler = _HANDLERS[args.command]
    try:
        code = handler(args, folder)
        sys.stdout.flush()  # a closed pipe is found here, not at exit
        return code
    except BrokenPipeError:  # `reader search 党建 | head`: the reader has all it wants
        return _quiet_broken_pipe()
    except NoLibrary as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return 1
    except LockError as exc:
        print(f"reader: {args.command} refused: {exc}", file=sys.stderr)
        return 3
    except OSError as exc:  # one that names its file says where; else it is the library's
        print(f"reader: {exc}" if exc.filename else f"reader: {folder}: {exc}", file=sys.stderr)
        return 2
    except (sqlite3.DatabaseError, RuntimeError) as exc:
        print(f"reader: {folder}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("reader: interrupted", file=sys.stderr)
        return 130


def _quiet_broken_pipe() -> int:
    """The reading end of stdout is gone: say nothing, and let nothing say it at exit either (Python
    flushes stdout once more then). The status of a process a SIGPIPE ended."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 141


@contextmanager
def _writing(folder: Any, create: bool = False) -> Iterator[None]:
    """The library's lock, which the window holds too, for a command that writes (LockError if taken,
    or if the library cannot be written). Only ``create`` makes a missing folder (an import)."""
    from reader.core.library.lock import COMMAND, LibraryLock

    with LibraryLock(folder, holder=COMMAND, create=create).holding():
        yield


@contextmanager
def _library(folder: Any, write: bool = False, create: bool = False) -> Iterator[Any]:
    """The library in ``folder``, closed again however the command ends.

    A command that writes holds the library's lock meanwhile; one that reads takes no lock, makes
    nothing (NoLibrary where there is none), and opens the library read-only when it cannot be written."""
    from pathlib import Path

    from reader.core.library.lock import NoLibrary, read_only_folder
    from reader.core.library.store import DB_NAME, Library

    if write:
        with _writing(folder, create=create):
            library = Library.in_folder(folder)
            try:
                yield library
            finally:
                library.close()
        return
    if not (Path(folder) / DB_NAME).exists():
        raise NoLibrary(f"there is no library in {folder}")
    library = Library.in_folder(folder, read_only=read_only_folder(Path(folder)))
    try:
        yield library
    finally:
        library.close()


def cmd_parse(args: argparse.Namespace, folder: Any) -> int:
    from reader.core.library.importer import collect_files
    from reader.core.parse.dump import parse_file
    from reader.core.parse.files import shown_name

    refused = 0
    # A folder stands for the dumps inside it, as `import` takes them; files stay in the order named.
    files = [f for arg in args.files for f in (collect_files([arg])[0] if os.path.isdir(arg) else [arg])]
    for path in files:
        article, name = parse_file(path), shown_name(path)
        if article.error:
            refused += 1
            article.error = f"{name}: {article.error}"
        if args.json:
            print(json.dumps({"file": name, **article.to_json()}, ensure_ascii=False), flush=True)
        elif article.error:
            print(article.error)
        else:
            _print_article_summary(name, article)
    return 1 if refused else 0


def _print_article_summary(name: str, article: Any) -> None:
    print(f"{name}: {article.title}")
    meta = " · ".join(str(x) for x in (", ".join(article.authors), article.source, article.year) if x)
    if meta:
        print(f"  {meta}")
    for s in article.headed_sections:
        print(f"  {'  ' * (s.level - 1)}{s.heading}")
    print(f"  {len(article.references)} references, {article.related_count} teasers of other papers set apart")


def cmd_import(args: argparse.Namespace, folder: Any) -> int:
    from reader.core.library.importer import import_paths

    bar = None
    if sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(unit="file", desc="importing", file=sys.stderr)

    def progress(done: int, total: int, name: str) -> None:
        if bar is not None:
            bar.total = total
            bar.update(done - bar.n)

    try:
        with _library(folder, write=True, create=True) as library:
            summary = import_paths(library, args.paths, progress=progress, workers=args.workers)
    finally:
        if bar is not None:
            bar.close()
    print(
        f"imported {summary.imported}, updated {summary.updated}, duplicates {summary.duplicates}, "
        f"refused {len(summary.refused)}  ({folder})"
    )
    for name, reason in summary.refused:
        print(f"  refused {name}: {reason}")
    if summary.total == 0:
        print("reader: nothing to import there (no .txt, .htm, .html, .pdf or .docx files)", file=sys.stderr)
        return 1
    return 1 if summary.refused else 0


def cmd_list(args: argparse.Namespace, folder: Any) -> int:
    with _library(folder) as library:
        rows = library.summaries()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for r in rows:
        authors = ", ".join(r["authors"])
        print(
            f"{r['id']:>6}  {r['year'] or '    '}  {r['title']}"
            + (f"  — {authors}" if authors else "")
            + (f"  《{r['source']}》" if r["source"] else "")
        )
    print(f"{len(rows)} articles in {folder}")
    return 0


def cmd_show(args: argparse.Namespace, folder: Any) -> int:
    with _library(folder) as library:
        article = library.article(args.id)
        meta = library.article_meta(args.id)
    if article is None or meta is None:
        print(f"reader: no article {args.id} in {folder}", file=sys.stderr)
        return 1
    if args.json:
        data = {
            "id": args.id,
            **article.to_json(),
            "status": meta["status"],
            "added_at": meta["added_at"],
            "file_name": meta["file_name"],
        }
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return 0
    print(article.title)
    line = " · ".join(str(x) for x in (", ".join(article.authors), article.source, article.year) if x)
    if line:
        print(line)
    if article.abstract:
        print(f"\n摘要：{article.abstract}")
    if article.keywords:
        print(f"关键词：{'；'.join(article.keywords)}")
    if article.footnotes:
        print("\n脚注：\n" + "\n".join(article.footnotes))
    for s in article.sections:
        if s.heading:
            print(f"\n{'#' * (s.level + 1)} {s.heading}")
        for p in s.paragraphs:
            print(f"\n{p}")
    if article.references:
        print("\n参考文献")
        for i, ref in enumerate(article.references, 1):
            print(f"[{i}] {ref}")
    return 0


def cmd_reparse(args: argparse.Namespace, folder: Any) -> int:
    with _library(folder, write=True) as library:
        counts = library.reparse()
    print(f"reparsed {counts['reparsed']}, could not parse {counts['failed']} (kept as they were)")
    return 0


def _color_index(library: Any, color: int | str) -> int:
    """The colour's index (0 to 4) from its number (1 to 5) or its meaning's name."""
    from reader.core.export.markdown import ExportError

    if isinstance(color, int):
        return color - 1
    meanings = library.color_meanings()
    if color in meanings:
        return meanings.index(color)
    known = ", ".join(f"{i} {m}" for i, m in enumerate(meanings, 1))
    raise ExportError(f"no colour called {color!r}: the colours are {known}")


def _export(library: Any, exporter: Any, args: argparse.Namespace) -> list[Any]:
    """Run the export the arguments ask for; the files written."""
    from pathlib import Path

    from reader.core.export.markdown import ExportError

    out = Path(args.out)
    course = library.collection_id(args.collection) if args.collection else None
    if args.collection and course is None:
        raise ExportError(f"no course called {args.collection!r}")
    if course is not None:
        ids = library.collection_articles(course)
    else:
        ids = library.article_ids() if args.all else args.article
    if args.csl:
        return [exporter.export_csl(ids, out, args.force)]
    if course is not None and (args.theme_color or args.theme_tag):
        color = _color_index(library, args.theme_color) if args.theme_color else None
        return [exporter.export_theme(course, out, color=color, tag=args.theme_tag, force=args.force)]
    if args.format == "docx":
        from reader.core.export.docx import LAYOUTS, Byline, export_course_docx, export_docx

        template = Path(args.docx_template) if args.docx_template else None
        byline = Byline(args.name, args.klass, exporter.today)
        if course is not None:  # one document of the course: its notes, then each article's
            return [export_course_docx(library, course, out, args.force, LAYOUTS[args.layout], template, byline)]
        return export_docx(library, ids, out, args.force, LAYOUTS[args.layout], template, byline)
    if course is not None:
        return exporter.export_course(course, out, args.force)
    return exporter.export_articles(ids, out, args.force)


def cmd_export(args: argparse.Namespace, folder: Any) -> int:
    from pathlib import Path

    from reader.core.export.length import short_notes
    from reader.core.export.markdown import Exporter, ExportError

    try:
        with _library(folder) as library:
            written = _export(library, Exporter(library, Path(folder), template=args.template), args)
            course = library.collection_id(args.collection) if args.collection else None
            ids = args.article or (library.collection_articles(course) if course else library.article_ids())
            short = [] if args.csl else short_notes(library, ids)
    except ExportError as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    for title, count, goal in short:  # said, not refused: the notes are written all the same
        print(
            f"reader: the notes of {title!r} have {count} characters (字数), under their target of {goal}",
            file=sys.stderr,
        )
    return 0


def cmd_search(args: argparse.Namespace, folder: Any) -> int:
    with _library(folder) as library:
        hits = library.search(" ".join(args.query), limit=args.limit)
    for hit in hits:
        if args.json:
            print(json.dumps(hit.to_json(), ensure_ascii=False))
        else:
            print(f"{hit.article_id:>6}  {hit.title}  [{hit.where}/{hit.field}]\n        {hit.snippet}")
    if not args.json:
        print(f"{len(hits)} hit(s)")
    return 0


def cmd_reindex(args: argparse.Namespace, folder: Any) -> int:
    with _library(folder, write=True) as library:
        n = library.reindex()
    print(f"indexed {n} articles")
    return 0


def cmd_backup(args: argparse.Namespace, folder: Any) -> int:
    from pathlib import Path

    from reader.core.library.backup import backup_folder
    from reader.core.library.lock import ReadOnlyLibrary

    target = backup_folder(Path(folder))
    where = target if target.is_dir() else Path(folder)
    if where.is_dir() and not os.access(where, os.W_OK):  # it reads the library, and writes here
        raise ReadOnlyLibrary(f"the folder {where} is read-only; a backup is written into {target}")
    with _library(folder) as library:
        path = library.backup(keep=max(1, args.keep))
    print(path)
    return 0


def cmd_restore(args: argparse.Namespace, folder: Any) -> int:
    from pathlib import Path

    from reader.core.library.backup import newest_good, restore

    with _writing(folder):
        source = Path(args.backup) if args.backup else newest_good(Path(folder))
        if source is None:
            print(f"reader: no healthy backup in {Path(folder) / 'backups'}", file=sys.stderr)
            return 1
        try:
            kept = restore(Path(folder), source)
        except ValueError as exc:
            print(f"reader: {exc}", file=sys.stderr)
            return 1
    print(f"restored {source}")
    if kept is not None:
        print(f"the replaced library is kept as {kept}")
    return 0


_HANDLERS = {
    "parse": cmd_parse,
    "import": cmd_import,
    "list": cmd_list,
    "show": cmd_show,
    "reparse": cmd_reparse,
    "export": cmd_export,
    "search": cmd_search,
    "reindex": cmd_reindex,
    "backup": cmd_backup,
    "restore": cmd_restore,
}
