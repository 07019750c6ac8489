// The filters in force, each a chip that removes it, and one button that removes them all.
import { h } from "../core/dom.js";

/**
 * Shows `chips` ([{facet, value, label}]) in `element`; hidden when there are none.
 * @param {HTMLElement} element
 * @param {Array<{facet: string, value: string, label: string}>} chips
 * @param {{onRemove: (facet: string, value: string) => void, onClear: () => void}} handlers
 */
export function renderFilterChips(element, chips, { onRemove, onClear }) {
  element.hidden = !chips.length;
  const buttons = chips.map(({ facet, value, label }) =>
    h("button", { type: "button", class: "filter-chip", "aria-label": `Remove filter ${label}`, onclick: () => onRemove(facet, value) },
      h("span", {}, label), h("span", { class: "filter-chip-x", "aria-hidden": "true" }, "×")));
  if (chips.length > 1) buttons.push(h("button", { type: "button", class: "link", onclick: onClear }, "Clear all"));
  element.replaceChildren(...buttons);
}
