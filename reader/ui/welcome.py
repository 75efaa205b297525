"""The first-run page of an empty library: what the app does, the sample article, and a short guide."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QObject

# Qt's rich text has no buttons: a link in a coloured table cell stands for one.
_BUTTON = (
    '<td style="background-color: {bg}; padding: 8px 16px;">'
    '<a href="{href}" style="color: {fg}; text-decoration: none; font-weight: 600;">{text}</a></td>'
)


class WelcomePage(QObject):
    def html(self) -> str:
        steps = [
            (
                self.tr("Import"),
                self.tr(
                    "File → Import (Ctrl+O), drag files onto the window, or paste an article (Ctrl+Shift+V). "
                    "Page dumps (.txt, .html), PDF and Word (.docx) files are read."
                ),
            ),
            (self.tr("Read"), self.tr("The outline on the left jumps to a section; [n] marks lead to the references.")),
            (self.tr("Highlight"), self.tr("Select text and press Ctrl+H, or Ctrl+1 … Ctrl+5 for a colour.")),
            (self.tr("Note"), self.tr("Write on a highlight, or your study notes on the right; they save themselves.")),
            (self.tr("Export"), self.tr("File → Export notes (Ctrl+E) writes Markdown with the citation.")),
        ]
        rows = "".join(
            f'<tr><td style="padding: 6px 14px 6px 0; font-weight: 600; white-space: nowrap;">{escape(head)}</td>'
            f'<td style="padding: 6px 0;">{escape(text)}</td></tr>'
            for head, text in steps
        )
        buttons = "".join(
            [
                _BUTTON.format(
                    bg="#1d5fa8", fg="#ffffff", href="start:sample", text=escape(self.tr("Open the sample article"))
                ),
                '<td style="padding: 0 6px;"></td>',
                _BUTTON.format(bg="#e8eef6", fg="#1d5fa8", href="start:import", text=escape(self.tr("Import files…"))),
            ]
        )
        dismiss = escape(self.tr("Do not show this again"))
        return (
            f'<h1 style="margin-bottom: 12px;">{escape(self.tr("Welcome to Yandu Reader"))}</h1>'
            f'<p style="margin-bottom: 18px;">'
            f"{escape(self.tr('Your library is empty. Start with the sample article, or import your own.'))}</p>"
            f'<table cellspacing="0" style="margin-bottom: 22px;"><tr>{buttons}</tr></table>'
            f'<table cellspacing="0" style="margin-bottom: 22px;">{rows}</table>'
            f'<p style="font-size: small;"><a href="start:dismiss" style="color: #777;">{dismiss}</a></p>'
        )
