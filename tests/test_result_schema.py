"""The result document initviz.result/3: its histograms (zeros and values beyond the range
apart, counts conserved), the magnitude and through-training options of `initviz run`, and old
documents refused clearly."""
import json

import numpy as np
import pytest

from initviz import cli
from initviz.engine.result import RESULT_SCHEMA, ResultSchemaError, read_result


def run_json(tmp_path, *args, name="out.json"):
    path = tmp_path / name
    assert cli.main(["run", "flower-small-vs-xavier", "--batches", "60", "--json", str(path),
                     "--quiet", *args]) == 0
    return json.loads(path.read_text(encoding="utf-8"))


def bars(h):
    return np.asarray(h["counts"] if h["axis"] == "linear" else
                      np.add(h["positive"], h["negative"]), float)


def test_every_histogram_accounts_for_every_value(tmp_path, capsys):
    doc = run_json(tmp_path, "--magnitude")
    assert read_result(doc) is doc and doc["schema"] == RESULT_SCHEMA
    for run in doc["runs"]:
        for when in ("at_init", "at_end"):
            for layer in run[when]:
                for name in ("activation", "preactivation", "gradient", "weight"):
                    for key, axis in ((name + "_hist", None), (name + "_magnitude", "magnitude")):
                        h = layer[key]
                        assert axis is None or h["axis"] == axis
                        assert len(h["edges"]) == len(bars(h)) + 1
                        assert bars(h).sum() + h["below"] + h["above"] + h["zeros"] + \
                            h["nan"] + h["inf"] == pytest.approx(h["total"], rel=1e-9)
                        # (on the magnitude axis up to 1 % of the smallest: a decade less)
                        small = 0.01 if h["axis"] == "magnitude" else 0.001
                        assert h["below"] <= small * h["total"] + 1e-9
                        assert h["above"] <= 0.001 * h["total"] + 1e-9


def test_through_training_is_measured_at_validation_steps_reproducibly(tmp_path, capsys):
    a = run_json(tmp_path, "--through-training", name="a.json")
    b = run_json(tmp_path, "--through-training", name="b.json")
    every = a["config"]["train"]["eval_every"]
    for ra, rb in zip(a["runs"], b["runs"], strict=True):
        assert ra["through_training"] == rb["through_training"]      # bit for bit
        for name, layers in ra["through_training"].items():
            for heat in layers:
                assert heat["steps"] == list(range(0, 61, every))
                shares = np.asarray(heat["shares"])
                assert shares.shape == (len(heat["steps"]), len(heat["edges"]) - 1)
                # every value is in a bar, among the zeros or beyond an end
                assert np.allclose(shares.sum(axis=1) + heat["zeros"] + heat["below"] +
                                   heat["above"], 1.0)
    assert "through_training" not in run_json(tmp_path)["runs"][0]


def test_old_and_foreign_documents_are_refused_with_a_reason():
    with pytest.raises(ResultSchemaError, match="older initviz.*run the experiment again"):
        read_result({"schema": "initviz.result/1", "runs": []})
    with pytest.raises(ResultSchemaError, match="older initviz.*end bins.*run the experiment"):
        read_result({"schema": "initviz.result/2", "runs": []})
    with pytest.raises(ResultSchemaError, match="newer initviz"):
        read_result({"schema": "initviz.result/4"})
    with pytest.raises(ResultSchemaError, match="not an initviz result"):
        read_result({"schema": "initviz.experiment/1"})
    with pytest.raises(ResultSchemaError, match="not an initviz result"):
        read_result([1, 2])
