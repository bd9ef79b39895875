"""A saved sweep read back for looking at (the window's Sweep tab): the CSV that ``initviz
sweep`` appends to, whole or interrupted, or its JSON. Either gives the spec and the rows in,
keyed (cell, seed) as while the sweep runs; a run the file lacks is simply not in them. A file
that is not a sweep, or not a whole one, raises one error with one line for the user."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from .config import ConfigError
from .errors import Said
from .limits import LimitError, clean, loads, read_capped
from .sweep import SWEEP_SCHEMA, SweepError, SweepSpec, make_spec
from .sweep_file import COLUMNS, NOT_A_SWEEP, header, parse_value, rows_from

PEEK = 4096      # bytes read to tell a sweep's JSON from an experiment file


def is_sweep_file(path) -> bool:
    """Whether ``path`` names a sweep: a .csv, or a .json whose schema is a sweep's."""
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return True
    if suffix != ".json":
        return False
    try:
        with open(path, "rb") as fh:
            head = fh.read(PEEK)
    except OSError:
        return False
    return f'"schema": "{SWEEP_SCHEMA}"'.encode() in head.split(b'"runs"')[0] and \
        b'"spec"' in head


def load_sweep(path) -> tuple[SweepSpec, dict]:
    """(spec, {(cell, seed): row}) of the sweep saved in ``path`` (CSV or JSON)."""
    name = clean(Path(path).name, 80)
    try:
        text = read_capped(path).decode("utf-8")
        if text.startswith(f"# {SWEEP_SCHEMA} "):
            return _from_csv(text)
        if text.lstrip().startswith("{"):
            return _from_json(loads(text))
    except (Said, OSError) as exc:
        if isinstance(exc, OSError):
            raise SweepError("{0}: {1}", name, clean(exc.strerror or exc, 200)) from None
        if isinstance(exc, (ConfigError, LimitError)):
            raise                   # their line names the field or the limit
    except (ValueError, KeyError, TypeError, AttributeError, IndexError):
        pass                        # bad UTF-8, JSON or structure: not a sweep we wrote
    raise SweepError(NOT_A_SWEEP, name)


def _checked(d) -> SweepSpec:
    spec = SweepSpec.from_dict(d)
    if not 1 <= len(spec.axes) <= 2 or spec.seeds < 1:
        raise ValueError("a sweep has one or two axes")
    return make_spec(spec.base, spec.axes, spec.seeds)   # every value through the config


def _from_csv(text: str):
    first, _, rest = text.partition("\n")
    spec = _checked(json.loads(first.split(" ", 2)[2]))
    if next(csv.reader([rest.partition("\n")[0]])) != header(spec):
        raise ValueError("not this sweep's columns")
    return spec, rows_from(io.StringIO(rest), spec)


def _from_json(doc: dict):
    if doc.get("schema") != SWEEP_SCHEMA:
        raise ValueError("not a sweep")
    spec = _checked(doc["spec"])
    lookup = [{json.dumps(v): v for v in a.values} for a in spec.axes]
    rows = {}
    for run in doc["runs"]:
        cell = tuple(lookup[i][json.dumps(run[a.field])] for i, a in enumerate(spec.axes))
        row = {c: run.get(c) for c in COLUMNS}
        if not all(v is None or isinstance(v, (int, float, bool)) for v in row.values()):
            raise ValueError("a run's numbers are not numbers")
        rows[(cell, int(run["seed"]))] = {c: parse_value(str(v)) for c, v in row.items()}
    return spec, rows
