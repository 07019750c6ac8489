// An AI tool's form, generated from its manifest's typed inputs: an asset picker for images,
// a slider with a number field for bounded numbers, a checkbox, a select, text, and a seed with
// a "Random" button. Each control is named after its input, so `inputs.<name>` errors land beside it.
import { h } from "../core/dom.js";
import { assetPicker } from "./asset-picker.js";

const MAX_SEED = 2 ** 32 - 1;

const labelOf = (input) => input.title || input.name.replace(/[_-]+/g, " ").replace(/^./, (c) => c.toUpperCase());

/** A number with a slider beside it when the input has both bounds; the number field carries the name. */
function numberField(input, id) {
  const integer = input.type === "int";
  const step = input.step ?? (integer ? 1 : "any");
  const number = h("input", {
    type: "number", id, name: input.name, step, min: input.min, max: input.max, required: input.required,
    value: input.default ?? "", class: "tool-number", inputmode: integer ? "numeric" : "decimal",
  });
  if (input.min === undefined || input.max === undefined) return [number];
  const slider = h("input", {
    type: "range", min: input.min, max: input.max, value: input.default ?? input.min, "aria-label": `${labelOf(input)} slider`,
    step: input.step ?? (integer ? 1 : (input.max - input.min) / 100), tabindex: "-1", class: "tool-slider",
  });
  slider.addEventListener("input", () => { number.value = slider.value; });
  number.addEventListener("input", () => { if (number.value !== "") slider.value = number.value; });
  return [slider, number];
}

function seedField(input, id) {
  const number = h("input", {
    type: "number", id, name: input.name, step: 1, min: 0, max: MAX_SEED, value: input.default ?? "",
    placeholder: "random each run", class: "tool-number",
  });
  const random = h("button", { type: "button", class: "tool-seed-random", "aria-label": `Random ${labelOf(input).toLowerCase()}` }, "Random");
  random.addEventListener("click", () => {
    number.value = String(crypto.getRandomValues(new Uint32Array(1))[0]);
    number.dispatchEvent(new Event("input", { bubbles: true }));
  });
  return [number, random];
}

function textField(input, id) {
  const long = /prompt|negative|text/i.test(input.name);
  return [long
    ? h("textarea", { id, name: input.name, rows: 3, required: input.required }, input.default ?? "")
    : h("input", { type: "text", id, name: input.name, value: input.default ?? "", required: input.required })];
}

function control(input, id, pickers) {
  switch (input.type) {
    case "image": {
      const picker = assetPicker({ name: input.name, id, label: labelOf(input), required: input.required });
      pickers.set(input.name, picker);
      return [picker.element];
    }
    case "int": case "float": return numberField(input, id);
    case "seed": return seedField(input, id);
    case "bool": return [h("input", { type: "checkbox", id, name: input.name, checked: input.default === true })];
    case "enum": return [h("select", { id, name: input.name, required: input.required },
      (input.options ?? []).map((option) => h("option", { value: option, selected: option === input.default }, option)))];
    default: return textField(input, id);
  }
}

function field(input, pickers) {
  const id = `input-${input.name}`;
  const hintID = input.description ? `${id}-hint` : null;
  const controls = control(input, id, pickers);
  if (hintID) controls.at(-1).setAttribute("aria-describedby", hintID);
  const label = h("label", { for: id }, labelOf(input), input.required ? h("span", { class: "required", "aria-hidden": "true" }, " *") : null);
  const checkbox = input.type === "bool";
  return h("div", { class: `field tool-field tool-field-${input.type}`, dataset: { input: input.name } },
    checkbox ? h("div", { class: "row" }, controls, label) : [label, h("div", { class: "tool-control" }, controls)],
    hintID ? h("small", { id: hintID, class: "muted" }, input.description) : null);
}

/** The typed value of one control, or undefined when an optional one is left empty. */
function valueOf(input, form) {
  const element = form.elements.namedItem(input.name);
  if (!element) return undefined;
  if (input.type === "bool") return element.checked;
  const raw = element.value.trim();
  if (raw === "") return undefined;
  if (input.type === "int" || input.type === "seed") return Number.parseInt(raw, 10);
  if (input.type === "float") return Number(raw);
  return raw;
}

/**
 * Fills `form` with one field per input of `manifest`, then `extras` (e.g. the submit row).
 * @returns {{values: () => object, missing: () => object[], setValues: (values: object, hints?: object) => Promise<void>}}
 *   `hints` maps image input names to `{asset_id, version, asset_name}` so a prefilled picker can show its asset.
 */
export function toolForm(form, manifest, extras = []) {
  const pickers = new Map();
  const inputs = manifest.inputs ?? [];
  form.append(...inputs.map((input) => field(input, pickers)), ...extras);

  return {
    values() {
      const values = {};
      for (const input of inputs) {
        const value = valueOf(input, form);
        if (value !== undefined && !Number.isNaN(value)) values[input.name] = value;
      }
      return values;
    },
    /** Required inputs left empty, as field errors, before anything is sent. */
    missing() {
      return inputs.filter((input) => input.required && valueOf(input, form) === undefined)
        .map((input) => ({ field: `inputs.${input.name}`, message: input.type === "image" ? "choose an image" : "is required" }));
    },
    async setValues(values, hints = {}) {
      for (const input of inputs) {
        if (!(input.name in values)) continue;
        const value = values[input.name];
        if (input.type === "image") { await pickers.get(input.name)?.setVersion(String(value), hints[input.name]); continue; }
        const element = form.elements.namedItem(input.name);
        if (input.type === "bool") element.checked = value === true;
        else element.value = String(value);
        element.dispatchEvent(new Event("input", { bubbles: true }));
      }
    },
  };
}
