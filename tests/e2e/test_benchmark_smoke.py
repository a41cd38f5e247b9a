"""The benchmark runs end to end with one repetition, so it cannot rot."""

import json
import subprocess
import sys

import build


def test_benchmark_runs_once(dist, tmp_path):
    # Its own process: Playwright's sync API cannot nest inside the tests' browser session.
    done = subprocess.run([sys.executable, "-m", "tools.benchmark", "--repeat", "1", "--runs", "3",
                           "--heavy-runs", "2", "--out", str(tmp_path)],
                          cwd=build.ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads((tmp_path / "benchmark.json").read_text())
    for runs in report["loads"].values():
        assert 0 < runs[0]["first_plot_ms"] <= runs[0]["interactive_ms"]
    # The rest of the standard library comes after the start, and is counted apart.
    assert report["loads"]["cold http"][0]["bytes_after_start"] > 0
    interactions = report["interactions"]
    assert interactions["run_shown_ms"]["p50"] >= interactions["run_latency_ms"]["p50"] > 0
    assert report["interactions"]["sweep_ms"]["gradient_ascent"] > 0
    assert report["interactions"]["network_run_ms"]["p50"] > 0
    for runs in report["engines"]["browsers"].values():
        assert runs[0]["interactive_ms"] > 0 and runs[0]["run_ms"] > 0
    assert all(figure["median"] > 0 for figure in report["interactions"]["network_optimizers_ms"].values())
    table = (tmp_path / "benchmark.md").read_text()
    assert "| cold http |" in table and "start-point sweep" in table and "neural network" in table
    assert "| neural network, race of all six: 100 steps" in table
