// One AI run in a tool's run list (a run over every frame of a sequence stands for its frames):
// state, live progress from its job's events, the message
// (what ComfyUI is doing, or why it waits or failed), its inputs and result thumbnails, and
// cancel / re-run. The row is `[data-run-id][data-state]` for scripts and browser tests.
import { api } from "../core/api.js";
import { h, clear, formatDate, formatDuration } from "../core/dom.js";
import { events } from "../core/events.js";
import { can } from "../core/session.js";
import { showError, toast } from "../core/toast.js";
import { runResult } from "./run-result.js";

const FINAL = new Set(["succeeded", "failed", "cancelled"]);
// Events can be missed in the moment between submitting and subscribing; a slow check covers it.
const WATCHDOG_MS = 10000;

function inputSummary(inputs) {
  return Object.entries(inputs ?? {}).map(([name, value]) => {
    const text = typeof value === "string" && /^[0-9a-f-]{36}$/.test(value) ? `…${value.slice(-8)}` : String(value);
    return h("span", { class: "run-input" }, h("span", { class: "muted" }, `${name} `), text);
  });
}

function duration(run) {
  if (!run.finished_at) return "";
  return formatDuration((Date.parse(run.finished_at) - Date.parse(run.created_at)) / 1000);
}

/**
 * A run row that follows its job until it ends.
 * @param {object} run an AIRun (`GET /api/v1/ai-jobs/{id}/status`)
 * @param {{onRerun?: (run: object) => void}} options `onRerun` receives the run "Run again" made
 * @returns {HTMLLIElement} with `.update(run)` and `.dispose()`
 */
export function runRow(run, { onRerun } = {}) {
  const badge = h("span", { class: "badge run-state" });
  const meta = h("span", { class: "muted run-meta" });
  const progress = h("progress", { max: 1, value: 0, "aria-label": "Run progress" });
  const message = h("p", { class: "run-message" });
  const results = h("div", { class: "run-results" });
  const actions = h("div", { class: "run-actions row" });
  const row = h("li", { class: "run-row", dataset: { runId: run.id } },
    h("div", { class: "row run-head" }, badge, meta),
    progress, message, h("div", { class: "run-inputs" }, inputSummary(run.inputs)), results, actions);
  let current = null;
  let unsubscribe = null;
  let watchdog = null;
  let shownResults = [];
  let cancelRequested = false; // a running run stops when its worker notices; until then it says so

  function render(next) {
    const resultsChanged = JSON.stringify(next.results) !== JSON.stringify(current?.results);
    current = next;
    row.dataset.state = next.status;
    badge.dataset.state = next.status;
    badge.textContent = next.cached ? "cached" : cancelRequested && !FINAL.has(next.status) ? "cancelling" : next.status;
    meta.textContent = [`v${next.tool_version}`, next.sequence_input ? `every frame of ${next.sequence_input}` : null,
      formatDate(next.created_at), duration(next), next.server].filter(Boolean).join(" · ");
    progress.value = next.progress ?? 0;
    progress.hidden = FINAL.has(next.status);
    message.textContent = next.message ?? "";
    // Once a run succeeded its last progress note ("filing results") says nothing more.
    message.hidden = !next.message || next.status === "succeeded";
    message.classList.toggle("error", next.status === "failed");
    if (resultsChanged) {
      for (const result of shownResults) result.dispose();
      shownResults = (next.results ?? []).map(runResult);
      clear(results).append(...shownResults);
    }
    renderActions(next);
    follow(next);
  }

  function renderActions(next) {
    clear(actions);
    if (!FINAL.has(next.status) && next.job_id && can("control_jobs") && !cancelRequested) {
      actions.append(h("button", { type: "button", class: "danger", onclick: cancel }, "Cancel"));
    }
    if (FINAL.has(next.status) && can("run_ai_tools")) {
      actions.append(
        h("a", { class: "button", href: `/ai-tools/${encodeURIComponent(next.tool)}?rerun=${next.id}` }, "Edit & re-run"),
        h("button", { type: "button", class: "run-again", onclick: rerun }, "Run again"));
    }
  }

  function follow(next) {
    const active = !FINAL.has(next.status) && next.job_id;
    if (active && !unsubscribe) {
      unsubscribe = events.subscribe([`job:${next.job_id}`], onEvent);
      setTimeout(refresh, 500);
      watchdog = setInterval(refresh, WATCHDOG_MS);
    } else if (!active) {
      stop();
    }
  }

  function stop() {
    unsubscribe?.();
    unsubscribe = null;
    clearInterval(watchdog);
  }

  function onEvent(event) {
    // A run over a sequence is as far as its batch of frames, which only its status adds up.
    if (current.sequence_input) { refresh(); return; }
    const job = event.data ?? {};
    if (event.type === "job.progress" || event.type === "job.running" || event.type === "job.queued") {
      render({ ...current, status: job.status ?? current.status, progress: Math.max(current.progress, job.progress ?? 0),
               message: job.status === "running" ? job.progress_message : job.error ?? job.progress_message ?? current.message });
    } else {
      refresh(); // an end: the run's status names its results and why it failed
    }
  }

  async function refresh() {
    try {
      render(await api.get(`/api/v1/ai-jobs/${run.id}/status`));
    } catch (error) {
      if (error.status === 404) stop();
    }
  }

  async function cancel() {
    try {
      const answer = await api.send("POST", `/api/v1/ai-jobs/${run.id}/cancel`);
      cancelRequested = !FINAL.has(answer.status);
      render(answer);
    } catch (error) {
      showError(error);
    }
  }

  async function rerun(event) {
    const button = event.currentTarget;
    button.disabled = true;
    try {
      const again = await api.send("POST", `/api/v1/ai-jobs/${run.id}/rerun`, { json: {}, headers: { "Idempotency-Key": crypto.randomUUID() } });
      if (again.cached) toast("Answered from the result cache: same tool version, inputs and seeds.");
      onRerun?.(again);
    } catch (error) {
      showError(error);
    } finally {
      button.disabled = false;
    }
  }

  render(run);
  row.update = render;
  row.dispose = () => { stop(); for (const result of shownResults) result.dispose(); };
  return row;
}
