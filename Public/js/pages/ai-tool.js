// /ai-tools/{name}: the tool's form, generated from its input schema, and its runs with live
// progress and results. `?rerun=<run id>` fills the form with that run's inputs. An image input
// whose version holds a sequence can run over every frame, as one batch shown as one run.
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
import { sequenceChoice } from "../components/sequence-choice.js";

const article = $("article.ai-tool");
const name = article.dataset.toolName;
const header = $("#tool-header");
const form = $("#tool-form");
const runsRegion = $("#tool-runs");
const runList = h("ol", { class: "run-list", "aria-label": "Runs" });
const rows = new Map(); // run id → row
// This many of the newest runs are shown at first; later ones appear as their jobs are queued
// (`ai.run`, and `ai.file_sequence` for a run over every frame).
const RUNS_SHOWN = 30;
const RUN_KINDS = ["ai.run", "ai.file_sequence"];
let sequences = []; // the "every frame" choice of each image input

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

/** A run this page lists: one of this tool, and not one frame of a run over a sequence (that run stands for its frames). */
function listed(run) {
  return run?.tool === name && !run.sequence_run_id;
}

/** The tool's newest runs the caller may see, cached ones included (a run over a sequence stands for its frames). */
async function loadRuns() {
  const page = await api.get(`/api/v1/ai-tools/${encodeURIComponent(name)}/runs`, { query: { limit: RUNS_SHOWN } });
  for (const run of page.items) addRun(run, { top: false });
  if (!rows.size) runList.before(h("p", { class: "muted", id: "tool-runs-empty" }, "No runs yet."));
}

// A run over a sequence queues its frames and its filing job in one commit, so their events come
// together: the frames of a batch wait this long to learn whether the batch is a sequence.
const FRAME_SETTLE_MS = 300;

/** Runs of this tool started elsewhere (another tab, a script) appear as they are queued. */
function followNewRuns() {
  const sequenceBatches = new Set();
  const waiting = new Map(); // batch id → ai.run job ids queued in it, not looked at yet
  const show = async (id) => {
    const run = await statusOf(id);
    if (listed(run) && !rows.has(run.id)) addRun(run);
  };
  events.subscribe(["jobs"], (event) => {
    const job = event.data ?? {};
    if (event.type !== "job.queued" || !RUN_KINDS.includes(job.kind) || rows.has(job.id)) return;
    if (job.kind === "ai.file_sequence") {
      if (job.batch_id) sequenceBatches.add(job.batch_id);
      show(job.id);
    } else if (!job.batch_id) {
      show(job.id);
    } else if (!sequenceBatches.has(job.batch_id)) {
      if (!waiting.has(job.batch_id)) {
        waiting.set(job.batch_id, []);
        setTimeout(() => {
          const ids = waiting.get(job.batch_id) ?? [];
          waiting.delete(job.batch_id);
          if (!sequenceBatches.has(job.batch_id)) ids.forEach(show);
        }, FRAME_SETTLE_MS);
      }
      waiting.get(job.batch_id).push(job.id);
    }
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
    if (run.sequence_input) sequences.find((choice) => choice.input === run.sequence_input)?.check();
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
  const fresh = $("#tool-fresh")?.checked || undefined;
  const sequence = sequences.find((choice) => choice.checked());
  if (sequence) return submitSequence(controller.values(), sequence.input, fresh);
  const json = { inputs: controller.values(), fresh };
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

/** Runs over every frame of the sequence chosen for `input`: one batch, listed as its sequence run. */
async function submitSequence(values, input, fresh) {
  const { [input]: sequence, ...shared } = values;
  form.setAttribute("aria-busy", "true");
  try {
    const answer = await api.send("POST", `/api/v1/ai-tools/${encodeURIComponent(name)}/batch`, { json: { input, sequence, inputs: shared, fresh } });
    addRun(answer.sequence_run);
    if (answer.sequence_run.cached) toast("Cache hit: this sequence ran before with the same inputs, so the earlier result is shown.");
    else toast(`Running over ${answer.total} frames${answer.cached ? ` (${answer.cached} from the cache)` : ""}; they come back as one sequence.`);
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
    sequences = [...form.querySelectorAll("input[data-kind=image]")].map((image) => {
      const choice = sequenceChoice(image);
      image.closest(".tool-field")?.append(choice.element);
      return choice;
    });
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
