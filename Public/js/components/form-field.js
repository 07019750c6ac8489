// A labelled control in the `.field` layout every form shares.
import { h } from "../core/dom.js";

/**
 * `<div class="field"><label for=…>label</label><input …></div>`; `tag: "select"` with
 * `options` (option elements) makes a select instead.
 * @param {string} label
 * @param {{name: string, tag?: string, options?: HTMLOptionElement[], idPrefix?: string} & object} attributes
 */
export function formField(label, { tag = "input", options = [], idPrefix = "field", ...attributes }) {
  const id = `${idPrefix}-${attributes.name}`;
  const control = tag === "select" ? h("select", { id, ...attributes }, options) : h(tag, { id, ...attributes });
  return h("div", { class: "field" }, h("label", { for: id }, label), control);
}
