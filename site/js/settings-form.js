// The form of an optimizer's settings, built from the controls Python
// describes (name, label, range, default), so a new keyword argument in
// optimization.py gets its own input with no change here.
import { validate } from "./state.js";

const MAX_SEED = 2 ** 31 - 1;

/** Returns {build(controls, values), read()} for the settings container; ids start with idPrefix. */
export function createSettingsForm(container, { onChange, onNotice, idPrefix = "setting" }) {
  let fields = [];

  function build(controls, values) {
    fields = controls.map((control) => createField(control, values[control.name]));
    container.replaceChildren(...fields.map((field) => field.element));
    return current();
  }

  function createField(control, value) {
    const property = { ...control, kind: "number" };
    const id = `${idPrefix}-${control.name.replaceAll("_", "-")}`;
    const element = document.createElement("div");
    element.className = "field";
    const label = Object.assign(document.createElement("label"), { htmlFor: id, textContent: control.label });
    const input = Object.assign(document.createElement("input"), {
      id, type: "number", min: String(control.min), max: String(control.max),
      step: String(control.step), inputMode: control.integer ? "numeric" : "decimal",
    });
    const checked = validate(property, value ?? control.default);
    if (checked.notice) onNotice(checked.notice);
    input.value = String(checked.value);
    const error = Object.assign(document.createElement("p"), { className: "field-error", id: `${id}-error` });
    input.setAttribute("aria-describedby", error.id);
    if (control.name === "seed") {
      const row = Object.assign(document.createElement("div"), { className: "input-row" });
      row.append(input, newSeedButton(input));
      element.append(label, row, error);
    } else {
      element.append(label, input, error);
    }
    const field = {
      element, control,
      check() {
        const result = validate(property, input.value);
        const ok = !result.notice;
        input.setAttribute("aria-invalid", String(!ok));
        error.textContent = ok ? "" : `Enter a number from ${control.min} to ${control.max}.`;
        return ok ? result.value : null;
      },
    };
    input.addEventListener("input", () => {
      if (field.check() !== null) onChange(current());
    });
    return field;
  }

  function newSeedButton(input) {
    const button = Object.assign(document.createElement("button"), { type: "button", textContent: "New seed" });
    button.addEventListener("click", () => {
      input.value = String(Math.floor(Math.random() * MAX_SEED));
      input.dispatchEvent(new Event("input"));
    });
    return button;
  }

  function current() {
    return Object.fromEntries(fields.map((field) => [field.control.name, field.check() ?? field.control.default]));
  }

  /** The settings as numbers, or null (with messages shown) when any field is invalid. */
  function read() {
    const values = fields.map((field) => [field.control.name, field.check()]);
    return values.some(([, value]) => value === null) ? null : Object.fromEntries(values);
  }

  return { build, read };
}
