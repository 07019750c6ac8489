// A version's metadata as rows an artist reads: nested objects flattened to "parts › data window",
// EXR attributes shown by value, windows as corners and size, lists of named things one per row;
// and the validation issues the inspection found, with their codes.
import { h } from "../core/dom.js";
import { longestSequence } from "./image-sequence.js";

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const isScalar = (value) => value === null || typeof value !== "object";
const humanize = (key) => String(key).replace(/_/g, " ");

/** One value as text: scalars as they are, booleans as yes/no, lists of scalars joined. */
export function formatValue(value) {
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value) && value.every(isScalar)) return value.map(formatValue).join(", ");
  if (isObject(value) && isWindow(value)) {
    return `(${value.x_min}, ${value.y_min}) – (${value.x_max}, ${value.y_max}) · ${value.width} × ${value.height}`;
  }
  if (isObject(value) && Object.values(value).every(isScalar)) {
    return Object.entries(value).map(([key, item]) => `${humanize(key)} ${formatValue(item)}`).join(" · ");
  }
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

const isWindow = (value) => ["x_min", "y_min", "x_max", "y_max"].every((key) => key in value);
/** An EXR attribute as stored: {type, value} (or {type, size} when opaque). */
const isAttribute = (value) => isObject(value) && "type" in value && ("value" in value || "size" in value)
  && Object.keys(value).length === 2;

/**
 * Flattens metadata into [label, text, hint] rows.
 * @param {object} object
 * @param {string[]} path labels so far
 */
export function flatten(object, path = []) {
  const rows = [];
  for (const [key, value] of Object.entries(object ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    const here = [...path, humanize(key)];
    if (isAttribute(value)) rows.push([here, "value" in value ? formatValue(value.value) : `(${value.size} bytes)`, value.type]);
    else if (isObject(value) && !isWindow(value)) rows.push(...flatten(value, here));
    else if (Array.isArray(value) && value.length && value.every(isObject)) rows.push(...flattenList(value, here));
    else rows.push([here, formatValue(value)]);
  }
  return rows;
}

/** A list of objects: one item alone is flattened in place; named items become one row each. */
function flattenList(items, path) {
  if (items.length === 1) return flatten(items[0], path);
  return items.flatMap((item, index) => {
    const name = typeof item.name === "string" && item.name ? item.name : String(index + 1);
    const rest = Object.fromEntries(Object.entries(item).filter(([key]) => key !== "name"));
    return Object.values(rest).every(isScalar) ? [[[...path, name], formatValue(rest)]] : flatten(rest, [...path, name]);
  });
}

function rowsTable(rows, caption) {
  return h("table", { class: "data metadata-table" },
    h("caption", {}, caption),
    h("tbody", {}, rows.map(([label, text, hint]) => h("tr", {},
      h("th", { scope: "row" }, label.join(" › ")),
      h("td", {}, text, hint ? h("span", { class: "muted metadata-type" }, ` ${hint}`) : null)))));
}

function issuesList(issues) {
  if (!issues.length) return null;
  return h("ul", { class: "issue-list", "aria-label": "Validation issues" }, issues.map((issue) => h("li", {
    class: "issue", dataset: { severity: issue.severity },
  }, h("span", { class: "badge", dataset: { state: issue.severity === "error" ? "failed" : "pending" } }, issue.severity),
  h("code", { class: "issue-code" }, issue.code), h("span", {}, issue.message),
  issue.file ? h("span", { class: "muted issue-file" }, issue.file) : null)));
}

/**
 * The files worth a choice: each single file, and one entry per sequence standing for all its
 * frames (their headers are alike; the first frame is shown).
 */
function fileChoices(files) {
  const sequence = longestSequence(files.map((file) => file.file_name));
  const frames = new Set(sequence ? sequence.frames.map((frame) => sequence.fileOf(frame)) : []);
  const choices = files.filter((file) => !frames.has(file.file_name)).map((file) => ({ label: file.file_name, file }));
  if (sequence) {
    const first = files.find((file) => file.file_name === sequence.fileOf(sequence.first));
    choices.unshift({ label: `${sequence.pattern} (${sequence.first}–${sequence.last})`, file: first });
  }
  return choices;
}

function inspectionIssues(inspection) {
  return [
    ...(inspection.sequences ?? []).flatMap((sequence) => (sequence.issues ?? []).map((issue) => ({ ...issue, file: sequence.pattern }))),
    ...(inspection.files ?? []).flatMap((file) => (file.issues ?? []).map((issue) => ({ ...issue, file: file.file_name }))),
  ].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
}

/**
 * Fills `section`. `show({metadata, inspection})`: the version's own metadata (everyone may see
 * it) and, for those who may read sources, what the inspection read from the files.
 */
export function createMetadataTable(section) {
  const body = h("div", { class: "metadata-body" });
  section.replaceChildren(h("h2", {}, "Metadata"), body);

  function fileReport(choice) {
    const { file } = choice;
    const head = [[["format"], file.format ?? "unknown"], [["size"], `${file.file_size} bytes`]];
    return rowsTable([...head, ...flatten(file.metadata)], choice.label);
  }

  return {
    show({ metadata = {}, inspection = null }) {
      const parts = [];
      const own = flatten(metadata);
      parts.push(own.length ? rowsTable(own, "Version metadata") : h("p", { class: "muted" }, "No metadata was given with this version."));
      if (inspection?.status === "pending") parts.push(h("p", { class: "muted" }, "The files are being inspected…"));
      if (inspection?.status === "done") {
        parts.push(issuesList(inspectionIssues(inspection)));
        const choices = fileChoices(inspection.files ?? []);
        const slot = h("div", { class: "metadata-file" });
        if (choices.length > 1) {
          const picker = h("select", { "aria-label": "File to show" },
            choices.map((choice, index) => h("option", { value: index }, choice.label)));
          picker.addEventListener("change", () => slot.replaceChildren(fileReport(choices[Number(picker.value)])));
          parts.push(h("label", { class: "row metadata-picker" }, "File ", picker));
        }
        if (choices.length) slot.append(fileReport(choices[0]));
        parts.push(slot);
      }
      body.replaceChildren(...parts.filter(Boolean));
    },
  };
}
