// After an upload: what the server's inspection of the new version found in each file. The
// server takes any bytes into a version and inspects them in a job (`version.inspect`), so a
// truncated or corrupt file is reported here, by file, once the job announces the version
// inspected (`asset.version_inspected` on `asset:<id>`).
import { api } from "../core/api.js";
import { events } from "../core/events.js";

/** How long to wait for the inspection before giving up on showing it. */
const PATIENCE_MS = 120_000;
/**
 * One more look once the socket has had time to connect: an event sent before the subscription
 * took hold is not replayed on a first connection (later reconnections replay what they missed),
 * so no polling per asset is needed beyond this.
 */
const FALLBACK_MS = 5_000;

/**
 * Calls `onReport(inspection)` once the inspection of `version` of `assetID` is done, with its
 * issues by file path: `{files: Map<path, issue[]>, sequences: issue[]}` (an issue is
 * `{code, severity, message}`). Returns a function that stops waiting.
 * @param {string} assetID
 * @param {number} version
 * @param {(report: {files: Map<string, object[]>, sequences: object[]}) => void} onReport
 */
export function watchInspection(assetID, version, onReport) {
  let finished = false;
  const stop = () => {
    finished = true;
    unsubscribe();
    clearTimeout(timer);
    clearTimeout(lateLook);
  };
  const check = async () => {
    if (finished) return;
    let inspection;
    try {
      inspection = await api.get(`/api/v1/assets/${assetID}/versions/${version}/inspection`);
    } catch {
      return; // Not allowed to read it, or the server is away: the upload itself stands.
    }
    if (finished || inspection.status !== "done") return;
    stop();
    const files = new Map();
    for (const report of inspection.files ?? []) {
      if (report.issues?.length) files.set(report.file_name, report.issues);
    }
    onReport({ files, sequences: (inspection.sequences ?? []).flatMap((s) => s.issues ?? []) });
  };
  const unsubscribe = events.subscribe([`asset:${assetID}`], (event) => {
    if (event.type === "asset.version_inspected" && event.data?.version?.number === version) check();
  });
  const timer = setTimeout(stop, PATIENCE_MS);
  const lateLook = setTimeout(check, FALLBACK_MS);
  check();
  return stop;
}
