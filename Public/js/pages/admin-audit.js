// /admin/audit: the audit log, newest first, filtered by actor, operation, object and time,
// paged by cursor ("Older entries"). The filters are the URL's query, so a view can be shared.
import "../core/shell.js";
import { api } from "../core/api.js";
import { h, clear, $, formatDate } from "../core/dom.js";
import { showError, problemText } from "../core/toast.js";
import { auditChange } from "../components/audit-change.js";
import { formField } from "../components/form-field.js";

const region = $("#audit");
const FILTERS = ["actor", "action", "object_kind", "object_id", "after", "before"];
const KINDS = ["asset", "project", "user", "api_key", "job", "ai_run", "ai_tool", "comfyui_server", "secret", "member"];
const PAGE = 50;
const body = h("tbody");
const more = h("button", { type: "button", hidden: true }, "Older entries");
const summary = h("p", { class: "muted", role: "status" });
let cursor = null;
let shown = 0;

const query = () => Object.fromEntries([...new URLSearchParams(location.search)].filter(([name, value]) => FILTERS.includes(name) && value));

// datetime-local speaks local time without a zone; the API wants ISO 8601 with one.
const toISO = (local) => (local ? new Date(local).toISOString() : "");
function toLocal(iso) {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return "";
  return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

const filterField = (label, name, attributes = {}) => formField(label, { idPrefix: "audit", name, ...attributes });

function filterForm() {
  const current = query();
  const form = h("form", { class: "audit-filters row", role: "search", "aria-label": "Filter the audit log" },
    filterField("Actor", "actor", { type: "text", value: current.actor ?? "", placeholder: "username, account or key id" }),
    filterField("Operation", "action", { type: "text", value: current.action ?? "", placeholder: "e.g. updateAsset" }),
    filterField("Object kind", "object_kind", { type: "text", value: current.object_kind ?? "", list: "audit-kinds" }),
    filterField("Object id", "object_id", { type: "text", value: current.object_id ?? "", class: "mono" }),
    filterField("From", "after", { type: "datetime-local", value: toLocal(current.after) }),
    filterField("Until", "before", { type: "datetime-local", value: toLocal(current.before) }),
    h("datalist", { id: "audit-kinds" }, KINDS.map((kind) => h("option", { value: kind }))),
    h("div", { class: "row audit-filter-buttons" },
      h("button", { type: "submit", class: "primary" }, "Filter"),
      h("button", { type: "button", onclick: () => navigate({}) }, "Clear")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form));
    navigate({ ...values, after: toISO(values.after), before: toISO(values.before) });
  });
  return form;
}

/** Applies filters: the URL first (shareable, back button), then the list. */
function navigate(filters) {
  const params = new URLSearchParams(Object.entries(filters).filter(([name, value]) => FILTERS.includes(name) && String(value).trim()));
  history.pushState(null, "", `${location.pathname}${params.size ? `?${params}` : ""}`);
  render();
}

function filterLink(text, filters, title) {
  return h("a", { href: `?${new URLSearchParams(filters)}`, title, onclick: (event) => { event.preventDefault(); navigate({ ...query(), ...filters }); } }, text);
}

function objectCell(entry) {
  if (!entry.object_id) return h("span", { class: "muted" }, entry.object_kind ?? "—");
  const pages = { asset: `/assets/${entry.object_id}`, project: `/projects/${entry.object_id}` };
  return h("div", {},
    h("span", { class: "muted" }, `${entry.object_kind ?? "object"} `),
    filterLink(h("code", {}, entry.object_id.length > 12 ? `…${entry.object_id.slice(-12)}` : entry.object_id),
      { object_id: entry.object_id }, `Only entries about ${entry.object_id}`),
    pages[entry.object_kind] ? [" ", h("a", { href: pages[entry.object_kind] }, "open")] : null);
}

function entryRow(entry) {
  const actor = entry.actor ?? {};
  return h("tr", { dataset: { auditId: entry.id } },
    h("td", { class: "audit-at" }, formatDate(entry.at)),
    h("td", {}, filterLink(actor.name, { actor: actor.user_id ?? actor.name }, `Only entries by ${actor.name}`),
      actor.api_key_id ? h("div", { class: "muted" }, "with an API key") : null),
    h("td", {}, filterLink(h("code", {}, entry.action), { action: entry.action }, `Only ${entry.action}`)),
    h("td", {}, objectCell(entry)),
    h("td", { class: "audit-summary" }, auditChange(entry.summary)),
    h("td", { class: "muted audit-origin" }, entry.client_address ?? "", entry.request_id ? h("div", { class: "mono" }, entry.request_id) : null));
}

async function loadPage() {
  more.disabled = true;
  try {
    const page = await api.get("/api/v1/audit", { query: { ...query(), limit: PAGE, cursor: cursor ?? undefined } });
    body.append(...page.items.map(entryRow));
    shown += page.items.length;
    cursor = page.next_cursor;
    more.hidden = !cursor;
    summary.textContent = shown ? `${shown} entr${shown === 1 ? "y" : "ies"}${cursor ? ", more below" : ""}` : "No entries match.";
  } catch (error) {
    showError(error);
    summary.textContent = problemText(error);
  } finally {
    more.disabled = false;
  }
}

function render() {
  cursor = null;
  shown = 0;
  clear(body);
  clear(region).append(h("h1", {}, "Audit log"), filterForm(), summary,
    h("table", { class: "data audit-table" },
      h("thead", {}, h("tr", {}, ["When", "Who", "Operation", "Object", "Change", "From"].map((t) => h("th", { scope: "col" }, t)))),
      body),
    h("div", { class: "row" }, more));
  loadPage();
}

more.addEventListener("click", loadPage);
window.addEventListener("popstate", render);
render();
