"""Export: the library's articles, highlights and notes leave the app.

``markdown`` (Markdown files through Jinja2 templates: an article, a course folder, a themed
digest), ``gbt7714`` (GB/T 7714-2015 citations), ``csl`` (CSL-JSON items for Zotero),
``study_notes`` (notes as HTML for the preview, note templates, quoting a highlight) and
``escaping`` (the one function that makes imported text inert Markdown, for all of them and the
clipboard). Reads the library only through ``reader.core.library.store.Library``; may import ``model`` and ``library``.
"""
