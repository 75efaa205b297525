"""Parsing: the bytes of a page dump (text or a saved page) → an ``Article`` (``reader.core.model``).

``dump.parse_bytes`` and ``dump.parse_file`` are the entry points; ``files`` reads a dump from disk
(regular files only, size capped, names made printable); the other modules are the parser's steps:
``decode`` (bytes → text, any common encoding), ``saved_page`` (HTML → visible text), ``textclean``,
``markers`` (the label patterns), ``header`` and ``names`` (title, authors, source, year),
``body`` (sections), ``references``, ``citation_marks`` (the [n] marks in the text) and ``related``
(teasers of other papers). Imports only ``reader.core.model`` and the standard library (plus the
encoding detector); never ``library`` or ``export``. Nothing is imported here, so that loading the
package does not load the parser.
"""
