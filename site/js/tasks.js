// The editor's tasks on the optimization page (modify, fix, make): each Check applies what the
// optimization.py editor shows, exactly as Apply does (same errors, same lines marked), then
// Python runs the code the page's way and says whether the task holds, in the run's numbers.
// Which tasks passed is kept in the browser, per release like the edited code.
import * as python from "./python-client.js";
import { element } from "./experiment-card.js";
import { createTaskCard } from "./task-card.js";

/** A record {id: {passed, done, verdict, date}} of the latest checks, under its own key for this release. */
function createTaskRecord(release) {
  const key = `math-fundamentals:${release}:tasks`;
  let record = {};
  try {
    record = JSON.parse(localStorage.getItem(key) ?? "{}") ?? {};
  } catch {
    record = {}; // storage disabled or damaged: this visit starts a new record
  }
  return {
    get: (id) => record[id] ?? null,
    done: () => Object.values(record).filter((entry) => entry.done).length,
    /** Keeps a check's answer; a task once passed stays done, whatever a later check says. */
    keep(id, answer) {
      record[id] = { passed: answer.passed, done: answer.passed || Boolean(record[id]?.done), verdict: answer.verdict,
        date: new Date().toISOString() };
      try {
        localStorage.setItem(key, JSON.stringify(record));
      } catch {
        // storage full or disabled: the record lasts for this visit only
      }
    },
  };
}

/** Sets up the tasks in #tasks-list; editor is the optimization.py editor ({text, append, applyShown}). */
export function createTasks({ release, editor }) {
  const list = document.getElementById("tasks-list");
  const progressLine = document.getElementById("tasks-progress");
  const record = createTaskRecord(release);
  const cards = new Map();
  let total = 0;
  list.replaceChildren(element("p", { className: "small", textContent: "The tasks load with Python…" }));

  const showProgress = () => {
    progressLine.textContent = `${record.done()} of ${total} tasks done`;
  };

  async function check(task, view, { prediction, optimizer }) {
    const failure = await editor.applyShown();
    if (failure) {
      view.showResult({ passed: false, verdict: [`Your code did not apply: ${failure}`,
        "Fix it in the editor (the line is marked there), then check again."] });
      return;
    }
    try {
      const answer = await python.call("task_check", { task: task.id, prediction, optimizer });
      record.keep(task.id, answer);
      view.showResult(record.get(task.id));
      showProgress();
    } catch (error) {
      const where = error.details?.line ? ` (line ${error.details.line})` : "";
      view.showResult({ passed: false, verdict: [`${error.message}${where}.`] });
    }
  }

  async function insert(task, view) {
    if (editor.text().includes(`def ${task.optimizer}(`)) {
      view.say(`${task.optimizer} is in the editor already: fix it there.`);
      return;
    }
    await editor.append(task.code);
    view.say(`Inserted ${task.optimizer} at the end of optimization.py (not applied yet). `
      + "Ctrl+Z (⌘+Z) in the editor takes it out again.");
  }

  python.onStatus((status) => {
    for (const view of cards.values()) view.setReady(status.state === "ready");
  });

  return {
    /** Python is ready: ask it for the tasks and show them, with what the record kept. */
    async pythonReady() {
      const answer = await python.call("tasks");
      cards.clear();
      total = answer.tasks.length;
      for (const task of answer.tasks) {
        const view = createTaskCard(task, {
          onCheck: (choice) => check(task, view, choice),
          onInsert: () => insert(task, view),
        });
        view.setOptimizers(answer.optimizers);
        view.setReady(python.isReady());
        const kept = record.get(task.id);
        if (kept) view.showResult(kept, { date: kept.date });
        cards.set(task.id, view);
      }
      list.replaceChildren(...[...cards.values()].map((view) => view.element));
      showProgress();
    },
    /** The optimizers changed (an edit was applied): the Make task offers the new list. */
    setCatalog(catalog) {
      const names = catalog.optimizers.map((optimizer) => optimizer.name);
      for (const view of cards.values()) view.setOptimizers(names);
    },
  };
}
