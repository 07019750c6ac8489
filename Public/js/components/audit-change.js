// What an audit entry changed: each field with its value before and after. A creation has only
// "after", a removal only "before"; an update lists just the fields that changed.
import { h } from "../core/dom.js";

const LONG = 120;
// Creations and removals list every field; past this many they fold away behind a summary line.
const FOLD = 4;

function show(value) {
  if (value === undefined) return h("span", { class: "muted" }, "—");
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return h("span", { class: "audit-value", title: text.length > LONG ? text : null }, text.length > LONG ? `${text.slice(0, LONG)}…` : text);
}

/**
 * @param {{before?: object, after?: object}} summary an AuditEntry's `summary`
 * @returns {HTMLElement} a small table of field, before, after
 */
export function auditChange(summary = {}) {
  const before = summary.before ?? {};
  const after = summary.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  if (!fields.length) return h("span", { class: "muted" }, "no field changes");
  const table = changeTable(fields, before, after, summary);
  if (fields.length <= FOLD || (summary.before && summary.after)) return table;
  const what = summary.before ? "removed" : "set";
  return h("details", { class: "audit-fold" }, h("summary", {}, `${fields.length} fields ${what}: ${fields.slice(0, FOLD).join(", ")}…`), table);
}

function changeTable(fields, before, after, summary) {
  const onlyAfter = !summary.before, onlyBefore = !summary.after;
  const heads = [onlyAfter ? null : (onlyBefore ? "removed" : "before"), onlyBefore ? null : (onlyAfter ? "set" : "after")];
  return h("table", { class: "audit-change" },
    h("thead", {}, h("tr", {}, h("td", {}), heads.filter(Boolean).map((title) => h("th", { scope: "col" }, title)))),
    fields.map((name) => h("tr", {},
      h("th", { scope: "row" }, name),
      onlyAfter ? null : h("td", { class: "audit-before" }, show(before[name])),
      onlyBefore ? null : h("td", { class: "audit-after" }, show(after[name])))));
}
