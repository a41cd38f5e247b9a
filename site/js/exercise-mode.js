// Exercise mode: a teacher's link (lock=, hide=, card= in the hash) locks or hides controls of
// the page and opens one experiment card. Names the page does not have are ignored with a
// notice. The page keeps working: Run and the replay are never locked. A banner says so, and
// offers to leave the exercise. Page code may enable a locked control again at any time (a
// run enables "Keep this run"): what it wants is remembered, and given back on leaving.
import { ignoredRequest, state, update } from "./state.js";
import { controlsOf } from "./exercise-controls.js";
import { element } from "./experiment-card.js";

const NOTE = "Locked by your teacher's link";
const HIDDEN = "data-exercise-hidden";
const CHOSEN = "data-exercise-card";

/** Applies the exercise in the state to the page shown; notify(text, {append}) reports what was ignored. */
export function createExerciseMode({ notify }) {
  const banner = document.getElementById("exercise-banner");
  const summary = document.getElementById("exercise-summary");
  const locked = new Map(); // element -> whether the page wants it disabled
  const ownWrites = new Map(); // element -> how many of its disabled changes are ours, not yet observed
  const observer = new MutationObserver(observed);
  let watched = null; // the page whose changes the observer sees
  let cardsLoaded = false;
  let scrollPending = false;

  const section = () => document.getElementById(`page-${state.page}`);
  const active = () => state.lock.length > 0 || state.hide.length > 0 || state.card !== null;
  const cardElement = () => {
    const card = state.card === null ? null : document.getElementById(`experiment-${state.card}`);
    return card?.matches("article.experiment") && section().contains(card) ? card : null;
  };

  function setDisabled(control, disabled) {
    if (control.disabled === disabled) return;
    if (watched?.contains(control)) ownWrites.set(control, (ownWrites.get(control) ?? 0) + 1);
    control.disabled = disabled;
  }

  function observed(records) {
    let added = false;
    for (const record of records) {
      if (record.type === "childList") added = true;
      if (record.type !== "attributes") continue;
      const control = record.target;
      const own = ownWrites.get(control) ?? 0;
      if (own > 0) ownWrites.set(control, own - 1);
      else if (locked.has(control)) {
        locked.set(control, control.disabled);
        setDisabled(control, true);
      }
    }
    if (added) apply();
  }

  function describedBy(control, id, on) {
    const ids = (control.getAttribute("aria-describedby") ?? "").split(" ").filter((token) => token && token !== id);
    if (on) ids.push(id);
    if (ids.length) control.setAttribute("aria-describedby", ids.join(" "));
    else control.removeAttribute("aria-describedby");
  }

  /** Locks, hides and marks what the state asks for, and undoes what it no longer asks for. */
  function apply() {
    const controls = controlsOf(section());
    const hide = new Set(state.hide);
    const lock = new Set(state.lock.filter((name) => !hide.has(name)));
    const wanted = new Set(controls.filter(({ name }) => lock.has(name)).flatMap((control) => control.controls));
    const hidden = new Set(controls.filter(({ name }) => hide.has(name)).flatMap((control) => control.parts));
    for (const [control, disabled] of locked) {
      if (wanted.has(control)) continue;
      locked.delete(control);
      setDisabled(control, disabled);
    }
    for (const control of wanted) {
      if (!locked.has(control)) locked.set(control, control.disabled);
      setDisabled(control, true);
    }
    for (const part of document.querySelectorAll(`[${HIDDEN}]`)) if (!hidden.has(part)) part.removeAttribute(HIDDEN);
    for (const part of hidden) if (!part.hasAttribute(HIDDEN)) part.setAttribute(HIDDEN, "");
    for (const note of document.querySelectorAll(".exercise-note")) {
      if (!lock.has(note.dataset.control) || !section().contains(note)) note.remove();
    }
    for (const control of controls.filter(({ name }) => lock.has(name))) {
      const id = `exercise-note-${control.name}`;
      if (!document.getElementById(id)) control.placeNote(element("p", { id, className: "exercise-note small", textContent: NOTE }));
      document.getElementById(id).dataset.control = control.name;
      for (const input of control.controls) describedBy(input, id, true);
    }
    for (const input of document.querySelectorAll("[aria-describedby*='exercise-note-']")) {
      for (const id of input.getAttribute("aria-describedby").split(" ").filter((token) => token.startsWith("exercise-note-"))) {
        if (!document.getElementById(id) || !locked.has(input)) describedBy(input, id, false);
      }
    }
    showCard();
    showBanner(controls);
  }

  function showCard() {
    const card = cardElement();
    for (const marked of document.querySelectorAll(`[${CHOSEN}]`)) {
      if (marked !== card) {
        marked.removeAttribute(CHOSEN);
        marked.querySelector(".exercise-card-note")?.remove();
      }
    }
    if (!card) return;
    if (!card.hasAttribute(CHOSEN)) {
      card.setAttribute(CHOSEN, "");
      card.querySelector("h4")?.after(element("p", { className: "exercise-card-note small",
        textContent: "Your teacher chose this experiment." }));
    }
    if (scrollPending) {
      scrollPending = false;
      card.scrollIntoView({ block: "start" });
    }
  }

  function showBanner(controls) {
    banner.hidden = !active();
    if (banner.hidden) return;
    const labels = (names) => controls.filter(({ name }) => names.includes(name)).map(({ label }) => label).join(", ");
    const title = cardElement()?.querySelector("h4")?.textContent;
    const hidden = labels(state.hide);
    const lockedLabels = labels(state.lock.filter((name) => !state.hide.includes(name)));
    // "Hidden: Where do I end up?" ends as its label does; other lists end with a full stop.
    const sentence = (lead, text) => (text ? `${lead}: ${text}${/[.?!]$/.test(text) ? "" : "."}` : "");
    summary.textContent = ["This page is set up by your teacher's link.", sentence("Experiment", title),
      sentence("Locked", lockedLabels), sentence("Hidden", hidden)].filter(Boolean).join(" ");
  }

  /** Ignores, with a notice, the card the page does not have (once its cards are there). */
  function checkCard() {
    const hasCards = section().querySelector("[data-experiments]") !== null;
    if (state.card === null || (hasCards && !cardsLoaded) || cardElement()) return;
    notify(ignoredRequest("open the experiment", state.card), { append: true });
    update({ card: null });
    apply();
  }

  function watch(page) {
    observer.disconnect();
    ownWrites.clear();
    watched = page;
    if (page) observer.observe(page, { subtree: true, childList: true, attributes: true, attributeFilter: ["disabled"] });
  }

  function leave() {
    update({ lock: [], hide: [], card: null });
    apply();
    watch(null);
    const heading = section().querySelector("h1");
    heading.tabIndex = -1;
    heading.focus();
  }

  document.getElementById("exercise-leave").addEventListener("click", leave);

  return {
    /** The router showed a page (its controls are built): check the link's names, then apply. */
    pageShown() {
      const names = new Set(controlsOf(section()).map(({ name }) => name));
      const unknown = (list, verb) => list.filter((name) => !names.has(name)).map((name) => ignoredRequest(verb, name));
      const notices = [...unknown(state.lock, "lock"), ...unknown(state.hide, "hide")];
      if (notices.length) {
        notify(notices.join(" "), { append: true });
        update({ lock: state.lock.filter((name) => names.has(name)), hide: state.hide.filter((name) => names.has(name)) });
      }
      watch(active() ? section() : null);
      scrollPending = state.card !== null;
      apply();
      checkCard();
    },
    /** The experiment cards are built (Python is ready, or the lessons changed). */
    cardsReady() {
      cardsLoaded = true;
      apply();
      checkCard();
    },
  };
}
