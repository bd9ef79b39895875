"""Size limits on everything a user hands in, and text made safe to show.

Every limit is checked before anything large is allocated and fails with one line that names
it: the file size (from ``stat``, before reading; only regular files), the nesting depth, list
length, text length and digit count of a JSON document. ``clean`` turns user text into text a
terminal or a widget can show (no lone surrogates, no control characters, not endless).
"""
from __future__ import annotations

import json
import os
import stat
import unicodedata

from .errors import QT_TRANSLATE_NOOP, Said

MAX_FILE_BYTES = 16 * 2 ** 20   # a config or experiment file (results included) is < 2 MB
MAX_DEPTH = 32                  # a config nests 4 deep, a saved result 7
MAX_LIST = 200_000              # loss points of a saved result: one per step, runs x steps
MAX_TEXT = 10_000               # any text in a file
MAX_LABEL = 200                 # a run's label: a legend entry
MAX_DIGITS = 30                 # a whole number's digits (the largest allowed is the seed, 10)
SHOWN = 80                      # characters of a user's value quoted in a message


class LimitError(Said):
    """An input beyond one of the limits above; the message names the limit."""


def clean(text, limit: int | None = None) -> str:
    """``text`` as something safe to print or draw: lone surrogates and control characters
    become U+FFFD (a tab or newline becomes a space), and past ``limit`` characters it ends
    with an ellipsis."""
    text = str(text)
    if limit is not None and len(text) > limit:
        text = text[:limit] + "…"
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable() or ch == " ":
            out.append(ch)
        elif ch in "\t\n\r":
            out.append(" ")
        elif unicodedata.category(ch) in ("Zs", "Mn", "Mc", "So", "Lo"):
            out.append(ch)
        else:   # Cc, Cs (lone surrogates), Cf (bidi overrides), Co, Cn, Zl, Zp
            out.append("\ufffd")
    return "".join(out)


def shown(value, limit: int = SHOWN) -> str:
    """A user's value quoted in a message: its repr, cut short and cleaned."""
    if isinstance(value, int) and value.bit_length() > 4 * limit:   # repr may refuse it
        return f"<{int(value.bit_length() * 0.30103) + 1:,} digits>"
    if isinstance(value, (str, bytes, list, tuple, dict)) and len(value) > 4 * limit:
        value = value[:4 * limit] if not isinstance(value, dict) else dict(
            list(value.items())[:8])
    return clean(repr(value), limit)


def read_capped(path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes. The size is checked with
    ``stat`` before opening, so a FIFO never blocks and /dev/zero is never read; the read itself
    stops at the limit too (a file that grows, or one whose size stat cannot tell).
    Raises OSError (missing, unreadable) or LimitError."""
    name = os.fspath(path)
    st = os.stat(path)
    if stat.S_ISDIR(st.st_mode):
        raise LimitError(QT_TRANSLATE_NOOP("errors", "{0} is a folder, not a file"),
                         clean(name, SHOWN))
    if not stat.S_ISREG(st.st_mode):
        raise LimitError(QT_TRANSLATE_NOOP(
            "errors", "{0} is not a regular file (a device, pipe or socket); not read"),
            clean(name, SHOWN))
    if st.st_size > limit:
        raise LimitError(TOO_BIG, clean(name, SHOWN), st.st_size, limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise LimitError(TOO_BIG, clean(name, SHOWN), len(data), limit)
    return data


TOO_BIG = QT_TRANSLATE_NOOP("errors", "{0} is {1:,} bytes; files of more than {2:,} bytes are "
                                      "not read")


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise LimitError(QT_TRANSLATE_NOOP(
            "errors", "a whole number of {0:,} digits; numbers of more than {1} digits are "
            "not read"), len(text.lstrip("-")), MAX_DIGITS)
    return int(text)


def _float(text: str) -> float:
    if len(text) > 400:
        raise LimitError(QT_TRANSLATE_NOOP(
            "errors", "a number written with {0:,} characters; at most {1} are read"),
            len(text), 400)
    return float(text)


def loads(text: str):
    """``json.loads`` within the limits: digits while parsing, then depth, list and text
    lengths. Raises json.JSONDecodeError for bad JSON and LimitError beyond a limit."""
    if len(text) > MAX_FILE_BYTES:
        raise LimitError(QT_TRANSLATE_NOOP(
            "errors", "a text of {0:,} characters; at most {1:,} are read"),
            len(text), MAX_FILE_BYTES)
    try:
        doc = json.loads(text, parse_int=_int, parse_float=_float)
    except RecursionError:
        raise LimitError(DEEP, MAX_DEPTH) from None
    except ValueError as exc:   # the hooks' LimitError travels through json as is
        if isinstance(exc, (json.JSONDecodeError, LimitError)):
            raise
        raise LimitError("{0}", str(exc)) from None
    check_sizes(doc)
    return doc


DEEP = QT_TRANSLATE_NOOP("errors", "the document nests deeper than {0} levels")


def check_sizes(doc, where: str = "") -> None:
    """Refuse a parsed document nested deeper than MAX_DEPTH, or with a list longer than
    MAX_LIST or a text longer than MAX_TEXT, naming where."""
    stack = [(doc, where or "(top)", 0)]
    while stack:
        value, at, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise LimitError(DEEP, MAX_DEPTH)
        if isinstance(value, str):
            if len(value) > MAX_TEXT:
                raise LimitError(LONG_TEXT, at, len(value), MAX_TEXT)
        elif isinstance(value, list):
            if len(value) > MAX_LIST:
                raise LimitError(QT_TRANSLATE_NOOP(
                    "errors", "{0}: a list of {1:,} items; at most {2:,} are read"),
                    at, len(value), MAX_LIST)
            stack.extend((v, f"{at}[{i}]", depth + 1) for i, v in enumerate(value)
                         if isinstance(v, (str, list, dict)))
        elif isinstance(value, dict):
            if len(value) > MAX_LIST:
                raise LimitError(QT_TRANSLATE_NOOP(
                    "errors", "{0}: an object of {1:,} keys; at most {2:,} are read"),
                    at, len(value), MAX_LIST)
            for k, v in value.items():
                if len(k) > MAX_TEXT:
                    raise LimitError(LONG_TEXT, at, len(k), MAX_TEXT)
                if isinstance(v, (str, list, dict)):
                    stack.append((v, clean(f"{at}.{k}" if at != "(top)" else k, SHOWN),
                                  depth + 1))


LONG_TEXT = QT_TRANSLATE_NOOP("errors", "{0}: a text of {1:,} characters; at most {2:,} are "
                                        "read")
