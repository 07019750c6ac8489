// /jobs: the jobs the user may see, newest first, live: progress moves, states change and new
// jobs appear through the `jobs` events topic. Filters by state and kind live in the URL.
import "../core/shell.js";
import { api } from "../core/api.js";
import { h, clear, $ } from "../core/dom.js";
import { events } from "../core/events.js";
import { showError } from "../core/toast.js";
import { jobRow } from "../components/job-row.js";

const region = $("#jobs");
const STATES = ["queued", "running", "succeeded", "failed", "cancelled"];
const KINDS = ["ai.run", "version.inspect", "version.preview", "version.export"];
const PAGE = 50;

const rows = new Map(); // job id → row
let cursor = null;
let generation = 0;

const filters = () => Object.fromEntries(new URLSearchParams(location.search));

function select(name, label, values, chosen) {
  return h("label", { class: "row" }, label,
    h("select", { name, "aria-label": label },
      h("option", { value: "" }, "all"),
      values.map((value) => h("option", { value, selected: value === chosen }, value))));
}

function filterBar() {
  const { status, kind } = filters();
  const kinds = kind && !KINDS.includes(kind) ? [...KINDS, kind] : KINDS;
  const form = h("form", { class: "row job-filters", role: "search", "aria-label": "Filter jobs" },
    select("status", "State", STATES, status), select("kind", "Kind", kinds, kind));
  form.addEventListener("change", () => {
    const query = new URLSearchParams([...new FormData(form)].filter(([, value]) => value));
    history.replaceState(null, "", `${location.pathname}${query.size ? `?${query}` : ""}`);
    reload();
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  return form;
}

const body = h("tbody");
const more = h("button", { type: "button", hidden: true, onclick: () => loadPage() }, "Load more");
const empty = h("p", { class: "muted", hidden: true }, "No jobs match.");

function table() {
  return h("table", { class: "data jobs-table" },
    h("thead", {}, h("tr", {}, ["Kind", "State", "Progress", "Tries", "Created", ""].map((title) => h("th", { scope: "col" }, title)))),
    body);
}

function matches(job) {
  const { status, kind } = filters();
  return (!status || status.split(",").includes(job.status)) && (!kind || kind.split(",").includes(job.kind));
}

async function loadPage() {
  const mine = generation;
  more.disabled = true;
  try {
    const { status, kind } = filters();
    const page = await api.get("/api/v1/jobs", { query: { status, kind, limit: PAGE, cursor } });
    if (mine !== generation) return;
    for (const job of page.items) {
      if (rows.has(job.id)) continue;
      const row = jobRow(job);
      rows.set(job.id, row);
      body.append(row);
    }
    cursor = page.next_cursor;
    more.hidden = !cursor;
    empty.hidden = rows.size > 0;
  } catch (error) {
    showError(error);
  } finally {
    more.disabled = false;
  }
}

function reload() {
  generation += 1;
  rows.clear();
  clear(body);
  cursor = null;
  loadPage();
}

/** Known rows follow every change; a job not listed yet appears on top when it matches the filters. */
function onEvent(event) {
  const job = event.data;
  if (!job?.id) return;
  const row = rows.get(job.id);
  if (row) { row.update(job); return; }
  if (event.type === "job.progress" || !matches(job)) return;
  const fresh = jobRow(job);
  rows.set(job.id, fresh);
  body.prepend(fresh);
  empty.hidden = true;
}

clear(region).append(filterBar(), table(), empty, h("div", { class: "row jobs-more" }, more));
events.subscribe(["jobs"], onEvent);
loadPage();
