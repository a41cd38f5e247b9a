"""The benchmark's report as markdown tables: loads (median, min-max), interactions (p50, p95), heap."""

import statistics

from tools import benchmark_optimizers


def summary(values):
    """Median, minimum, maximum and count of a list of timings."""
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}


def markdown(report) -> str:
    """The report as benchmark.md holds it, and as the README quotes it."""
    lines = [f"Measured {report['date']} on {report['machine']}, headless Chromium, "
             f"{report['repeat']} runs each (median, min-max).", "",
             "| scenario | first plot (ms) | interactive (ms) | bytes on the wire to interactive "
             "| then, after the start |", "|---|---|---|---|---|"]
    for name, runs in report["loads"].items():
        first = summary([run["first_plot_ms"] for run in runs])
        ready = summary([run["interactive_ms"] for run in runs])
        sizes = [statistics.median(run[key] for run in runs) / 2**20 for key in ("bytes", "bytes_after_start")]
        size_text = "n/a (disk) | n/a" if "file://" in name else f"{sizes[0]:.2f} MiB | {sizes[1]:.2f} MiB"
        lines.append(f"| {name} | {first['median']:.0f} ({first['min']:.0f}-{first['max']:.0f}) | "
                     f"{ready['median']:.0f} ({ready['min']:.0f}-{ready['max']:.0f}) | {size_text} |")
    forms = [f"{name}: {', '.join(sorted(set(describe(run) for run in runs)))}"
             for name, runs in report["loads"].items() if "file://" not in name]
    lines += ["", "What each route fetched: " + "; ".join(forms) + "."]
    act = report["interactions"]
    heap = act["heap_mb"]
    lines += ["", "| interaction | p50 | p95 |", "|---|---|---|",
              f"| run: click to path drawn (ms, {act['run_latency_ms']['n']} runs) | "
              f"{act['run_latency_ms']['p50']:.1f} | {act['run_latency_ms']['p95']:.1f} |",
              f"| run: click to the display frame that shows it (ms; frames every 16.7 ms) | "
              f"{act['run_shown_ms']['p50']:.1f} | {act['run_shown_ms']['p95']:.1f} |",
              f"| run: click to Python's answer in the page (ms) | "
              f"{act['run_answered_ms']['p50']:.1f} | {act['run_answered_ms']['p95']:.1f} |",
              f"| run: click to table, readout and code view updated (ms) | "
              f"{act['run_ready_ms']['p50']:.1f} | {act['run_ready_ms']['p95']:.1f} |",
              f"| replay: input to frame shown, incl. waiting for the frame (ms, {act['replay_frame_ms']['n']} steps) | "
              f"{act['replay_frame_ms']['p50']:.1f} | {act['replay_frame_ms']['p95']:.1f} |",
              f"| replay: frame time, drawing work per frame (ms) | "
              f"{act['replay_frame_ms']['draw_p50']:.2f} | {act['replay_frame_ms']['draw_p95']:.2f} |",
              *[f"| start-point sweep, {name}: 401 runs computed and drawn (ms, median of 5) | {value:.0f} | |"
                for name, value in act["sweep_ms"].items()],
              f"| learning-rate map: 24 x 81 runs computed and drawn (ms, once) | {act['step_size_map_ms']:.0f} | |",
              f"| neural network: 100 training steps, click to path drawn (ms, {act['network_run_ms']['n']} runs) | "
              f"{act['network_run_ms']['p50']:.0f} | {act['network_run_ms']['p95']:.0f} |",
              *benchmark_optimizers.rows(act.get("network_optimizers_ms", {})),
              "", "| JS heap | MiB |", "|---|---|"]
    lines += [f"| {name.replace('_', ' ')} | {value:.1f} |" for name, value in heap.items()]
    return "\n".join(lines + engine_lines(report["engines"])) + "\n"


def engine_lines(engines) -> list[str]:
    """Time to interactive and a run's latency per browser, over http (median, min-max)."""
    lines = ["", "| browser (cold http, a fresh page each time) | interactive (ms) "
             "| gradient ascent run: click to verdict shown (ms) |", "|---|---|---|"]
    for name, runs in engines["browsers"].items():
        ready, run = (summary([figures[key] for figures in runs]) for key in ("interactive_ms", "run_ms"))
        lines.append(f"| {name} | {ready['median']:.0f} ({ready['min']:.0f}-{ready['max']:.0f}) | "
                     f"{run['median']:.1f} ({run['min']:.1f}-{run['max']:.1f}) |")
    return lines + [f"Not measured: {reason}." for reason in engines["missing"]]


def describe(run) -> str:
    """Which forms of the runtime a load fetched (none on a warm visit: all from the cache)."""
    if not run["bytes"]:
        return "all from the cache"
    snapshot = "snapshot" if run["snapshot"] else "no snapshot"
    return f"wasm binary {'xz-compressed' if run['wasm_form'] == 'xz' else 'gzipped'}, {snapshot}"
