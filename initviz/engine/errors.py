"""Exceptions shared by the engine, and messages the window can say in the user's language.

A ``Said`` error keeps its message as a template and its arguments: ``str(exc)`` is the
English sentence (the command line, logs), and ``render(exc, translate)`` fills the template's
translation (context "errors") with the arguments, themselves translated where they are words
("a whole number") or errors. Templates are marked with QT_TRANSLATE_NOOP so that
``tools/update_translations.py`` collects them.
"""
from __future__ import annotations

from ..translations import QT_TRANSLATE_NOOP  # noqa: F401  (re-exported for the raisers)


class Said(ValueError):
    def __init__(self, template: str, *params):
        self.template = template
        self.params = params
        super().__init__(template.format(*params) if params else template)


def render(exc: BaseException, translate) -> str:
    """The message of ``exc`` with ``translate(text)`` applied to its template and words."""
    template = getattr(exc, "template", None)
    if template is None:
        return str(exc)
    args = [render(a, translate) if isinstance(a, BaseException) else
            translate(a) if isinstance(a, str) else a for a in exc.params]
    try:
        return translate(template).format(*args) if args else translate(template)
    except (IndexError, KeyError, ValueError):    # a broken translation: say it in English
        return str(exc)


class DataError(Said):
    """A data file is missing, damaged or malformed, or a download failed.

    The message is one line meant to be shown to the user as is.
    """
