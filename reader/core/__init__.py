"""The core of 研读 Reader, headless: nothing here imports Qt.

Three packages, by job, and the data model they share (``model``):

- ``parse``: the bytes of a page dump or saved page → an ``Article``; imports only ``model``.
- ``library``: the SQLite store (schema and migrations, import into the store, listing, highlights
  and notes, the full-text index, backups); imports ``model`` and ``parse``.
- ``export``: Markdown, GB/T 7714 and CSL-JSON out of the library, through ``library.store.Library``.

Dependencies run one way, parse ← library ← export, with no circles (``tests/test_codebase.py``).
"""
