// One asset as a grid cell: its latest version's thumbnail (or a placeholder naming its type
// and format), name, type, version and status. A card shows previews and status only, never
// file paths, so it is the same for a Client as for everyone else.
import { h } from "../core/dom.js";

/** "light_rig" → "light rig". */
export const typeLabel = (type) => String(type ?? "").replaceAll("_", " ");

/**
 * Where a version's preview image is (an uploaded one, else the generated thumbnail). Images are
 * cached as immutable, so the previews' `revision` goes in the URL: made again, they are fetched anew.
 */
export const previewURL = (assetID, number, revision) =>
  `/api/v1/assets/${encodeURIComponent(assetID)}/versions/${number}/preview${revision ? `?r=${encodeURIComponent(revision)}` : ""}`;

/** The page of an asset. */
export const assetURL = (asset) => `/assets/${encodeURIComponent(asset.id)}`;

/**
 * The card element of `asset` (role=gridcell, `data-asset-id`, id `asset-<id>`).
 * `asset.previews.state` says whether there is an image to show; without it the image is
 * tried and the placeholder stays when there is none.
 * @param {object} asset an item of GET /api/v1/assets
 * @param {{projectName?: string}} [options]
 */
export function assetCard(asset, { projectName = "" } = {}) {
  const title = [asset.name, typeLabel(asset.type), asset.format, projectName].filter(Boolean).join(" · ");
  return h("div", { class: "asset-card", role: "gridcell", id: `asset-${asset.id}`, "aria-selected": "false", dataset: { assetId: asset.id } },
    h("a", { class: "asset-card-link", href: assetURL(asset), tabindex: "-1", title },
      thumbnail(asset),
      h("span", { class: "asset-card-name" }, asset.name),
      h("span", { class: "asset-card-meta" },
        h("span", { class: "asset-card-type" }, typeLabel(asset.type)),
        h("span", { class: "asset-card-version" }, `v${asset.latest_version}`),
        h("span", { class: "badge", dataset: { state: asset.status } }, asset.status))));
}

function thumbnail(asset) {
  const state = asset.previews?.state;
  const frame = h("span", { class: "asset-card-thumb" }, placeholder(asset, state));
  if (state === undefined || state === "ready") {
    const image = h("img", { class: "thumb", alt: asset.name, loading: "lazy", decoding: "async", src: previewURL(asset.id, asset.latest_version, asset.previews?.revision) });
    // Shown once decoded, so a half-loaded image never flashes over the placeholder.
    image.addEventListener("load", () => frame.classList.add("has-image"), { once: true });
    image.addEventListener("error", () => image.remove(), { once: true });
    frame.append(image);
  }
  return frame;
}

const STATE_TEXT = { pending: "Preview pending", unavailable: "No preview", failed: "Preview failed" };

// aria-hidden: the card's name and type already say it; the reason a preview is missing is a tooltip.
function placeholder(asset, state) {
  return h("span", { class: "thumb-placeholder", dataset: { type: asset.type }, "aria-hidden": "true", title: asset.previews?.reason ?? null },
    h("span", { class: "thumb-format" }, (asset.format ?? typeLabel(asset.type)).toUpperCase()),
    asset.format ? h("span", { class: "thumb-type" }, typeLabel(asset.type)) : null,
    STATE_TEXT[state] ? h("span", { class: "thumb-state", dataset: { state } }, STATE_TEXT[state]) : null);
}
