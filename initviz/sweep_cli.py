"""``initviz sweep``: a grid of experiments over config fields, headless (never imports Qt).

    initviz sweep edge-of-chaos-tanh --axis sigma_w2=1:4:20 --axis network.depth=5:50:10 \\
        --seeds 3 --out sweep.csv --json sweep.json
"""
from __future__ import annotations

import sys
import time

from .translations import QT_TRANSLATE_NOOP


def add_parser(sub, t) -> None:
    p = sub.add_parser("sweep", help=t(QT_TRANSLATE_NOOP(
        "cli", "run a grid of experiments over config fields (CSV and JSON out)")))
    p.add_argument("target", help=t(QT_TRANSLATE_NOOP(
        "cli", "a preset key or a CONFIG.json file; its first run is the network swept")))
    p.add_argument("--axis", action="append", required=True, metavar="FIELD=VALUES",
                   help=t(QT_TRANSLATE_NOOP(
                       "cli", "a swept field: FIELD=FROM:TO:COUNT or FIELD=A,B,C (repeat for "
                       "more axes; fields: init.*, network.*, train.*, data.*, seed, sigma_w2, "
                       "sigma_b2)")))
    p.add_argument("--seeds", type=int, default=1, help=t(QT_TRANSLATE_NOOP(
        "cli", "seeds per cell (default 1)")))
    p.add_argument("--batches", type=int, help=t(QT_TRANSLATE_NOOP(
        "cli", "override the number of training batches (0: probe only)")))
    p.add_argument("--out", metavar="CSV", required=True, help=t(QT_TRANSLATE_NOOP(
        "cli", "CSV of one row per run; rerun with the same file to continue")))
    p.add_argument("--json", metavar="OUT", help=t(QT_TRANSLATE_NOOP(
        "cli", "also write the rows and per-cell means as JSON to OUT ('-': stdout)")))
    p.add_argument("--workers", type=int, help=t(QT_TRANSLATE_NOOP(
        "cli", "worker processes (default: one per core; 0: in this process)")))
    p.add_argument("--scheduler", metavar="ADDRESS", help=t(QT_TRANSLATE_NOOP(
        "cli", "run the cells on the Dask cluster at ADDRESS (needs initviz[dask])")))
    p.add_argument("--quiet", action="store_true",
                   help=t(QT_TRANSLATE_NOOP("cli", "no progress on stderr")))


def run(args, say, load_target) -> int:
    """``say(exc)``: the error's line in the user's language; ``load_target(text)``: the
    config of a preset key or file (cli.py's, passed in: this module never imports cli)."""
    from concurrent.futures.process import BrokenProcessPool

    from .engine.config import ConfigError
    from .engine.errors import DataError
    from .engine.experiment_file import ExperimentFileError
    from .engine.sweep import SweepError, make_spec, parse_axis
    from .engine.sweep_budget import SweepBudgetError, check_sweep
    from .engine.sweep_exec import SchedulerError, default_workers, run_sweep
    from .engine.sweep_file import RowWriter, read_rows, write_json
    try:
        if args.seeds < 1 or (args.workers is not None and args.workers < 0):
            raise SweepError(QT_TRANSLATE_NOOP(
                "errors", "--seeds must be at least 1 and --workers at least 0"))
        config, _ = load_target(args.target)
        if args.batches is not None:
            config = config.replace(train=config.train.replace(steps=args.batches))
        spec = make_spec(config, [parse_axis(a) for a in args.axis], args.seeds)
        estimate = check_sweep(spec, default_workers() if args.workers is None else args.workers)
        rows = read_rows(args.out, spec)
        writer = RowWriter(args.out, spec)
    except (ConfigError, ExperimentFileError, SweepError, SweepBudgetError) as exc:
        print(f"initviz: {say(exc)}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"initviz: {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    total = len(spec.tasks())
    started = time.monotonic()
    if estimate.warning is not None and not args.quiet:
        print(f"initviz: {say(estimate.warning)}", file=sys.stderr)
    if not args.quiet and rows:
        print(f"  resuming: {len(rows)}/{total} runs already in {args.out}", file=sys.stderr)
    from .interrupts import Interrupts, exit_code
    try:
        with Interrupts() as guard:
            for key, row in run_sweep(spec, rows, args.workers, args.scheduler):
                with guard.held():    # a signal now waits until the row is on disk
                    rows[key] = row
                    writer.write(key, row)
                guard.check()
                if not args.quiet:
                    cell, seed = key
                    where = ", ".join(f"{a.field}={v}" for a, v in zip(spec.axes, cell))
                    print(f"  {len(rows)}/{total}  {where}, seed {seed}  "
                          f"({time.monotonic() - started:.0f} s)", file=sys.stderr)
    except SchedulerError as exc:
        print(f"initviz: {say(exc)}", file=sys.stderr)
        return 2
    except DataError as exc:       # e.g. the full MNIST set asked for but not downloaded
        print(f"initviz: {say(exc)}; {len(rows)}/{total} runs kept in {args.out}",
              file=sys.stderr)
        return 1
    except BrokenProcessPool:
        print(f"initviz: a worker process died; {len(rows)}/{total} runs kept in {args.out}",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt as exc:   # Ctrl+C, SIGTERM or SIGHUP (interrupts.py)
        name = getattr(exc, "name", "SIGINT")
        print(f"initviz: interrupted ({name}); {len(rows)}/{total} runs kept in {args.out}",
              file=sys.stderr)
        return exit_code(exc)
    finally:
        writer.close()
    if args.json:
        write_json(args.json, spec, rows)
    if not args.quiet:
        print(f"  {total} runs in {time.monotonic() - started:.1f} s", file=sys.stderr)
    return 0
