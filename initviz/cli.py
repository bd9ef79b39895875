"""The headless commands: ``initviz run``, ``initviz list``, ``initviz schemes``.
They never import Qt."""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from pathlib import Path

from .engine.budget import BudgetError
from .engine.config import ConfigError, ExperimentConfig
from .engine.errors import DataError, render
from .engine.experiment_file import ExperimentFileError
from .engine.limits import MAX_DIGITS, LimitError, clean
from .safe_io import WriteError, check_target, safe_console, write_file
from .translations import QT_TRANSLATE_NOOP, language_from, translate, use_for_argparse



def _whole(t):
    """argparse's type for a whole number of at most MAX_DIGITS digits; the message quotes
    the value cut short (argparse's own would echo all of it)."""
    def whole(text: str) -> int:
        if len(text) > MAX_DIGITS + 1 or not text.lstrip("-").isdigit() or not text.isascii():
            raise argparse.ArgumentTypeError(t(QT_TRANSLATE_NOOP(
                "cli", "not a whole number of at most {0} digits: {1}")).format(
                MAX_DIGITS, repr(clean(text, 40))))
        return int(text)
    return whole


def _parser(lang: str = "en") -> argparse.ArgumentParser:
    def t(text: str) -> str:
        return translate(lang, "cli", text)
    use_for_argparse(lang)
    p = argparse.ArgumentParser(prog="initviz", description=t(QT_TRANSLATE_NOOP(
        "cli", "initviz headless commands: run experiments and list presets without a window")))
    p.add_argument("--lang", metavar="LANG", help=t(QT_TRANSLATE_NOOP(
        "cli", "language of the messages (en, zh_CN; default: the system's)")))
    sub = p.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help=t(QT_TRANSLATE_NOOP(
        "cli", "run a preset or a config file without a window")))
    run.add_argument("target", help=t(QT_TRANSLATE_NOOP(
        "cli", "a preset key (see `initviz list`) or a CONFIG.json file")))
    run.add_argument("--json", metavar="OUT", help=t(QT_TRANSLATE_NOOP(
        "cli", "write the result as JSON to OUT ('-': stdout)")))
    run.add_argument("--seed", type=_whole(t),
                     help=t(QT_TRANSLATE_NOOP("cli", "override the seed")))
    run.add_argument("--batches", type=_whole(t), help=t(QT_TRANSLATE_NOOP(
        "cli", "override the number of training batches")))
    run.add_argument("--workers", type=int, metavar="N", help=t(QT_TRANSLATE_NOOP(
        "cli", "train the runs in N processes (default: one per core for big comparisons)")))
    run.add_argument("--magnitude", action="store_true", help=t(QT_TRANSLATE_NOOP(
        "cli", "also write each layer's histograms of log10|x| (signs apart)")))
    run.add_argument("--through-training", action="store_true", help=t(QT_TRANSLATE_NOOP(
        "cli", "also write each layer's histograms at every validation step, as heat maps")))
    run.add_argument("--quiet", action="store_true",
                     help=t(QT_TRANSLATE_NOOP("cli", "no progress on stderr")))
    sub.add_parser("list", help=t(QT_TRANSLATE_NOOP("cli", "list the presets: key and title")))
    sub.add_parser("schemes", help=t(QT_TRANSLATE_NOOP(
        "cli", "list the initialization schemes: name and formula")))
    from .sweep_cli import add_parser as add_sweep
    add_sweep(sub, t)
    return p


def load_target(target: str) -> tuple[ExperimentConfig, str | None]:
    from .engine import presets
    if target in presets.PRESETS:
        return presets.PRESETS[target].config, target
    path = Path(target)
    try:
        exists = bool(target.strip()) and path.exists()
    except (OSError, ValueError):      # a name too long for the file system
        exists = False
    if exists or path.suffix.lower() == ".json":
        from .engine.experiment_file import load_experiment
        config, preset, _ = load_experiment(path)
        return config, preset
    raise ConfigError(QT_TRANSLATE_NOOP(
        "errors", "{0}: no such preset or file; `initviz list` shows the presets"),
        clean(target, 80))


def _run(args, lang: str = "en") -> int:
    def say(exc) -> str:
        return clean(render(exc, lambda text: translate(lang, "errors", text)), 2000)
    import numpy as np
    from .engine import budget
    from .engine.result import ResultCollector
    from .engine.parallel import run_comparison
    try:
        config, key = load_target(args.target)
        if args.seed is not None:
            config = config.replace(seed=args.seed)
        if args.batches is not None:
            config = config.replace(train=config.train.replace(steps=args.batches))
            runs = tuple(r.replace(train={k: v for k, v in r.train.items() if k != "steps"})
                         for r in config.runs)
            config = config.replace(runs=runs)
        if args.workers is not None and args.workers < 1:
            raise ConfigError(QT_TRANSLATE_NOOP("errors", "--workers must be 1 or more"))
        if args.json and args.json != "-":
            check_target(args.json)       # a typo in the folder fails now, not after the run
        estimate = budget.check(config)
    except (ConfigError, ExperimentFileError, LimitError, BudgetError, WriteError) as exc:
        print(f"initviz: {say(exc)}", file=sys.stderr)
        return 2
    if estimate.warning is not None and not args.quiet:
        print(f"initviz: {say(estimate.warning)}", file=sys.stderr)
    from .engine import worker_pool
    from .engine.parallel import plan_workers
    worker_pool.prepare(plan_workers(config, args.workers))   # they start while the data load
    collector = ResultCollector(config, key, magnitude=args.magnitude,
                                through_training=args.through_training)
    show = not args.quiet
    last = time.monotonic()
    started = last
    numpy_errors = np.seterr(over="ignore", invalid="ignore")   # overflow is a result here
    from .interrupts import Interrupts, exit_code
    try:
        with Interrupts() as guard:
            # statistics at the start, the end (and each validation with --through-training):
            # the result holds no others, and measuring each second cost a tenth of the time
            for snap in run_comparison(config, snapshot_seconds=1.0, workers=args.workers,
                                       measure_at_validation=args.through_training,
                                       measure_seconds=math.inf):
                guard.check()
                collector.add(snap)
                now = time.monotonic()
                if show and snap.total_steps and now - last > 1.0:
                    last = now
                    print(f"  {snap.label}: step {snap.step}/{snap.total_steps}", file=sys.stderr)
                if show and snap.diverged_at is not None and snap.finished:
                    print(f"  {snap.label}: diverged at step {snap.diverged_at}", file=sys.stderr)
                if snap.stage == "failed":
                    print(f"  {snap.label}: {translate(lang, 'errors', snap.message)}",
                          file=sys.stderr)
    except DataError as exc:
        print(f"initviz: {say(exc)}", file=sys.stderr)
        return 1
    except MemoryError:
        print("initviz: " + translate(lang, "errors", QT_TRANSLATE_NOOP(
            "errors", "out of memory; lower network.width, network.depth, train.batch_size or "
            "data.samples")), file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:   # Ctrl+C, SIGTERM or SIGHUP (interrupts.py)
        print(f"initviz: interrupted ({getattr(exc, 'name', 'SIGINT')})", file=sys.stderr)
        return exit_code(exc)
    finally:
        np.seterr(**numpy_errors)
    doc = collector.document()
    if args.json:        # the result first: a summary that cannot be printed must not lose it
        text = json.dumps(doc, indent=1, allow_nan=False, ensure_ascii=False) + "\n"
        try:
            if args.json == "-":
                sys.stdout.write(text)
            else:
                write_file(args.json, text)
        except WriteError as exc:
            print(f"initviz: {say(exc)}", file=sys.stderr)
            return 2
    _summary(doc, time.monotonic() - started, sys.stderr if args.json == "-" else sys.stdout)
    return 0


def _fmt(x, spec):
    return "-" if x is None else format(x, spec)


def _summary(doc: dict, seconds: float, out) -> None:
    print(f"{doc['preset'] or 'config'}  ({doc['data']}; {seconds:.1f} s)", file=out)
    for run in doc["runs"]:
        f = run["final"]
        layers = run["at_end"] or run["at_init"] or []
        stds = " ".join(_fmt(l["activation_std"], ".3g") for l in layers[:8])
        line = f"  {clean(run['label'], 60):<24} activation std per layer: {stds}"
        val_steps = run["history"]["val_step"]
        if f.get("steps") and val_steps:
            line += (f" | validated after {val_steps[-1]} batches: val acc "
                     f"{_fmt(f['val_accuracy'], '.3f')}, val loss {_fmt(f['val_loss'], '.3f')}")
        if f.get("diverged"):
            line += f" | diverged at step {f['diverged_at']}"
        print(line, file=out)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    safe_console()
    lang = language_from(argv)
    args = _parser(lang).parse_args(argv)
    try:
        if args.command == "list":
            from .engine import presets
            for key, p in presets.PRESETS.items():
                print(f"{key}\t{translate(lang, 'presets', p.title)}")
            return 0
        if args.command == "schemes":
            from .engine.initializers import SCHEMES
            for s in SCHEMES.values():
                print(f"{s.name}\t{translate(lang, 'schemes', s.formula)}")
            return 0
        if args.command == "sweep":
            from .sweep_cli import run as run_sweep
            return run_sweep(args, lambda exc: render(
                exc, lambda text: translate(lang, "errors", text)), load_target)
        return _run(args, lang)
    except BrokenPipeError:      # `initviz list | head`: the reader has gone, not an error
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
