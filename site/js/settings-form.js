// A form of number fields built from controls (name, label, range, step, default):
// an optimizer's settings as Python describes them, so a new keyword argument in
// optimization.py gets its own input with no change here, and a starting point.
import { validate } from "./state.js";

const MAX_SEED = 2 ** 31 - 1;

/**
 * Returns {build(controls, values, {keepTyped}), read(), peek()} for the fields in `container`.
 * A field's id is control.id, or idPrefix and its name. onChange(values) follows every edit,
 * with null while a field is invalid; onNotice(text) reports a value that was replaced.
 */
export function createSettingsForm(container, { onChange, onNotice, idPrefix = "setting" }) {
  let fields = [];

  /**
   * Shows one field per control, holding values[name] (checked) or its default. With keepTyped
   * a field whose control is still there stays as it is, with what the learner typed into it.
   */
  function build(controls, values, { keepTyped = false } = {}) {
    const kept = new Map(keepTyped ? fields.map((field) => [field.control.name, field]) : []);
    fields = controls.map((control) => {
      const field = kept.get(control.name) ?? createField(control);
      field.setControl(control);
      if (!kept.has(control.name)) field.setValue(values[control.name]);
      return field;
    });
    const elements = fields.map((field) => field.element);
    // Re-inserting the same elements would take the focus from the one being typed in.
    if (elements.length !== container.children.length || elements.some((element, i) => container.children[i] !== element)) {
      container.replaceChildren(...elements);
    }
    return Object.fromEntries(fields.map((field) => [field.control.name, field.check() ?? values[field.control.name]
      ?? field.control.default]));
  }

  function createField(initial) {
    const id = initial.id ?? `${idPrefix}-${initial.name.replaceAll("_", "-")}`;
    let control = initial;
    const element = Object.assign(document.createElement("div"), { className: "field" });
    const label = Object.assign(document.createElement("label"), { htmlFor: id });
    const input = Object.assign(document.createElement("input"), { id, type: "number" });
    const error = Object.assign(document.createElement("p"), { className: "field-error", id: `${id}-error` });
    input.setAttribute("aria-describedby", error.id);
    if (control.name === "seed") {
      const row = Object.assign(document.createElement("div"), { className: "input-row" });
      row.append(input, newSeedButton(input));
      element.append(label, row, error);
    } else {
      element.append(label, input, error);
    }
    const property = () => ({ ...control, kind: "number" });
    const field = {
      element,
      get control() {
        return control;
      },
      setControl(next) {
        control = next;
        label.textContent = control.label;
        Object.assign(input, { min: String(control.min), max: String(control.max), step: String(control.step),
          inputMode: control.integer ? "numeric" : "decimal" });
      },
      setValue(value) {
        const checked = validate(property(), value ?? control.default);
        if (checked.notice) onNotice(checked.notice);
        input.value = String(checked.value);
      },
      /** The field's number, or null with the field marked when it is not one in range. */
      check({ quiet = false } = {}) {
        const result = validate(property(), input.value);
        const ok = !result.notice;
        if (!quiet) {
          input.setAttribute("aria-invalid", String(!ok));
          error.textContent = ok ? "" : `Enter a number from ${control.min} to ${control.max}.`;
        }
        return ok ? result.value : null;
      },
    };
    input.addEventListener("input", () => {
      field.check();
      onChange(peek());
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

  function collect(quiet) {
    const values = fields.map((field) => [field.control.name, field.check({ quiet })]);
    return values.some(([, value]) => value === null) ? null : Object.fromEntries(values);
  }

  /** The values as numbers, or null (with the invalid fields marked) when any field is invalid. */
  const read = () => collect(false);
  /** The same as read(), without marking anything. */
  const peek = () => collect(true);

  return { build, read, peek };
}
