"""Audit the histograms that ``initviz run KEY --json`` writes (the window's default view), as
issue #10 measures them: prints figures, asserts nothing (tests/test_histogram_audit.py holds
the shortened version that must pass).

    python benchmarks/histogram_audit.py [--batches N] [--keep DIR] [KEY ...]
    INITVIZ_SOURCE=/work/main python benchmarks/histogram_audit.py    # another checkout

For every preset, at initialization and at the end, for every run, layer and quantity:
- end bins: the share of a histogram's values other than exact zeros (apart since result/2;
  in result/1 they are in the bars) that lie in its first or last bin or beyond it (result/3
  counts the values beyond apart, result/2 added them to the end bins: the same figure).
  Counted for unbounded quantities only: activations other than sigmoid, tanh and softsign;
  pre-activations; gradients; weights. Also the largest share beyond an end (result/3).
- narrow pictures: a layer's picture (all runs of one quantity) in which even the widest run's
  central 98 % of binned values covers fewer than 10 bins.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.environ.get("INITVIZ_SOURCE") or __file__.rsplit("/benchmarks/", 1)[0])

BOUNDED = ("sigmoid", "tanh", "softsign")
END_LIMIT = 0.02
NARROW_BINS = 10


def bars(h: dict) -> np.ndarray:
    if "counts" in h:
        return np.asarray(h["counts"], float)
    return np.asarray(h["positive"], float) + np.asarray(h["negative"], float)


def end_share(h: dict) -> float:
    b = bars(h)
    below, above = h.get("below", 0.0), h.get("above", 0.0)
    n = b.sum() + below + above
    return float(max(b[0] + below, b[-1] + above) / n) if n > 0 else 0.0


def beyond_share(h: dict) -> float:
    """The larger share of all values beyond one end of the range."""
    return max(h.get("below", 0.0), h.get("above", 0.0)) / h["total"] if h.get("total") else 0.0


def central_bins(h: dict, share: float = 0.98) -> int:
    """How many bins the central ``share`` of the binned values spans."""
    b = bars(h)
    cum = np.cumsum(b)
    if not cum.size or cum[-1] <= 0:
        return 0
    tail = (1 - share) / 2 * cum[-1]
    lo = int(np.searchsorted(cum, tail, side="right"))
    hi = int(np.searchsorted(cum, cum[-1] - tail, side="left"))
    return hi - lo + 1


def pictures(doc: dict):
    """(when, quantity, layer, [(run label, activation, histogram)]) for every layer picture."""
    fields = ("activation", "preactivation", "gradient", "weight")
    for when in ("at_init", "at_end"):
        layers = {}
        for run in doc["runs"]:
            for row in run.get(when) or ():
                for f in fields:
                    h = row.get(f + "_hist")
                    if h is not None:
                        layers.setdefault((f, row["layer"]), []).append(
                            (run["label"], row["activation"], h))
        for (f, layer), hs in sorted(layers.items()):
            yield when, f, layer, hs


def unbounded(quantity: str, activation: str) -> bool:
    return quantity != "activation" or activation not in BOUNDED


def audit(doc: dict) -> dict:
    """Counts and the offending cases of one result document."""
    out = {"histograms": 0, "end_heavy": [], "pictures": 0, "narrow": [], "beyond": 0.0}
    for when, f, layer, hs in pictures(doc):
        out["pictures"] += 1
        widest = max(central_bins(h) for _, _, h in hs)
        if widest < NARROW_BINS:
            out["narrow"].append((doc["preset"], when, f, layer, widest))
        for label, act, h in hs:
            out["beyond"] = max(out["beyond"], beyond_share(h))
            if not unbounded(f, act):
                continue
            out["histograms"] += 1
            share = end_share(h)
            if share > END_LIMIT:
                out["end_heavy"].append((doc["preset"], when, f, layer, label, share))
    return out


def run_preset(key: str, batches: int | None, keep: str | None) -> dict:
    from initviz import cli
    if keep:
        os.makedirs(keep, exist_ok=True)
    path = os.path.join(keep or tempfile.mkdtemp(), f"{key}.json")
    argv = ["run", key, "--json", path, "--quiet"]
    if batches is not None:
        argv += ["--batches", str(batches)]
    stdout, sys.stdout = sys.stdout, open(os.devnull, "w")
    try:
        assert cli.main(argv) == 0, key
    finally:
        sys.stdout.close()
        sys.stdout = stdout
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("keys", nargs="*")
    p.add_argument("--batches", type=int, help="shorten every run to N batches")
    p.add_argument("--keep", metavar="DIR", help="keep the JSON documents in DIR")
    p.add_argument("-v", "--verbose", action="store_true", help="list every case")
    args = p.parse_args(argv)
    import initviz
    from initviz.engine.presets import PRESETS
    keys = args.keys or list(PRESETS)
    print(f"initviz from {os.path.dirname(initviz.__file__)}")
    total = {"histograms": 0, "end_heavy": [], "pictures": 0, "narrow": [], "beyond": 0.0}
    for key in keys:
        doc = run_preset(key, args.batches, args.keep)
        a = audit(doc)
        print(f"{key:<28} schema {doc['schema'][-1]}  end-heavy {len(a['end_heavy']):>3}/"
              f"{a['histograms']:<4} narrow {len(a['narrow']):>3}/{a['pictures']:<4} beyond "
              f"{a['beyond']:.3%}", flush=True)
        for k in total:
            total[k] = max(total[k], a[k]) if k == "beyond" else total[k] + a[k]
    h, e = total["histograms"], len(total["end_heavy"])
    n, w = total["pictures"], len(total["narrow"])
    print(f"\nhistograms of unbounded quantities with > {END_LIMIT:.0%} of their values in an "
          f"end bin: {e} of {h} ({e / max(h, 1):.1%}); worst "
          f"{max((c[-1] for c in total['end_heavy']), default=0):.1%}")
    print(f"largest share of a histogram's values beyond one end of its range: "
          f"{total['beyond']:.3%}")
    print(f"layer pictures whose widest run's central 98 % covers < {NARROW_BINS} bins: "
          f"{w} of {n} ({w / max(n, 1):.1%})")
    if args.verbose or w <= 40:
        for case in total["narrow"]:
            print("  narrow:", *case)
    if args.verbose:
        for case in total["end_heavy"]:
            print("  end-heavy:", *case[:-1], f"{case[-1]:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
