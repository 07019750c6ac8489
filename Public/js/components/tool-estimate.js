// What a tool's estimate (`GET /api/v1/ai-tools/{name}`) means to someone about to run it.
import { h, formatDuration } from "../core/dom.js";

/**
 * A short line: expected run time, the wait in the pool's queue, and how many servers are up.
 * @param {{median_run_seconds?: number|null, queue_wait_seconds?: number|null, queue_wait_runs?: number|null, servers_up: number}|undefined} estimate
 * @returns {HTMLElement}
 */
export function toolEstimate(estimate) {
  if (!estimate) return h("span", { class: "tool-estimate muted" }, "estimate unavailable");
  const parts = [];
  parts.push(estimate.median_run_seconds == null ? "no runs yet" : `≈ ${formatDuration(estimate.median_run_seconds)} per run`);
  if (estimate.servers_up === 0) {
    parts.push("no ComfyUI server up: runs wait in the queue");
  } else {
    const wait = estimate.queue_wait_seconds ?? null;
    const runs = estimate.queue_wait_runs ?? 0;
    if (wait !== null && wait >= 1) parts.push(`queue wait ≈ ${formatDuration(wait)}`);
    else if (wait === null && runs > 0) parts.push(`${runs.toFixed(1)} runs queued per server`);
    else parts.push("no queue");
    parts.push(`${estimate.servers_up} server${estimate.servers_up === 1 ? "" : "s"} up`);
  }
  return h("span", { class: "tool-estimate", dataset: { serversUp: estimate.servers_up } }, parts.join(" · "));
}
