"""The library: one SQLite file per folder, through sqlite-utils.

``store.Library`` is the facade that the window, the CLI and the exporter use for an open library
(reading, writing, listing, search, backups); none of them reaches past it to its ``Database``
(``tests/test_codebase.py``). Below it, lowest first: ``database`` (connection, nesting
transactions), ``schema`` (tables and migrations in ``PRAGMA user_version``), ``articles`` (an
article's rows), ``search_index`` (the FTS5 index), ``listing`` (filtered, sorted ids and list
rows), ``anchors`` (placing a highlight again after a re-import), ``courses`` (courses and tags)
and ``annotations`` (highlights and notes). These take a ``Database``, never the ``Library``.
Above the facade: ``importer`` (files and folders into the store, parsed in worker processes),
``backup`` (rotated copies, health checks, restore; the checks and the restore work on a folder
before any library is open, and are called directly), ``lock`` (one writer at a time) and
``paths`` (where the library folder is). May import ``reader.core.model``, ``reader.core.files``
and ``reader.core.parse``; never ``export``. Nothing is imported here, so that a light module
(``listing``) loads alone.
"""
