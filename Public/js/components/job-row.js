// One job in the live job list: kind, state, progress with its message (or the error that
// failed it), tries, times, and cancel / retry for those allowed. `[data-job-id][data-state]`.
import { api } from "../core/api.js";
import { h, clear, formatDate, formatDuration } from "../core/dom.js";
import { can, session } from "../core/session.js";
import { showError } from "../core/toast.js";

const FINAL = new Set(["succeeded", "failed", "cancelled"]);

/** Whether the signed-in user may cancel or retry this job (the server decides the same way). */
function mayControl(job) {
  if (!can("control_jobs")) return false;
  return job.created_by === session.userID || session.role === "administrator" || session.role === "producer";
}

function who(job) {
  if (!job.created_by) return "system";
  return job.created_by === session.userID ? "you" : `…${job.created_by.slice(-8)}`;
}

function took(job) {
  if (!job.started_at) return "";
  const end = job.finished_at ? Date.parse(job.finished_at) : Date.now();
  return formatDuration((end - Date.parse(job.started_at)) / 1000);
}

/**
 * A table row for `job` (a Job of `GET /api/v1/jobs`).
 * @returns {HTMLTableRowElement} with `.update(job)`
 */
export function jobRow(job) {
  const state = h("span", { class: "badge" });
  const progress = h("progress", { max: 1, value: 0, "aria-label": "Progress" });
  const message = h("div", { class: "job-message" });
  const tries = h("td", { class: "job-tries" });
  const times = h("td", { class: "job-times muted" });
  const actions = h("td", { class: "job-actions" });
  const row = h("tr", { class: "job-row", dataset: { jobId: job.id } },
    h("td", { class: "job-kind" }, h("code", {}, job.kind), h("div", { class: "muted mono job-id" }, job.id.slice(-12))),
    h("td", {}, state),
    h("td", { class: "job-progress" }, progress, message),
    tries, times, actions);
  let current = job;

  function render(next) {
    current = next;
    row.dataset.state = next.status;
    state.dataset.state = next.status;
    state.textContent = next.cancel_requested && !FINAL.has(next.status) ? "cancelling" : next.status;
    progress.value = next.status === "succeeded" ? 1 : next.progress ?? 0;
    // A bar says something only while a job may still move.
    progress.hidden = FINAL.has(next.status) || (next.status === "queued" && !next.progress);
    // Failed and waiting jobs say why; a finished job's last progress note says nothing more.
    const text = { failed: next.error, queued: next.error ?? next.progress_message, running: next.progress_message }[next.status];
    message.textContent = text ?? "";
    message.classList.toggle("error", next.status === "failed");
    tries.textContent = `${next.attempts}/${next.max_attempts}`;
    clear(times).append(h("div", {}, formatDate(next.created_at)), h("div", {}, [who(next), took(next)].filter(Boolean).join(" · ")));
    renderActions(next);
  }

  function renderActions(next) {
    clear(actions);
    if (!mayControl(next)) return;
    if (!FINAL.has(next.status) && !next.cancel_requested) {
      actions.append(h("button", { type: "button", class: "danger", dataset: { action: "cancel" }, onclick: () => control("cancel") }, "Cancel"));
    }
    if (next.status === "failed" || next.status === "cancelled") {
      actions.append(h("button", { type: "button", dataset: { action: "retry" }, onclick: () => control("retry") }, "Retry"));
    }
  }

  async function control(action) {
    try {
      render(await api.send("POST", `/api/v1/jobs/${current.id}/${action}`));
    } catch (error) {
      showError(error);
    }
  }

  render(job);
  row.update = (next) => render({ ...current, ...next });
  return row;
}
