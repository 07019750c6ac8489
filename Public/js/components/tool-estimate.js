// What a tool's estimate (`GET /api/v1/ai-tools/{name}`) means to someone about to run it.
import { api } from "../core/api.js";
import { h, formatDuration } from "../core/dom.js";

/** Megapixels, short: "0.3 MP", "2.1 MP", "34 MP". */
function megapixels(pixels) {
  const mp = pixels / 1_000_000;
  return `${mp < 10 ? mp.toFixed(1) : Math.round(mp)} MP`;
}

/** The expected run time, and what it is the median of. */
function runTime(estimate, pixels) {
  if (estimate.median_run_seconds == null) return "no runs yet";
  const time = `≈ ${formatDuration(estimate.median_run_seconds)} per run`;
  if (pixels == null) return time;
  if (estimate.basis === "size_class") return `${time} at ${megapixels(pixels)} (${estimate.runs} runs of that size)`;
  return `${time} (all sizes: too few runs at ${megapixels(pixels)})`;
}

/** "≤ 1024²: 1.0 s (3 runs)" per size class (squares of powers of 2), for the overall estimate's tooltip. */
function bySizeTitle(estimate) {
  const lines = (estimate.by_size ?? []).map((c) =>
    `${c.max_pixels == null ? "larger" : `≤ ${Math.round(Math.sqrt(c.max_pixels))}² px`}: ${formatDuration(c.median_run_seconds)} (${c.runs} run${c.runs === 1 ? "" : "s"})`);
  return lines.length ? `Median run time by input size\n${lines.join("\n")}` : undefined;
}

/**
 * A short line: expected run time (for `pixels` of input when given), the wait in the pool's queue, and how many servers are up.
 * @param {{median_run_seconds?: number|null, basis?: string, runs?: number, by_size?: object[], queue_wait_seconds?: number|null, queue_wait_runs?: number|null, servers_up: number}|undefined} estimate
 * @param {number|null} [pixels] the total pixels of the chosen images the estimate was asked for
 * @returns {HTMLElement}
 */
export function toolEstimate(estimate, pixels = null) {
  if (!estimate) return h("span", { class: "tool-estimate muted" }, "estimate unavailable");
  const parts = [runTime(estimate, pixels)];
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
  return h("span", { class: "tool-estimate", title: bySizeTitle(estimate), dataset: { serversUp: estimate.servers_up, basis: estimate.basis ?? "" } },
    parts.join(" · "));
}

/**
 * The pixels of the image a version is run on (its first file), from the version's inspection, by the
 * server's rule for a run's input size; null when unknown (not inspected yet, a sequence, no image).
 * @param {string} assetID
 * @param {number|string} number the version number
 * @returns {Promise<number|null>}
 */
export async function versionPixels(assetID, number) {
  const path = `/api/v1/assets/${assetID}/versions/${number}`;
  const [version, inspection] = await Promise.all([api.get(path), api.get(`${path}/inspection`)]);
  if (inspection.status !== "done" || inspection.sequences.length) return null;
  const first = version.files[0]?.path;
  const image = inspection.files.find((report) => report.file_name === first)?.image;
  return image ? image.width * image.height : null;
}
