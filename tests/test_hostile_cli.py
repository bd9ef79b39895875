"""Hostile input on the command line, as a table: each case gives one clear line on stderr,
exit status 2, no traceback, and leaves exactly the files it should. Run in-process
(``initviz.cli.main``) for speed; the cases that need a real process are at the end."""
import json
import os
import re
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from initviz import cli
from initviz.engine import budget

ROOT = Path(__file__).resolve().parents[1]
TINY = {"data": {"name": "normal", "samples": 10, "features": 2, "probe_samples": 10},
        "network": {"depth": 1, "width": 2}, "runs": [{"label": "x"}]}


def config(**parts):
    """TINY with parts replaced (``runs=...``, ``network={...}``) as JSON text."""
    doc = json.loads(json.dumps(TINY))
    for key, value in parts.items():
        doc[key] = {**doc[key], **value} if isinstance(value, dict) and key in doc else value
    return json.dumps(doc)


def nested(depth):
    return '{"schema": "initviz.experiment/1", "config": ' + "[" * depth + "]" * depth + "}"


def raw(text):            # a file's text written as is
    return text


def seed(digits):         # a config whose seed is written with these digits
    return config(seed=0).replace('"seed": 0', f'"seed": {digits}')


BIG_LABEL = "L" * 1_000_000
# (id, file content or None, arguments ({f}: the file, {d}: the folder), pattern on stderr)
CASES = [
    ("dev-zero", None, ["run", "/dev/zero"], r"/dev/zero is not a regular file"),
    ("dev-null", None, ["run", "/dev/null"], r"not a regular file"),
    ("folder", None, ["run", "{d}"], r"is a folder, not a file"),
    ("missing-json", None, ["run", "{d}/nope.json"], r"cannot read nope.json: No such file"),
    ("not-utf8", b"\xff\xfe\x00bad", ["run", "{f}"], r"is not a text file"),
    ("not-json", "{not json", ["run", "{f}"], r"is not valid JSON"),
    ("empty", "", ["run", "{f}"], r"is not valid JSON"),
    ("bom", "\ufeff" + config(), ["run", "{f}"], r"is not valid JSON"),
    ("top-level-list", "[1, 2]", ["run", "{f}"], r"not an initviz experiment file"),
    ("top-level-string", '"hello"', ["run", "{f}"], r"not an initviz experiment file"),
    ("schema-number", '{"schema": 1}', ["run", "{f}"], r"no schema"),
    ("schema-other", '{"schema": "other/1"}', ["run", "{f}"], r"its schema is 'other/1'"),
    ("schema-v0", '{"schema": "initviz.experiment/0", "config": {}}', ["run", "{f}"],
     r"unreadable schema version 'initviz.experiment/0'"),
    ("schema-v00", '{"schema": "initviz.experiment/01", "config": {}}', ["run", "{f}"],
     r"unreadable schema version"),
    ("schema-v-arabic", '{"schema": "initviz.experiment/\u0661", "config": {}}', ["run", "{f}"],
     r"unreadable schema version"),
    ("schema-v-5000-digits", '{"schema": "initviz.experiment/' + "9" * 5000 + '"}',
     ["run", "{f}"], r"unreadable schema version"),
    ("schema-newer", '{"schema": "initviz.experiment/7", "config": {}}', ["run", "{f}"],
     r"newer initviz"),
    ("config-schema-other", '{"schema": "initviz.config/9", "network": {}}', ["run", "{f}"],
     r"schema: expected 'initviz.config/1'"),
    ("nested-100000", nested(100_000), ["run", "{f}"], r"nests deeper than 32 levels"),
    ("nested-40", nested(40), ["run", "{f}"], r"nests deeper than 32 levels"),
    ("int-5000-digits", seed("1" + "0" * 4999), ["run", "{f}"],
     r"a whole number of 5,000 digits; numbers of more than 30 digits are not read"),
    ("int-negative-5000-digits", seed("-1" + "0" * 4999), ["run", "{f}"], r"5,000 digits"),
    ("int-400-digits-in-float-field", raw(config().replace(
        '"runs": [{"label": "x"}]', '"runs": [{"label": "x", "init": {"std": 1' + "0" * 399
        + '}}]')), ["run", "{f}"], r"400 digits"),
    ("int-31-digits", seed("1" + "0" * 30), ["run", "{f}"], r"31 digits"),
    ("float-overflow", raw(config().replace('"depth": 1', '"depth": 1e400')), ["run", "{f}"],
     r"network.depth: must be a whole number from 1 to 100, not inf"),
    ("float-5000-chars", raw(config().replace('"depth": 1', '"depth": 1.' + "0" * 5000)),
     ["run", "{f}"], r"a number written with 5,002 characters"),
    ("nan", raw(config().replace('"depth": 1', '"depth": NaN')), ["run", "{f}"],
     r"network.depth: must be a whole number from 1 to 100, not nan"),
    ("infinity", raw(config().replace('"width": 2', '"width": -Infinity')), ["run", "{f}"],
     r"network.width: must be a whole number"),
    ("bool-as-number", config(network={"depth": True}), ["run", "{f}"], r"network.depth"),
    ("fraction-as-whole", config(network={"depth": 1.5}), ["run", "{f}"], r"not 1.5"),
    ("width-zero", config(network={"width": 0}), ["run", "{f}"], r"network.width"),
    ("choice-1mb", config(data={"name": "x" * 1_000_000}), ["run", "{f}"],
     r"a text of 1,000,000 characters; at most 10,000"),
    ("choice-long", config(data={"name": "x" * 5000}), ["run", "{f}"],
     r"data.name: must be one of normal, flower, mnist; not 'xxxx.*…$"),
    ("unknown-key-long", config(network={"k" * 5000: 1}), ["run", "{f}"],
     r"network.kkkk.*…: unknown key"),
    ("unknown-key-escape", config(network={"\x1b[2J": 1}), ["run", "{f}"],
     r"network.\ufffd\[2J: unknown key"),
    ("label-1mb", config(runs=[{"label": BIG_LABEL}]), ["run", "{f}"],
     r"a text of 1,000,000 characters; at most 10,000"),
    ("label-5000", config(runs=[{"label": "L" * 5000}]), ["run", "{f}"],
     r"runs\[\].label: a label of 5,000 characters; at most 200 are allowed"),
    ("label-201", config(runs=[{"label": "L" * 201}]), ["run", "{f}"], r"201 characters"),
    ("label-number", config(runs=[{"label": 5}]), ["run", "{f}"], r"runs\[\].label: must be text"),
    ("list-300000", config(network={"hidden": [1] * 300_000}), ["run", "{f}"],
     r"network.hidden: a list of 300,000 items; at most 200,000"),
    ("hidden-101", config(network={"hidden": [1] * 101}), ["run", "{f}"],
     r"at most 100 whole numbers"),
    ("runs-9", config(runs=[{}] * 9), ["run", "{f}"], r"runs: must be a list of 1 to 8 runs"),
    ("runs-empty", config(runs=[]), ["run", "{f}"], r"runs: must be a list of 1 to 8 runs"),
    ("run-not-object", config(runs=[5]), ["run", "{f}"], r"each run must be an object"),
    ("run-init-not-object", config(runs=[{"init": "he"}]), ["run", "{f}"],
     r"runs\[\].init: must be an object"),
    ("track-units-text", config(track_units="yes"), ["run", "{f}"], r"must be true or false"),
    ("data-name", config(data={"name": "imagenet"}), ["run", "{f}"], r"data.name"),
    ("result-list-300000", json.dumps({"schema": "initviz.experiment/1", "config": TINY,
                                       "result": {"loss": [0] * 300_000}}), ["run", "{f}"],
     r"result.loss: a list of 300,000 items"),
    ("all-memory", config(data={"samples": 100_000, "features": 4096},
                          network={"depth": 100, "width": 2048},
                          train={"batch_size": 100_000, "steps": 10}), ["run", "{f}"],
     r"this run needs about [\d,.]+ GB of memory and this machine has .*; lower network.width"),
    ("target-100k", None, ["run", "p" * 100_000],
     r"^initviz: p{80}…: no such preset or file"),
    ("target-empty", None, ["run", ""], r"^initviz: : no such preset or file"),
    ("target-escape", None, ["run", "\x1b]0;pwned\x07"],
     r"\ufffd\]0;pwned\ufffd: no such preset or file"),
    ("file-name-escape", "{bad", ["run", "{d}/\x1b[31m.json"], r"\ufffd\[31m.json is not valid"),
    ("json-missing-folder", None, ["run", "act-sigmoid-std1", "--json", "{d}/no/out.json"],
     r"cannot write .*/no/out.json: No such file or directory"),
    ("json-folder-target", None, ["run", "act-sigmoid-std1", "--json", "{d}"],
     r"cannot write .*: Is a directory"),
    ("json-parent-is-file", "x", ["run", "act-sigmoid-std1", "--json", "{f}/out.json"],
     r"cannot write .*: Not a directory"),
    ("seed-5000-digits", None, ["run", "act-sigmoid-std1", "--seed", "9" * 5000],
     r"argument --seed: not a whole number of at most 30 digits: '9{40}…'"),
    ("seed-text", None, ["run", "act-sigmoid-std1", "--seed", "abc"], r"not a whole number"),
    ("seed-negative", None, ["run", "act-sigmoid-std1", "--seed", "-1"],
     r"seed: must be a whole number from 0 to 4\.29497e\+09, not -1"),
    ("batches-too-many", None, ["run", "act-sigmoid-std1", "--batches", "10000000"],
     r"train.steps: must be a whole number from 0 to 1e\+06"),
]


def run_cli(args, capsys):
    try:
        code = cli.main(args)
    except SystemExit as exc:          # argparse
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_hostile_command_line(case, tmp_path, capsys):
    name, content, args, pattern = case
    work = tmp_path / "w"
    work.mkdir()
    path = work / "c.json"
    if content is not None:
        (path.write_bytes if isinstance(content, bytes) else path.write_text)(content)
    before = sorted(p.name for p in work.iterdir())
    args = [a.replace("{f}", str(path)).replace("{d}", str(work)) for a in args]
    if name == "file-name-escape":
        (work / "\x1b[31m.json").write_text(content)
        before = sorted(p.name for p in work.iterdir())
    code, out, err = run_cli(["--lang", "en"] + args, capsys)
    assert code == 2, err
    assert "Traceback" not in err and out == ""
    last = err.strip().splitlines()[-1]
    assert re.search(pattern, last), last
    assert len(last) < 400 and "\x1b" not in err and "\x07" not in err
    assert sorted(p.name for p in work.iterdir()) == before      # nothing made, nothing lost


def test_hostile_table_is_big_enough():
    assert len(CASES) >= 55       # with the cases below and in test_hostile_engine: >= 60


def test_a_lone_surrogate_label_trains_and_keeps_the_result(tmp_path, capsys):
    path, out_file = tmp_path / "c.json", tmp_path / "r.json"
    path.write_text(config(runs=[{"label": "\ud800 \x1b[31mred"}]))
    code, out, err = run_cli(["run", str(path), "--json", str(out_file), "--quiet"], capsys)
    assert code == 0, err
    doc = json.loads(out_file.read_text(encoding="utf-8"))
    assert doc["runs"][0]["label"] == "\ufffd \ufffd[31mred"
    assert "\ufffd \ufffd[31mred" in out and "\x1b" not in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.json", "r.json"]


def test_a_memory_cap_refuses_a_preset_and_names_the_fields(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(budget, "memory_limit", lambda: 100 * 2 ** 20)
    code, out, err = run_cli(["run", "act-relu-compare", "--json", str(tmp_path / "r.json")],
                             capsys)
    assert code == 2 and out == "" and list(tmp_path.iterdir()) == []
    assert re.fullmatch(r"initviz: this run needs about 1\d\d\.\d MB of memory and this "
                        r"machine has 100\.0 MB; lower [a-z_.]+(, [a-z_.\[\]]+)*\n", err), err


def test_a_long_run_is_announced_then_runs(capsys, monkeypatch):
    monkeypatch.setattr(budget, "LONG_SECONDS", 0)
    code, out, err = run_cli(["run", "act-sigmoid-std1"], capsys)
    assert code == 0
    assert re.match(r"initviz: this run will take about 1 minutes .*; lower train.steps", err)
    assert "act-sigmoid-std1" in out


def test_json_written_when_the_summary_cannot_be_shown(tmp_path, capsys, monkeypatch):
    def broken(*a, **k):
        raise UnicodeEncodeError("ascii", "x", 0, 1, "a terminal that cannot")
    monkeypatch.setattr(cli, "_summary", broken)
    out_file = tmp_path / "r.json"
    with pytest.raises(UnicodeEncodeError):
        cli.main(["run", "act-sigmoid-std1", "--json", str(out_file), "--quiet"])
    assert json.loads(out_file.read_text())["preset"] == "act-sigmoid-std1"


# ---------------------------------------------------------------- real processes

def _process(args, preexec=None, **kw):
    env = dict(os.environ, PYTHONPATH=str(ROOT), LANG="C.UTF-8", LANGUAGE="", LC_ALL="")
    return subprocess.run([sys.executable, "-m", "initviz", *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120, preexec_fn=preexec, **kw)


def test_full_disk_gives_one_line_and_leaves_nothing(tmp_path):
    def small_files():        # a disk that fills after 2 kB: writes fail with EFBIG
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))
    out = _process(["run", "act-sigmoid-std1", "--json", str(tmp_path / "r.json")],
                   preexec=small_files)
    assert out.returncode == 2, out.stderr
    assert out.stderr.strip() == f"initviz: cannot write {tmp_path / 'r.json'}: File too large"
    assert list(tmp_path.iterdir()) == []


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "c.json"
    os.mkfifo(fifo)
    out = _process(["run", str(fifo)])    # would block on open() for ever if it were read
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.strip().endswith("c.json is not a regular file (a device, pipe or "
                                       "socket); not read")


def test_an_ascii_terminal_gets_escapes_not_a_traceback(tmp_path):
    path = tmp_path / "c.json"
    path.write_text(config(runs=[{"label": "\u221a \u00b5"}]))
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="ascii", LANG="C",
               LANGUAGE="", LC_ALL="C")
    out = subprocess.run([sys.executable, "-m", "initviz", "run", str(path)],
                         capture_output=True, env=env, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert b"\\u221a \\xb5" in out.stdout and b"Traceback" not in out.stderr


EXTREME = [
    ("relu-std-100", {"network": {"depth": 10, "width": 100, "activation": "relu"},
                      "runs": [{"init": {"scheme": "normal", "std": 100}}]}),
    ("linear-100-layers-std-10", {"network": {"depth": 100, "width": 100,
                                              "activation": "linear"},
                                  "runs": [{"init": {"scheme": "normal", "std": 10}}]}),
]


@pytest.mark.parametrize("case", EXTREME, ids=[c[0] for c in EXTREME])
def test_exploding_activations_are_a_result_not_an_error(case, tmp_path, capsys, recwarn):
    """Values that overflow float32 are what these runs are about: the run ends normally and
    its JSON stays strict (an overflowed number is null, never NaN or Infinity)."""
    path, out_file = tmp_path / "c.json", tmp_path / "r.json"
    path.write_text(json.dumps(case[1]))
    code, out, err = run_cli(["run", str(path), "--json", str(out_file)], capsys)
    assert code == 0 and err == "" and not [w for w in recwarn if "overflow" in str(w.message)]
    text = out_file.read_text()
    assert "NaN" not in text and "Infinity" not in text
    stds = [layer["activation_std"] for layer in json.loads(text)["runs"][0]["at_init"]]
    assert stds[0] > 50 and (None in stds or max(stds) > 1e15)


def test_running_out_of_memory_mid_run_is_one_line(capsys, monkeypatch):
    """What the budget cannot foresee (another program took the memory) still ends in one
    line, exit status 2."""
    from initviz.engine import parallel

    def greedy(*args, **kwargs):
        raise MemoryError
        yield
    monkeypatch.setattr(parallel, "run_comparison", greedy)
    code, out, err = run_cli(["run", "act-sigmoid-std1"], capsys)
    assert code == 2 and out == ""
    assert err == ("initviz: out of memory; lower network.width, network.depth, "
                   "train.batch_size or data.samples\n")
