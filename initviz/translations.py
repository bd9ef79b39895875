"""Translations without Qt, for the command line (``initviz --help``, ``initviz run``): the
same ``resources/translations/initviz_<lang>.ts`` catalogues that Qt Linguist edits and the
window loads, read with the standard library. A third language added there is picked up here
too.

Strings are marked with ``QT_TRANSLATE_NOOP(context, text)``, the name pyside6-lupdate looks
for, so ``tools/update_translations.py`` collects them with the rest.
"""
from __future__ import annotations

import argparse
import os
import xml.etree.ElementTree as ET
from functools import lru_cache

from .resources import resource_path


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:     # noqa: N802 (lupdate's name)
    return text


# argparse's own words (it asks gettext for them; see use_for_argparse)
ARGPARSE = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
)


def available() -> list[str]:
    try:
        folder = resource_path("translations")
    except FileNotFoundError:
        return ["en"]
    return ["en"] + sorted(p.stem[len("initviz_"):] for p in folder.glob("initviz_*.ts"))


def system_language(environ=None) -> str:
    """The language the environment asks for (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), as one
    of ours: zh_CN for any Chinese locale, else English."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = (env.get(name) or "").split(":")[0].split(".")[0]
        if not value or value in ("C", "POSIX"):
            continue
        for lang in available():
            if value == lang or value.split("_")[0] == lang.split("_")[0] != "en":
                return lang
        return "en"
    return "en"


def language_from(argv: list[str], environ=None) -> str:
    """``--lang X`` or ``--lang=X`` anywhere in argv, else the system's language."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return system_language(environ)


@lru_cache(maxsize=8)
def catalogue(lang: str) -> dict[tuple[str, str], str]:
    if lang == "en" or lang not in available():
        return {}
    out = {}
    root = ET.parse(resource_path("translations", f"initviz_{lang}.ts")).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name")
        for m in ctx.iter("message"):
            tr = m.find("translation")
            if tr is not None and tr.get("type") not in ("unfinished", "obsolete", "vanished") \
                    and (tr.text or "").strip():
                out[(name, m.findtext("source") or "")] = tr.text
    return out


def translate(lang: str, context: str, text: str) -> str:
    return catalogue(lang).get((context, text), text)


def use_for_argparse(lang: str) -> None:
    """Make argparse's own words ("usage:", "options", its errors) speak ``lang``."""
    argparse._ = lambda text: translate(lang, "argparse", text)
