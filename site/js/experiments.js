// The experiment cards of the lessons: each element with data-experiments="lesson" gets that
// lesson's cards and how many are done. A card sets up its run through the state and runs it
// the page's normal way; Python judges the prediction from the run. Runs the learner makes alone
// are noticed too (noticeRun), and complete the cards they do.
import * as python from "./python-client.js";
import { NETWORK, update } from "./state.js";
import { createExperimentCard, element } from "./experiment-card.js";
import { createProgress } from "./progress.js";
import { createRecordTools } from "./experiment-record.js";

const PAGES_WITH_CARDS = ["functions", "optimization", "network"];
const REPLACED = "The run was replaced by another one before it finished; press Run experiment again.";

/** Sets up the cards; pages are the router's pages. Returns {pythonReady(), noticeRun(run)}. */
export function createExperiments({ release, pages }) {
  const progress = createProgress(release);
  const entries = new Map();
  let lessons = {};
  let ready = python.isReady();
  // While a card's own run is on its way, the page's run hook must not count it as the learner's.
  let cardRunning = false;

  const mounts = () => [...document.querySelectorAll("[data-experiments]")];
  const labelOf = (card, value) => card.choices.find(([choice]) => choice === value)?.[1] ?? String(value);

  async function runCard({ card, view }, { prediction, variant }) {
    cardRunning = true;
    try {
      let run = null;
      if (card.page === "network") {
        run = await descendOnPage(card, prediction);
        if (!run) {
          view.showError(REPLACED);
          return;
        }
      } else if (card.page === "optimization") {
        const setup = { optimizer: card.optimizer, start: card.start, settings: { ...card.settings } };
        if (card.variants?.name === "start") setup.start = variant;
        else if (card.variants) setup.settings[card.variants.name] = variant;
        update({ ...setup, replay: null });
        const shown = await pages.optimization.runFromState();
        if (!shown || shown.optimizer !== setup.optimizer || shown.start !== setup.start) {
          view.showError(REPLACED);
          return;
        }
        run = { optimizer: shown.optimizer, start: shown.start, settings: shown.settings, xs: shown.xs };
      } else {
        update({ function: card.shows ?? prediction });
        await pages.functions.show();
      }
      const review = await python.call("experiment_review", { card: card.id, prediction, variant, run });
      keep(card, review, { prediction: labelOf(card, prediction), correct: review.correct, selfMade: false });
    } catch (error) {
      view.showError(`The experiment could not run: ${error.message}`);
    } finally {
      cardRunning = false;
    }
  }

  /** The card's descent set up on the network page and run there; null when another run replaced it. */
  async function descendOnPage(card, prediction) {
    const settings = { ...card.settings };
    if (card.runs_prediction) settings[card.runs_prediction] = Number(prediction);
    const [a, b] = card.start;
    update({ surface: NETWORK, race: [], descent: card.optimizer, a, b, descentSettings: settings, descentReplay: null });
    const shown = await pages["loss-landscape"].runFromState();
    if (!shown || shown.runs || shown.optimizer !== card.optimizer || shown.start[0] !== a || shown.start[1] !== b) return null;
    return columnsOf(shown);
  }

  // What Python needs of a descent to judge it: plain JSON, without what the page added for itself.
  const columnsOf = ({ optimizer, start, settings, as, bs, losses, slopes_a, slopes_b, accuracies, outcome }) =>
    ({ optimizer, start, settings, as, bs, losses, slopes_a, slopes_b, accuracies, outcome });

  function keep(card, review, how) {
    const attempt = { card: card.id, title: card.title, lesson: lessons[card.lesson] ?? card.lesson,
      outcome: review.outcome_label, explanation: review.explanation, ...how };
    progress.record(attempt);
    entries.get(card.id).view.showFeedback(progress.latest(card.id));
  }

  function progressText(lesson) {
    const cards = [...entries.values()].filter(({ card }) => card.lesson === lesson);
    const done = cards.filter(({ card }) => progress.latest(card.id)).length;
    return `${done} of ${cards.length} experiments done`;
  }

  function showProgress() {
    for (const mount of mounts()) {
      const text = mount.querySelector(".experiment-progress");
      if (text) text.textContent = progressText(mount.dataset.experiments);
    }
  }

  /** Fills every mount with its lesson's cards, as the record says. */
  function build() {
    const firstOfPage = new Set();
    for (const mount of mounts()) {
      const lesson = mount.dataset.experiments;
      const titleId = `experiments-${lesson}-title`;
      const heading = element("h3", { id: titleId, tabIndex: -1, textContent: "Experiments: predict, then run" });
      // A plain group, not a section: a region landmark per lesson would repeat one name.
      const section = element("div", { className: "experiments" }, [heading,
        element("p", { className: "experiment-progress small" })]);
      for (const entry of entries.values()) {
        if (entry.card.lesson !== lesson) continue;
        entry.view = createExperimentCard(entry.card, {
          onRun: (choice) => runCard(entry, choice),
          answer: async (variant) => (await python.call("experiment_review", { card: entry.card.id, variant })).answer,
        });
        entry.view.setReady(ready);
        const kept = progress.latest(entry.card.id);
        if (kept) entry.view.showFeedback(kept, { kept: true });
        section.append(entry.view.element);
      }
      const page = mount.closest(".page")?.id;
      if (!firstOfPage.has(page)) {
        firstOfPage.add(page);
        section.append(createRecordTools({ progress, onReset() {
          build();
          mount.querySelector("h3").focus();
        } }));
      }
      mount.replaceChildren(section);
    }
    showProgress();
  }

  const waiting = (text) => mounts().forEach((mount) => mount.replaceChildren(element("p", { className: "small", textContent: text })));
  waiting("The experiments of this lesson load with Python…");
  progress.onChange(showProgress);
  python.onStatus((status) => {
    ready = status.state === "ready";
    if (status.state === "failed" && entries.size === 0) waiting("The experiments need Python, which could not start.");
    for (const entry of entries.values()) entry.view?.setReady(ready);
  });

  return {
    /** Python is ready, or its lessons changed: ask it for the cards of every page and show them. */
    async pythonReady() {
      ready = true;
      entries.clear();
      for (const page of PAGES_WITH_CARDS) {
        const answer = await python.call("experiments", { page });
        lessons = { ...lessons, ...answer.lessons };
        for (const card of answer.cards) entries.set(card.id, { card, view: null });
      }
      build();
    },
    /** A run the page has just shown: the cards it completes, if the learner made it alone. */
    async noticeRun(run) {
      if (cardRunning || !ready) return;
      const page = run.as ? "network" : "optimization";
      if (page === "network" && run.surface !== NETWORK) return;
      const open = [...entries.values()].filter(({ card }) => card.page === page && card.optimizer === run.optimizer
        && !progress.latest(card.id));
      if (!open.length) return;
      try {
        const reviews = page === "network" ? await python.call("network_experiment_notice", { run: columnsOf(run) })
          : await python.call("experiment_notice", { optimizer: run.optimizer, start: run.start, settings: run.settings, xs: run.xs });
        for (const review of reviews) {
          const entry = entries.get(review.card);
          if (entry?.view && !progress.latest(review.card)) {
            keep(entry.card, review, { prediction: "(none: your own run)", correct: null, selfMade: true });
          }
        }
      } catch {
        // A run that cannot be judged completes nothing; the page shows its own error, if any.
      }
    },
  };
}
