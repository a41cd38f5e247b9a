"""Benchmark of the built site in headless Chromium: load times, bytes, run and replay latency, memory;
and the start and a run in Firefox, WebKit and a busy Chromium (tools/benchmark_engines.py).

    uv run python -m tools.benchmark [--repeat 5] [--out benchmark-results]

Drives dist/ (build it first) with Playwright, a fresh browser context per cold run, and writes
benchmark.json and benchmark.md (a markdown table) into the output folder. Figures are printed,
not asserted: targets are compared by reading the table.
"""

import argparse
import json
import platform
import re
import statistics
import time
from datetime import date
from pathlib import Path

from playwright.sync_api import sync_playwright

import build
from tools import benchmark_optimizers, static_server
from tools.benchmark_engines import engine_report
from tools.benchmark_report import markdown
from tools.chromium import launch_chromium
from tools.service_worker import WAIT_UNTIL_ACTIVE_JS

THROTTLED = {"offline": False, "latency": 40, "downloadThroughput": 10e6 / 8, "uploadThroughput": 10e6 / 8}
SUB_PATH = "/math-fundamentals/"
READY_TIMEOUT_MS = 60_000
NETWORK_RUNS = 20
# Loaded once Python is ready, off the way to the first run: the code editor (when the learner
# scrolls near it) and the modules a learner may import beyond those Python starts with.
LOADED_AFTER_START = ("editor.js", "python_stdlib_more.zip")

MARKS_JS = """async () => {
  const wait = (name) => new Promise((resolve) => {
    const found = () => performance.getEntriesByName(name)[0];
    if (found()) return resolve(found().startTime);
    new PerformanceObserver((list, observer) => {
      if (found()) { observer.disconnect(); resolve(found().startTime); }
    }).observe({ type: "mark", buffered: true });
  });
  return { firstPlot: await wait("first-plot"), interactive: await wait("interactive") };
}"""

WAIT_FOR_MARK = """(name) => new Promise((resolve) => {
  const found = () => performance.getEntriesByName(name).length > 0;
  if (found()) return resolve();
  new PerformanceObserver((list, observer) => { if (found()) { observer.disconnect(); resolve(); } })
    .observe({ type: "mark", buffered: true });
})"""

RUNS_JS = """async ([count, label = "Run optimization", drawn = "draw-run"]) => {
  const button = [...document.querySelectorAll("button")].find((b) => b.textContent === label);
  const latencies = [];
  const shown = [];
  const frames = [];
  let recording = true;
  const record = () => { frames.push(performance.now()); if (recording) requestAnimationFrame(record); };
  requestAnimationFrame(record);
  for (let i = 0; i < count; i++) {
    const before = performance.getEntriesByName(drawn).length;
    const started = performance.now();
    button.click();
    const entry = await new Promise((resolve) => {
      const check = () => {
        const entries = performance.getEntriesByName(drawn);
        if (entries.length > before) resolve(entries[entries.length - 1]);
        else setTimeout(check, 0);
      };
      check();
    });
    const drawnAt = entry.startTime + entry.duration;
    latencies.push(drawnAt - started);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    shown.push(frames.find((time) => time >= drawnAt) - started);
    // A learner's click falls anywhere between two frames, so the next one does too.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 17));
  }
  recording = false;
  return { latencies, shown };
}"""

SWEEP_JS = """async (count) => {
  const button = document.getElementById("sweep-button");
  const times = [];
  for (let i = 0; i < count; i++) {
    const before = performance.getEntriesByName("sweep-drawn").length;
    document.getElementById("setting-scale")?.dispatchEvent(new Event("input"));
    button.click();
    await new Promise((resolve) => {
      const check = () => performance.getEntriesByName("sweep-drawn").length > before ? resolve() : setTimeout(check, 5);
      check();
    });
    times.push(performance.getEntriesByName("sweep-drawn").at(-1).duration);
  }
  return times;
}"""

MAP_JS = """async () => {
  const started = performance.now();
  document.getElementById("map-button").click();
  await new Promise((resolve) => {
    const check = () => document.getElementById("step-size-map").hidden ? setTimeout(check, 5) : resolve();
    check();
  });
  return performance.now() - started;
}"""

REPLAY_JS = """async () => {
  const slider = document.getElementById("replay-slider");
  const frames = [];
  for (let i = 0; i <= Number(slider.max); i++) {
    const before = performance.getEntriesByName("draw-run").length;
    const started = performance.now();
    slider.value = String(i);
    slider.dispatchEvent(new Event("input", { bubbles: true }));
    const entry = await new Promise((resolve) => {
      const check = () => {
        const entries = performance.getEntriesByName("draw-run");
        if (entries.length > before) resolve(entries[entries.length - 1]);
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    frames.push({ work: entry.startTime + entry.duration - started, draw: entry.duration });
  }
  return frames;
}"""


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class Bench:
    def __init__(self, browser, http_root: str, file_root: str):
        self.browser = browser
        self.http_root = http_root
        self.file_root = file_root

    def load(self, url: str, *, throttle=False, context=None):
        """One page load: first paint, time to interactive, and bytes over the network."""
        own_context = context is None
        context = context or self.browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        if throttle:
            cdp.send("Network.emulateNetworkConditions", THROTTLED)
        # Playwright's own events: they include the Python worker's downloads.
        finished = []
        page.on("requestfinished", lambda request: finished.append(request))
        page.goto(url)
        marks = page.evaluate(MARKS_JS)
        # The files loaded after the start have arrived too; the code editor comes when the
        # learner scrolls to it, and then the page is back at its top for what follows.
        page.evaluate(WAIT_FOR_MARK, "more-stdlib-handed-over")
        page.get_by_role("region", name=re.compile("^Edit the Python")).first.scroll_into_view_if_needed()
        page.get_by_role("textbox", name=re.compile("^Python code of")).filter(visible=True).wait_for()
        page.evaluate("() => window.scrollTo(0, 0)")
        # (A file the browser's cache answered has no bytes on the wire.)
        received = {request.url: size for request in finished if (size := request.sizes()["responseBodySize"]) > 0}
        later = sum(size for name, size in received.items() if name.endswith(LOADED_AFTER_START))
        result = {"first_plot_ms": marks["firstPlot"], "interactive_ms": marks["interactive"],
                  "bytes": sum(received.values()) - later, "bytes_after_start": later,
                  "wasm_form": "xz" if any(name.endswith(".wasm.xz") for name in received) else "as is",
                  "snapshot": any(name.endswith(build.SNAPSHOT_NAME) for name in received)}
        if own_context:
            context.close()
        return result, page

    def loads(self, repeat: int):
        scenarios = {
            "cold http": lambda: self.load(self.http_root + "index.html#/optimization")[0],
            "cold http, 10 Mbit/s + 40 ms": lambda: self.load(self.http_root + "index.html#/optimization",
                                                              throttle=True)[0],
            "cold file://": lambda: self.load(self.file_root + "index.html#/optimization")[0],
            "cold http, functions page": lambda: self.load(self.http_root + "index.html#/functions")[0],
        }
        results = {}
        for name, scenario in scenarios.items():
            results[name] = []
            for _ in range(repeat):
                results[name].append(scenario())
                print(f"  {name}: {results[name][-1]}", flush=True)
        warm = []
        for _ in range(repeat):
            context = self.browser.new_context()
            # A revisit: the first visit's page is gone (its worker no longer competes for
            # the CPU), its files are in the browser's cache.
            first = self.load(self.http_root + "index.html#/optimization", context=context)[1]
            first.evaluate(WAIT_FOR_MARK, "snapshot-kept")  # the unpacked snapshot is stored
            first.evaluate(WAIT_UNTIL_ACTIVE_JS, 60_000)  # and the service worker keeps the release
            first.close()
            warm.append(self.load(self.http_root + "index.html#/optimization", context=context)[0])
            context.close()
        results["warm http"] = warm
        return results

    def interactions(self, runs: int, heavy_runs: int):
        context = self.browser.new_context(viewport={"width": 1280, "height": 900})
        _, page = self.load(self.http_root + "index.html#/optimization?optimizer=gradient_ascent&step_size=0.1",
                            context=context)
        cdp = context.new_cdp_session(page)
        heap_after_load = self.heap(cdp)
        # Steady state: the code editor (set up when load scrolled to it) has settled in, and the
        # service worker has kept the release (downloading it would compete with the runs).
        page.get_by_role("textbox", name="Python code of optimization.py").wait_for()
        page.evaluate(WAIT_UNTIL_ACTIVE_JS, 60_000)
        page.evaluate(RUNS_JS, [5])
        page.evaluate("() => performance.clearMeasures()")
        measured = page.evaluate(RUNS_JS, [runs])
        latencies, shown = measured["latencies"], measured["shown"]
        answered = page.evaluate("() => performance.getEntriesByName('run-answered').map((m) => m.duration)")
        ready = page.evaluate("() => performance.getEntriesByName('run-ready-to-draw').map((m) => m.duration)")
        frames = page.evaluate(REPLAY_JS)
        page.evaluate(RUNS_JS, [heavy_runs])
        heap_after_runs = self.heap(cdp)
        sweeps = {}
        for optimizer in ["hill_climbing", "gradient_ascent"]:
            page.get_by_label("Optimizer", exact=True).filter(visible=True).select_option(optimizer)
            sweeps[optimizer] = page.evaluate(SWEEP_JS, 5)
        map_ms = page.evaluate(MAP_JS)
        page.goto(self.http_root + "index.html#/loss-landscape")
        page.get_by_text("Local minimum: a =").wait_for()
        page.get_by_role("button", name="Train the network").click()
        page.get_by_role("status", name="Verdict").filter(has_text="Stuck in a local minimum").wait_for()
        descents = page.evaluate(RUNS_JS, [NETWORK_RUNS, "Train the network", "draw-descent"])["latencies"]
        optimizers = benchmark_optimizers.measure(page)
        context.close()
        return {
            "run_latency_ms": {"p50": percentile(latencies, 0.5), "p95": percentile(latencies, 0.95), "n": runs},
            "run_shown_ms": {"p50": percentile(shown, 0.5), "p95": percentile(shown, 0.95)},
            "run_answered_ms": {"p50": percentile(answered, 0.5), "p95": percentile(answered, 0.95)},
            "run_ready_ms": {"p50": percentile(ready, 0.5), "p95": percentile(ready, 0.95)},
            "replay_frame_ms": {"p50": percentile([f["work"] for f in frames], 0.5),
                                "p95": percentile([f["work"] for f in frames], 0.95),
                                "draw_p50": percentile([f["draw"] for f in frames], 0.5),
                                "draw_p95": percentile([f["draw"] for f in frames], 0.95), "n": len(frames)},
            "heap_mb": {"after_load": heap_after_load, f"after_{heavy_runs + runs}_runs": heap_after_runs},
            "sweep_ms": {name: statistics.median(times) for name, times in sweeps.items()},
            "step_size_map_ms": map_ms,
            "network_run_ms": {"p50": percentile(descents, 0.5), "p95": percentile(descents, 0.95),
                               "n": len(descents)},
            "network_optimizers_ms": optimizers,
        }

    @staticmethod
    def heap(cdp):
        cdp.send("HeapProfiler.collectGarbage")
        return cdp.send("Runtime.getHeapUsage")["usedSize"] / 2**20


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--heavy-runs", type=int, default=150)
    parser.add_argument("--out", type=Path, default=Path("benchmark-results"))
    args = parser.parse_args(argv)
    if not (build.DIST / "index.html").exists():
        raise SystemExit("dist/ is missing: run `python3 build.py` first.")
    static_server.warm_up(build.DIST)
    started = time.monotonic()
    with static_server.serving(build.DIST, SUB_PATH) as http_root, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        bench = Bench(browser, http_root, build.DIST.as_uri() + "/")
        report = {"date": date.today().isoformat(),
                  "machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores, "
                             f"Chromium {browser.version}",
                  "repeat": args.repeat,
                  "loads": bench.loads(args.repeat),
                  "interactions": bench.interactions(args.runs, args.heavy_runs),
                  "engines": engine_report(browser, http_root, args.repeat)}
        browser.close()
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "benchmark.json").write_text(json.dumps(report, indent=2))
    table = markdown(report)
    (args.out / "benchmark.md").write_text(table)
    print(table)
    print(f"benchmark: {time.monotonic() - started:.0f} s, written to {args.out}/")
    return report


if __name__ == "__main__":
    main()
