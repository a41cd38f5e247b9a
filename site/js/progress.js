// The learner's experiments: every attempt (prediction, outcome, date) kept in the browser, per
// release like the edited code, so a new release starts with a clean record.

const MOST_ATTEMPTS = 200;

/** The record of one release: {attempts(), done(card), record(attempt), reset(), onChange(listener)}. */
export function createProgress(release) {
  const key = `math-fundamentals:${release}:experiments`;
  const listeners = [];
  let attempts = read();

  function read() {
    try {
      const stored = JSON.parse(localStorage.getItem(key) ?? "[]");
      return Array.isArray(stored) ? stored : [];
    } catch {
      return []; // storage disabled or damaged: this visit starts a new record
    }
  }

  function write() {
    try {
      if (attempts.length) localStorage.setItem(key, JSON.stringify(attempts));
      else localStorage.removeItem(key);
    } catch {
      // storage full or disabled: the record lasts for this visit only
    }
    for (const listener of listeners) listener();
  }

  return {
    attempts: () => attempts.slice(),
    /** The latest attempt at a card, or null when it was never done. */
    latest: (card) => attempts.findLast((attempt) => attempt.card === card) ?? null,
    /** Keeps one attempt {card, title, lesson, prediction, outcome, correct, selfMade, explanation, date}. */
    record(attempt) {
      attempts = [...attempts, { ...attempt, date: new Date().toISOString() }].slice(-MOST_ATTEMPTS);
      write();
    },
    reset() {
      attempts = [];
      write();
    },
    onChange: (listener) => listeners.push(listener),
  };
}

/** What an attempt's result is called in the downloads. */
export const RESULTS = { own: "own run", right: "right", wrong: "not right" };

/** "own", "right" or "wrong": a run of the learner's own, or a prediction that held or did not. */
export const resultOf = (attempt) => (attempt.selfMade ? "own" : attempt.correct ? "right" : "wrong");

/** One row per attempt: what a teacher reads in a spreadsheet. */
export function attemptsToCsv(attempts) {
  const quote = (text) => `"${String(text).replaceAll('"', '""')}"`;
  const rows = [["experiment", "lesson", "prediction", "outcome", "result", "date"],
    ...attempts.map((attempt) => [attempt.title, attempt.lesson, attempt.prediction, attempt.outcome,
      RESULTS[resultOf(attempt)], attempt.date])];
  return `${rows.map((row) => row.map(quote).join(",")).join("\n")}\n`;
}
