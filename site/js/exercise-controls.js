// The controls of a page that a teacher's exercise link may lock or hide, found in the page
// itself (so a setting an optimizer gains is one too). Each has its name in the link, its
// visible label, the form controls that locking disables and the elements that hiding hides.
// The Run button, the replay, the speed and the downloads are never among them.
const CANDIDATES = [".panel.controls select", ".panel.tools select", ".panel.controls .field", "fieldset.race-choices",
  ".panel.tools button[id]", ".map-panel button[id]", ".editor-panel"].join(", ");
const NEVER = /(run-button|replay-slider|play-button|speed-select|export-[a-z]+|python-retry)$/;

const textOf = (element) => (element?.textContent ?? "").replace(/\s+/g, " ").trim();
// "descent-setting-learning-rate" → "learning_rate", "start-a-input" → "start_a".
const nameFrom = (id) => id.replace(/^descent-/, "").replace(/^setting-/, "").replace(/-(select|input|button)$/, "")
  .replaceAll("-", "_");

function describe(element, section) {
  const labelOf = (id) => textOf(section.querySelector(`label[for="${CSS.escape(id)}"]`));
  if (element.matches("select")) {
    const base = element.id.replace(/-select$/, "");
    const parts = [section.querySelector(`label[for="${CSS.escape(element.id)}"]`), element,
      document.getElementById(`${base}-doc`)].filter(Boolean);
    return { name: nameFrom(element.id), label: labelOf(element.id), controls: [element], parts,
      placeNote: (note) => parts.at(-1).after(note) };
  }
  if (element.matches(".field")) {
    const input = element.querySelector("input");
    return { name: nameFrom(input.id), label: labelOf(input.id), controls: [...element.querySelectorAll("input, button")],
      parts: [element], placeNote: (note) => element.append(note) };
  }
  if (element.matches("fieldset")) {
    return { name: "race", label: textOf(element.querySelector("legend")), controls: [element], parts: [element],
      placeNote: (note) => element.append(note) };
  }
  if (element.matches(".editor-panel")) {
    const title = element.querySelector("h2");
    return { name: nameFrom(title.id.replace(/-title$/, "")), label: textOf(title),
      controls: [...element.querySelectorAll(".editor-actions button")], parts: [element],
      placeNote: (note) => title.after(note) };
  }
  return { name: nameFrom(element.id), label: textOf(element), controls: [element], parts: [element],
    placeNote: (note) => element.after(note) };
}

/** The page's controls in the order they appear: [{name, label, controls, parts, placeNote(note)}]. */
export function controlsOf(section) {
  const found = new Map();
  for (const element of section.querySelectorAll(CANDIDATES)) {
    if (element.id && NEVER.test(element.id)) continue;
    const control = describe(element, section);
    if (control.name && control.label && !found.has(control.name)) found.set(control.name, control);
  }
  return [...found.values()];
}
