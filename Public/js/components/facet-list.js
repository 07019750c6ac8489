// Facet filters with their counts: one group per facet, one toggle button per value
// (aria-pressed). Long groups show their first values and a button for the rest. Values that
// are selected stay listed even when their count drops to zero, so they can be turned off.
import { h } from "../core/dom.js";

const SHOWN = 8;

export class FacetList {
  /**
   * @param {HTMLElement} element the container (the page's `#facets` aside)
   * @param {object} options
   * @param {(facet: string, value: string) => void} options.onToggle a value was clicked
   * @param {(facet: string, value: string) => string} [options.label] how a value reads
   */
  constructor(element, { onToggle, label = (_, value) => value }) {
    Object.assign(this, { element, onToggle, label });
    this.expanded = new Set();
    element.addEventListener("click", (event) => this.click(event));
  }

  /**
   * Shows `groups`: [{facet, title, values: [{value, count}]}], `selected`: facet → Set of values.
   * Keeps keyboard focus on the button it was on.
   */
  render(groups, selected) {
    this.last = [groups, selected];
    const focused = document.activeElement?.closest?.("[data-facet]");
    const focus = focused && this.element.contains(focused) ? [focused.dataset.facet, focused.dataset.value ?? null] : null;
    // A facet with nothing to choose (an empty library) is left out rather than listed as empty.
    const shown = groups.filter((group) => group.values.length || selected.get(group.facet)?.size);
    this.element.replaceChildren(...shown.map((group) => this.group(group, selected.get(group.facet) ?? new Set())));
    if (focus) {
      const [facet, value] = focus;
      const again = [...this.element.querySelectorAll("[data-facet]")]
        .find((button) => button.dataset.facet === facet && (button.dataset.value ?? null) === value);
      again?.focus();
    }
  }

  group({ facet, title, values }, chosen) {
    const listed = [...values];
    for (const value of chosen) if (!listed.some((v) => v.value === value)) listed.push({ value, count: 0 });
    const open = this.expanded.has(facet);
    // Selected values are always shown, even beyond the cut.
    const shown = open ? listed : listed.filter((v, i) => i < SHOWN || chosen.has(v.value));
    const id = `facet-${facet}`;
    return h("section", { class: "facet", "aria-labelledby": id },
      h("h2", { id }, title),
      h("ul", { class: "facet-values" }, shown.map((v) => h("li", {}, this.valueButton(facet, v, chosen.has(v.value))))),
      listed.length > SHOWN
        ? h("button", { type: "button", class: "link facet-more", "aria-expanded": String(open), dataset: { facet, more: "" } },
          open ? "Show fewer" : `Show all ${listed.length}`)
        : null);
  }

  valueButton(facet, { value, count }, pressed) {
    const label = this.label(facet, value);
    return h("button", { type: "button", class: "facet-value", "aria-pressed": String(pressed), dataset: { facet, value }, title: label },
      h("span", { class: "facet-label" }, label),
      h("span", { class: "facet-count" }, count.toLocaleString()));
  }

  click(event) {
    const button = event.target.closest("button[data-facet]");
    if (!button) return;
    const { facet, value } = button.dataset;
    if ("more" in button.dataset) {
      if (this.expanded.has(facet)) this.expanded.delete(facet); else this.expanded.add(facet);
      this.render(...this.last);
      return;
    }
    this.onToggle(facet, value);
  }
}
