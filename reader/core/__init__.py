"""The core of 研读 Reader, headless: nothing here imports Qt.

Three packages, by job, and two modules they share:

- ``model``: the data model (``Article``, ``Section``); imports nothing of the core.
- ``files``: writing a file whole or not at all (a temporary name, flushed, renamed, with the mode
  of the file it replaces); imports nothing of the core.
- ``parse``: the bytes of a page dump or saved page → an ``Article``; imports only ``model`` (and ``files``).
- ``library``: the SQLite store (schema and migrations, import into the store, listing, highlights
  and notes, the full-text index, backups); imports ``model``, ``files`` and ``parse``.
- ``export``: Markdown, GB/T 7714 and CSL-JSON out of the library, through ``library.store.Library``;
  imports ``model``, ``files`` and ``library``.

Dependencies run one way, model/files ← parse ← library ← export, with no circles (``tests/test_codebase.py``).
"""
