// One result asset of an AI run: its thumbnail, opening the asset. A result's preview is made
// by a job after the run ends, so the image is asked for only once the version says it is
// ready (or `asset.preview_ready` arrives), never fetched early into a 404; a preview that cannot be
// made (`asset.preview_failed`) shows its reason.
import { api } from "../core/api.js";
import { h, clear } from "../core/dom.js";
import { events } from "../core/events.js";
import { previewURL } from "./asset-card.js";

/**
 * A link to `/assets/{asset_id}` showing the result's preview when it exists.
 * @param {{asset_id: string, version_id: string, output: string}} result
 * @returns {HTMLAnchorElement} with `.dispose()` to stop waiting for the preview
 */
export function runResult(result) {
  const assetID = result.asset_id.toLowerCase(); // results name ids in capitals; URLs and events use lowercase
  const frame = h("span", { class: "run-result-frame" }, h("span", { class: "run-result-wait" }, "preview…"));
  const caption = h("span", { class: "run-result-caption" }, result.output);
  const link = h("a", { class: "run-result", href: `/assets/${assetID}`, dataset: { assetId: assetID }, title: "Open the result asset" }, frame, caption);
  let unsubscribe = null;

  const show = (number) => {
    unsubscribe?.();
    unsubscribe = null;
    clear(frame).append(h("img", { src: previewURL(assetID, number), alt: `Result ${result.output}`, decoding: "async" }));
  };
  const unavailable = (reason) => clear(frame).append(h("span", { class: "run-result-wait" }, reason || "no preview"));

  // The result's own version (the first of a new asset), with the state of its previews.
  const version = async () => {
    const page = await api.get(`/api/v1/assets/${assetID}/versions`, { query: { limit: 100 } });
    return page.items.find((v) => v.id.toLowerCase() === result.version_id.toLowerCase()) ?? page.items.at(-1);
  };
  const settle = (found) => {
    const state = found.previews?.state;
    if (state === "ready") show(found.number);
    else if (state !== "pending") { unsubscribe?.(); unavailable(found.previews?.reason ?? "no preview"); }
    return state === "pending";
  };

  (async () => {
    try {
      if (!settle(await version())) return;
      unsubscribe = events.subscribe([`asset:${assetID}`], (event) => {
        if (event.type === "asset.preview_ready") show(event.data?.version?.number ?? 1);
        else if (event.type === "asset.preview_failed") { unsubscribe?.(); unavailable(event.data?.reason); }
      });
      // Read again once subscribed: the preview may have been made in between.
      settle(await version());
    } catch {
      unavailable("result not visible");
    }
  })();

  link.dispose = () => unsubscribe?.();
  return link;
}
