// Compare two versions: pick them, ask the server (GET …/diff), show the status change, the files
// added, removed and changed, and the metadata that differs. Those who may not read sources see
// how many files changed, never their paths.
import { h } from "../core/dom.js";
import { api } from "../core/api.js";
import { can } from "../core/session.js";
import { showError } from "../core/toast.js";
import { formatValue } from "./metadata-table.js";

function versionPicker(label) {
  return h("select", { "aria-label": label });
}

function filesPart(files) {
  const groups = [
    ["added", files.added ?? []],
    ["removed", files.removed ?? []],
    ["changed", (files.changed ?? []).map((change) => change.path)],
  ];
  const total = groups.reduce((sum, [, paths]) => sum + paths.length, 0);
  if (!total) return h("p", { class: "muted" }, `Same files (${(files.unchanged ?? []).length}).`);
  if (!can("read_source")) {
    return h("p", {}, groups.filter(([, paths]) => paths.length).map(([kind, paths]) => `${paths.length} ${kind}`).join(" · ")
      + ` (${(files.unchanged ?? []).length} unchanged)`);
  }
  return h("ul", { class: "diff-list", "aria-label": "Files" },
    groups.flatMap(([kind, paths]) => paths.map((path) => h("li", { dataset: { change: kind } },
      h("span", { class: "diff-mark", "aria-label": kind }, { added: "+", removed: "−", changed: "~" }[kind]),
      h("span", { class: "mono" }, path)))),
    (files.unchanged ?? []).length ? h("li", { class: "muted" }, `${files.unchanged.length} unchanged`) : null);
}

function metadataPart(metadata) {
  const rows = [
    ...Object.entries(metadata.added ?? {}).map(([key, value]) => ["added", key, "", formatValue(value)]),
    ...Object.entries(metadata.removed ?? {}).map(([key, value]) => ["removed", key, formatValue(value), ""]),
    ...Object.entries(metadata.changed ?? {}).map(([key, change]) => ["changed", key, formatValue(change.from), formatValue(change.to)]),
  ].sort((a, b) => a[1].localeCompare(b[1]));
  if (!rows.length) return h("p", { class: "muted" }, "Same metadata.");
  return h("table", { class: "data diff-table" },
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Key"), h("th", { scope: "col" }, "Before"), h("th", { scope: "col" }, "After"))),
    h("tbody", {}, rows.map(([kind, key, before, after]) => h("tr", { dataset: { change: kind } },
      h("th", { scope: "row" }, key), h("td", { class: "diff-before" }, before), h("td", { class: "diff-after" }, after)))));
}

/**
 * Fills `container` with the pickers, the Compare button and the `#diff` result region.
 * `setVersions(numbers)` (newest first) refreshes the pickers: the newest two, or the user's pick.
 */
export function createVersionDiff(container, { assetID }) {
  const from = versionPicker("Compare from version");
  const to = versionPicker("Compare to version");
  const result = h("div", { id: "diff", class: "version-diff", "aria-live": "polite" });
  const button = h("button", { type: "button", dataset: { action: "diff" } }, "Compare");
  container.append(h("div", { class: "diff-controls row" }, h("span", { class: "muted" }, "Compare"), from, h("span", {}, "→"), to, button), result);

  async function compare() {
    result.setAttribute("aria-busy", "true");
    try {
      const diff = await api.get(`/api/v1/assets/${assetID}/diff`, { query: { from: from.value, to: to.value } });
      result.replaceChildren(h("div", { class: "diff-body" },
        h("h3", {}, `v${diff.from} → v${diff.to}`),
        diff.status ? h("p", {}, "Status ", h("span", { class: "badge", dataset: { state: diff.status.from } }, diff.status.from), " → ",
          h("span", { class: "badge", dataset: { state: diff.status.to } }, diff.status.to)) : null,
        h("h4", {}, "Files"), filesPart(diff.files),
        h("h4", {}, "Metadata"), metadataPart(diff.metadata)));
    } catch (error) {
      showError(error);
    } finally {
      result.removeAttribute("aria-busy");
    }
  }
  button.addEventListener("click", compare);

  // Until the user picks, the pair follows the newest two versions as they are added.
  let picked = false;
  for (const select of [from, to]) select.addEventListener("change", () => { picked = true; });

  return {
    setVersions(numbers) {
      const fill = (select, fallback) => {
        const keep = picked && numbers.includes(Number(select.value)) ? Number(select.value) : fallback;
        select.replaceChildren(...numbers.map((n) => h("option", { value: n, selected: n === keep }, `v${n}`)));
      };
      fill(to, numbers[0]);
      fill(from, numbers[1] ?? numbers[0]);
      button.disabled = numbers.length < 2;
    },
  };
}
