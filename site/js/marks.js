// Performance marks that the benchmark (tests/benchmark.py) reads back.

const marked = new Set();

/** Marks `name` the first time it happens only (e.g. "first-plot", "interactive"). */
export function markOnce(name) {
  if (marked.has(name)) return;
  marked.add(name);
  performance.mark(name);
}

/** Records how long something took since `start` (a performance.now() value). */
export function measureSince(name, start) {
  performance.measure(name, { start, end: performance.now() });
}
