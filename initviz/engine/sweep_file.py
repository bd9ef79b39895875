"""A sweep's files. The CSV has one row per (cell, seed), appended and flushed as each run
finishes, after a first line ``# initviz.sweep/1 {spec as JSON}``; a rerun with the same file
reads the rows there and runs only the rest. The JSON holds the spec, every row and the
per-cell means."""
from __future__ import annotations

import csv
import json
import math
import os
from pathlib import Path

from .errors import QT_TRANSLATE_NOOP
from .sweep import METRICS, SWEEP_SCHEMA, SweepError, SweepSpec, summarize

OTHER_SWEEP = QT_TRANSLATE_NOOP("errors", "{0}: holds a different sweep (other config, axes or "
                                "seeds); give another output file or delete it")
NOT_A_SWEEP = QT_TRANSLATE_NOOP("errors", "{0}: not an initviz sweep file")
COLUMNS = METRICS + ("steps",)


def header(spec: SweepSpec) -> list[str]:
    return [a.field for a in spec.axes] + ["seed"] + list(COLUMNS)


def _spec_line(spec: SweepSpec) -> str:
    return f"# {SWEEP_SCHEMA} " + json.dumps(spec.to_dict(), sort_keys=True,
                                              ensure_ascii=False) + "\n"


def parse_value(text: str):
    """A CSV field's value: None, a bool, an int or a float."""
    if text in ("", "None"):
        return None
    if text in ("True", "False"):
        return text == "True"
    try:
        return int(text)
    except ValueError:
        return float(text)


def read_rows(path, spec: SweepSpec) -> dict:
    """{(cell, seed): row} of the runs already in ``path`` (empty when it does not exist)."""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return {}
    with open(path, encoding="utf-8", newline="") as fh:
        first = fh.readline()
        if not first.startswith(f"# {SWEEP_SCHEMA} "):
            raise SweepError(NOT_A_SWEEP, str(path))
        if first != _spec_line(spec):
            raise SweepError(OTHER_SWEEP, str(path))
        return rows_from(fh, spec)


def rows_from(fh, spec: SweepSpec) -> dict:
    """{(cell, seed): row} of the CSV lines in ``fh`` (from the header on); a line cut short
    by a kill, or naming no cell of ``spec``, is left out."""
    lookup = [{str(v): v for v in a.values} for a in spec.axes]
    rows = {}
    for rec in csv.DictReader(fh):
        try:
            cell = tuple(lookup[i][rec[a.field]] for i, a in enumerate(spec.axes))
            key = (cell, int(rec["seed"]))
            rows[key] = {c: parse_value(rec[c]) for c in COLUMNS}
        except (KeyError, ValueError, TypeError):
            continue  # a line cut short by a kill: that run runs again
    return rows


class RowWriter:
    """Appends rows to the CSV (creating it with its spec line and header), flushing each."""

    def __init__(self, path, spec: SweepSpec):
        self.spec, self.path = spec, Path(path)
        fresh = not self.path.exists() or self.path.stat().st_size == 0
        if not fresh:
            self._end_with_newline()
        self._fh = open(self.path, "a", encoding="utf-8", newline="")
        self._csv = csv.writer(self._fh, lineterminator="\n")
        if fresh:
            self._fh.write(_spec_line(spec))
            self._csv.writerow(header(spec))
            self._fh.flush()

    def _end_with_newline(self):
        with open(self.path, "rb+") as fh:
            fh.seek(-1, os.SEEK_END)
            if fh.read(1) != b"\n":
                fh.write(b"\n")

    def write(self, key, row: dict) -> None:
        cell, seed = key
        self._csv.writerow(list(cell) + [seed] + [_cell_text(row.get(c)) for c in COLUMNS])
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()


def _cell_text(v):
    if isinstance(v, float):
        return repr(float(v)) if math.isfinite(v) else ""
    return "" if v is None else v


def document(spec: SweepSpec, rows: dict) -> dict:
    """The JSON document of a sweep (``initviz.sweep/1``)."""
    runs = []
    for cell, seed in spec.tasks():
        if (cell, seed) in rows:
            runs.append({**{a.field: v for a, v in zip(spec.axes, cell)}, "seed": seed,
                         **rows[(cell, seed)]})
    return {"schema": SWEEP_SCHEMA, "spec": spec.to_dict(), "runs": runs,
            "cells": summarize(spec, rows)}


def write_json(path, spec: SweepSpec, rows: dict) -> None:
    text = json.dumps(document(spec, rows), indent=1, allow_nan=False, ensure_ascii=False)
    if str(path) == "-":
        import sys
        sys.stdout.write(text + "\n")
        return
    tmp = f"{path}.tmp{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text + "\n")
    os.replace(tmp, path)

