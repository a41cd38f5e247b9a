// "For teachers": a form that makes an exercise link from the page as it is now (its optimizer,
// start, settings and replay, as the state writes them in the URL), with one experiment card
// to open and each control of the page shown, locked or hidden. From a folder (file://) the
// address differs on every computer, so the part after # is offered on its own as well.
import { linkHash, state } from "./state.js";
import { controlsOf } from "./exercise-controls.js";
import { element } from "./experiment-card.js";

const CHOICES = ["shown", "locked", "hidden"];

/** Wires the form in the footer; refresh() rebuilds it for the page shown. */
export function createTeacherLinks() {
  const details = document.getElementById("teacher-links");
  const form = document.getElementById("teacher-form");
  const result = document.getElementById("exercise-link-result");
  const urlField = document.getElementById("exercise-link-url");
  const hashField = document.getElementById("exercise-link-hash");
  const status = document.getElementById("exercise-link-status");
  let cardSelect = null;
  let groups = [];

  function chosenFor(name) {
    const checked = groups.find((group) => group.name === name)?.element.querySelector("input:checked");
    if (checked) return checked.value;
    return state.hide.includes(name) ? "hidden" : state.lock.includes(name) ? "locked" : "shown";
  }

  function refresh() {
    if (!details.open) return;
    const section = document.getElementById(`page-${state.page}`);
    const cards = [...section.querySelectorAll("article.experiment:not(.task)")].filter((card) => card.getClientRects().length > 0);
    const previousCard = cardSelect?.value ?? (state.card === null ? "" : `experiment-${state.card}`);
    cardSelect = element("select", { id: "exercise-card-select" }, [new Option("None", ""),
      ...cards.map((card) => new Option(card.querySelector("h4").textContent, card.id))]);
    cardSelect.value = cards.some((card) => card.id === previousCard) ? previousCard : "";
    const cardField = cards.length
      ? [element("label", { htmlFor: cardSelect.id, textContent: "Experiment card to open" }), cardSelect]
      : [element("p", { className: "small", textContent: "This page has no experiment cards to open." })];
    groups = controlsOf(section).map(({ name, label }) => {
      const chosen = chosenFor(name);
      const group = element("fieldset", { className: "exercise-choice" }, [element("legend", { textContent: label }),
        ...CHOICES.map((choice) => {
          const id = `exercise-${name}-${choice}`;
          const input = element("input", { type: "radio", name: `exercise-${name}`, id, value: choice, checked: choice === chosen });
          return element("span", {}, [input, element("label", { htmlFor: id, textContent: choice })]);
        })]);
      return { name, element: group };
    });
    form.replaceChildren(...cardField, element("p", { className: "small",
      textContent: "Locked controls are greyed out; hidden ones are not shown. Run and the replay always work." }),
    ...groups.map(({ element: group }) => group));
  }

  function makeLink() {
    const named = (choice) => groups.filter(({ name }) => chosenFor(name) === choice).map(({ name }) => name);
    const card = cardSelect?.value ? cardSelect.value.replace(/^experiment-/, "") : null;
    const hash = linkHash({ card, lock: named("locked"), hide: named("hidden") });
    urlField.value = `${location.href.split("#")[0]}${hash}`;
    hashField.value = hash;
    hashField.closest("p").hidden = location.protocol !== "file:";
    status.textContent = "";
    result.hidden = false;
    urlField.focus();
    urlField.select();
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(urlField.value);
      status.textContent = "Copied the link.";
    } catch {
      // No Clipboard API here (or no permission): the text is selected for Ctrl+C instead.
      urlField.focus();
      urlField.select();
      status.textContent = "The link is selected: press Ctrl+C (⌘+C on a Mac) to copy it.";
    }
  }

  details.addEventListener("toggle", refresh);
  // Another optimizer has other settings: the list follows the picker.
  document.addEventListener("change", (event) => {
    if (event.target.matches?.(".page select")) requestAnimationFrame(refresh);
  });
  document.getElementById("make-exercise-link").addEventListener("click", makeLink);
  document.getElementById("copy-exercise-link").addEventListener("click", copy);
  return { refresh };
}
