// /ai-tools/{name}: the tool's form, generated from its input schema, and its runs with live
// progress and results. `?rerun=<run id>` fills the form with that run's inputs.
import "../core/shell.js";
import { api } from "../core/api.js";
import { h, clear, $ } from "../core/dom.js";
import { events } from "../core/events.js";
import { can } from "../core/session.js";
import { showError, toast } from "../core/toast.js";
import { toolForm } from "../components/tool-form.js";
import { toolEstimate, versionPixels } from "../components/tool-estimate.js";
import { runRow } from "../components/run-row.js";
import { problemForm, FormProblem } from "../components/problem-form.js";

const article = $("article.ai-tool");
const name = article.dataset.toolName;
const header = $("#tool-header");
const form = $("#tool-form");
const runsRegion = $("#tool-runs");
const runList = h("ol", { class: "run-list", "aria-label": "Runs" });
const rows = new Map(); // run id → row
// Runs are found through the ai.run jobs the caller may see; this many of the newest are read.
const JOBS_SCANNED = 30;

function renderHeader(tool) {
  const parts = [
    h("nav", { class: "muted crumbs" }, h("a", { href: "/ai-tools" }, "AI tools"), ` / ${tool.category}`),
    h("div", { class: "row" }, h("h1", {}, tool.title), h("span", { class: "badge" }, `v${tool.current_version}`),
      tool.source === "builtin" ? h("span", { class: "tag" }, "built-in") : null),
    tool.description ? h("p", { class: "tool-description" }, tool.description) : null,
    toolEstimate(tool.estimate)];
  clear(header).append(...parts.filter(Boolean));
}

/**
 * Once every image input is chosen, the estimate is asked again for their total size (the
 * median of past runs of that size class); until then, or when a size is unknown, the overall one stays.
 */
function followImageSize(tool) {
  let asked = 0; // a later choice wins over an earlier answer still on its way
  form.addEventListener("change", async (event) => {
    if (event.target.dataset?.kind !== "image") return;
    const ask = ++asked;
    const images = [...form.querySelectorAll("input[data-kind=image]")];
    let estimate = tool.estimate;
    let pixels = null;
    try {
      if (images.every((input) => input.dataset.assetId)) {
        const sizes = await Promise.all(images.map((input) => versionPixels(input.dataset.assetId, input.dataset.number)));
        if (!sizes.includes(null)) {
          pixels = sizes.reduce((a, b) => a + b, 0);
          estimate = (await api.get(`/api/v1/ai-tools/${encodeURIComponent(name)}`, { query: { input_pixels: pixels } })).estimate;
        }
      }
    } catch {
      pixels = null; // the size is a nicety: the overall estimate stays
    }
    if (ask === asked) header.querySelector(".tool-estimate")?.replaceWith(toolEstimate(estimate, pixels));
  });
}

function submitRow() {
  if (!can("run_ai_tools")) return [h("p", { class: "muted" }, "Your role can look at this tool but not run it.")];
  return [h("div", { class: "row tool-submit-row" },
    h("button", { type: "submit", id: "tool-submit", class: "primary" }, "Run"),
    h("label", { class: "row" }, h("input", { type: "checkbox", id: "tool-fresh" }), "Run again even if a cached result exists"))];
}

/** Adds a run at the top (or updates it when it is already listed). */
function addRun(run, { top = true } = {}) {
  const known = rows.get(run.id);
  if (known) { known.update(run); return known; }
  const row = runRow(run, { onRerun: (again) => { addRun(again).scrollIntoView({ block: "nearest" }); } });
  rows.set(run.id, row);
  if (top) runList.prepend(row); else runList.append(row);
  $("#tool-runs-empty")?.remove();
  return row;
}

async function statusOf(runID) {
  try { return await api.get(`/api/v1/ai-jobs/${runID}/status`); } catch { return null; }
}

/** The newest runs of this tool among the ai.run jobs the caller may see (oldest first in, so newest end on top). */
async function loadRuns() {
  const page = await api.get("/api/v1/jobs", { query: { kind: "ai.run", limit: JOBS_SCANNED } });
  const runs = await Promise.all(page.items.map((job) => statusOf(job.id)));
  for (const run of runs.filter((r) => r?.tool === name)) addRun(run, { top: false });
  if (!rows.size) runList.before(h("p", { class: "muted", id: "tool-runs-empty" }, "No runs yet."));
}

/** Runs of this tool started elsewhere (another tab, a script) appear as they are queued. */
function followNewRuns() {
  events.subscribe(["jobs"], async (event) => {
    if (event.type !== "job.queued" || event.data?.kind !== "ai.run" || rows.has(event.data.id)) return;
    const run = await statusOf(event.data.id);
    if (run?.tool === name) addRun(run);
  });
}

/** Which asset each image input's version belongs to, read from a result's `ai_input` dependencies. */
async function imageHints(run) {
  const result = run.results?.[0];
  if (!result) return {};
  try {
    const edges = await api.get(`/api/v1/assets/${result.asset_id}/versions/1/dependencies`);
    const hints = {};
    for (const edge of edges.items.filter((e) => e.kind === "ai_input" && e.target)) hints[edge.reference.split("#")[1]] = edge.target;
    return hints;
  } catch {
    return {};
  }
}

async function prefill(controller, runID) {
  try {
    const run = await api.get(`/api/v1/ai-jobs/${runID}/status`);
    if (run.tool !== name) { toast(`Run ${runID.slice(-8)} is a run of ${run.tool}, not of this tool.`, { kind: "error" }); return; }
    await controller.setValues(run.inputs, await imageHints(run));
    for (const row of rows.values()) delete row.dataset.rerunSource;
    addRun(run).dataset.rerunSource = "true";
    toast(`Form filled from run …${runID.slice(-8)}: change what you want and run.`);
  } catch (error) {
    showError(error);
  }
}

/** A retried submit of the same inputs after a network failure keeps its key, so it cannot run twice. */
let pending = { body: "", key: "" };
function idempotencyKey(body) {
  if (pending.body !== body) pending = { body, key: crypto.randomUUID() };
  return pending.key;
}

/** Sends the form as an execute request; problems land beside their fields (`inputs.radius`). */
async function submit(controller) {
  const missing = controller.missing();
  if (missing.length) throw new FormProblem(missing);
  const json = { inputs: controller.values(), fresh: $("#tool-fresh")?.checked || undefined };
  const body = JSON.stringify(json);
  form.setAttribute("aria-busy", "true");
  try {
    const run = await api.send("POST", `/api/v1/ai-tools/${encodeURIComponent(name)}/execute`, { json, headers: { "Idempotency-Key": idempotencyKey(body) } });
    pending = { body: "", key: "" };
    addRun(run);
    if (run.cached) toast("Cache hit: the same inputs ran before, so the earlier result is shown. Tick “Run again” to run it anyway.");
  } catch (error) {
    if (error.status !== 0) pending = { body: "", key: "" };
    throw error;
  } finally {
    form.removeAttribute("aria-busy");
  }
}

/** "Edit & re-run" on this page fills the form in place instead of loading the page again. */
function interceptRerunLinks(controller) {
  runsRegion.addEventListener("click", (event) => {
    const link = event.target.closest("a[href*='?rerun=']");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = new URL(link.href);
    if (target.pathname !== location.pathname) return;
    event.preventDefault();
    history.pushState(null, "", target.pathname + target.search);
    prefill(controller, target.searchParams.get("rerun")).then(() => form.querySelector("input:not([type=hidden]), select, textarea, button")?.focus());
  });
}

async function start() {
  article.setAttribute("aria-busy", "true");
  try {
    const tool = await api.get(`/api/v1/ai-tools/${encodeURIComponent(name)}`);
    renderHeader(tool);
    const controller = toolForm(form, tool.manifest, submitRow());
    followImageSize(tool);
    if (can("run_ai_tools")) problemForm(form, () => submit(controller), { prefix: "inputs." });
    else for (const control of form.elements) control.disabled = true; // shown for reading only
    clear(runsRegion).append(h("h2", {}, "Runs"), runList);
    interceptRerunLinks(controller);
    const rerun = new URLSearchParams(location.search).get("rerun");
    await Promise.all([loadRuns(), rerun ? prefill(controller, rerun) : null]);
    followNewRuns();
  } catch (error) {
    showError(error);
  } finally {
    article.removeAttribute("aria-busy");
  }
}

start();
