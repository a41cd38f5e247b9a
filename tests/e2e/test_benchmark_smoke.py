"""The benchmark runs end to end with one repetition, so it cannot rot."""

import json

from tests import benchmark


def test_benchmark_runs_once(dist, tmp_path):
    report = benchmark.main(["--repeat", "1", "--runs", "3", "--heavy-runs", "2", "--out", str(tmp_path)])
    saved = json.loads((tmp_path / "benchmark.json").read_text())
    assert saved["loads"].keys() == report["loads"].keys()
    for runs in saved["loads"].values():
        assert 0 < runs[0]["first_plot_ms"] <= runs[0]["interactive_ms"]
    assert "| cold http |" in (tmp_path / "benchmark.md").read_text()
