// Choosing an image version for an AI tool input: the chosen asset's thumbnail and name with
// a version select, and a dialog that searches the library as you type. The value (a version
// id) lives in a hidden input named after the tool input, so the form reads it like any other.
import { api } from "../core/api.js";
import { h, clear, debounce } from "../core/dom.js";
import { showError, problemText } from "../core/toast.js";
import { previewURL } from "./asset-card.js";

// Formats that are not images; assets without a format (AI results) stay pickable.
const NOT_IMAGES = new Set(["usda", "usdc", "usdz", "zip", "gltf", "glb", "fbx_binary", "fbx_ascii", "obj", "mtl", "mtlx"]);
const PAGE = 24;


const noThumbnail = (text) => h("span", { class: "asset-picker-thumb asset-picker-nothumb", "aria-hidden": "true" }, text);

/**
 * A thumbnail, or a plain tile when the previews' state (listings carry it) says there is none
 * yet, so no image is asked for only to fail.
 */
function thumbnail(assetID, number, alt = "", previews = undefined) {
  if (previews && previews.state !== "ready") return noThumbnail(previews.state === "pending" ? "preview…" : "no preview");
  const img = h("img", { class: "asset-picker-thumb", src: previewURL(assetID, number, previews?.revision), alt, loading: "lazy", decoding: "async" });
  img.addEventListener("error", () => img.replaceWith(noThumbnail("no preview")));
  return img;
}

/**
 * An asset version field.
 * @param {{name: string, id: string, label: string, required?: boolean}} options
 * @returns {{element: HTMLElement, input: HTMLInputElement, setVersion: (versionID: string, hint?: object) => Promise<void>}}
 *   `hint` is `{asset_id, version, asset_name}` (a dependency end) when the caller knows the asset.
 */
export function assetPicker({ name, id, label, required = false }) {
  const input = h("input", { type: "hidden", name, id, dataset: { kind: "image" } });
  const chosen = h("span", { class: "asset-picker-name" }, "No image chosen");
  const preview = h("span", { class: "asset-picker-preview" });
  const versions = h("select", { class: "asset-picker-version", "aria-label": `${label}: version`, hidden: true });
  const open = h("button", { type: "button", class: "asset-picker-open", "aria-haspopup": "dialog" }, "Choose…");
  const element = h("div", { class: "asset-picker", role: "group", "aria-label": label },
    input, preview, h("div", { class: "asset-picker-chosen" }, chosen, versions), open);

  const search = searchDialog(label, (asset) => choose(asset.id));
  open.addEventListener("click", () => search.open());
  const known = new Map(); // version id → version, of the chosen asset
  versions.addEventListener("change", () => showVersion(versions.dataset.assetId, known.get(versions.value)));

  function showVersion(assetID, version) {
    clear(preview).append(thumbnail(assetID, version.number, "", version.previews));
    input.value = version.id;
    // Where the version lives, for callers that look further into it (the tool page asks its image size).
    Object.assign(input.dataset, { assetId: assetID, number: String(version.number) });
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  async function choose(assetID, versionID = null) {
    try {
      const [asset, history] = await Promise.all([
        api.get(`/api/v1/assets/${assetID}`),
        api.get(`/api/v1/assets/${assetID}/versions`, { query: { limit: 100 } }),
      ]);
      chosen.textContent = asset.name;
      chosen.title = asset.name;
      versions.dataset.assetId = assetID;
      known.clear();
      for (const version of history.items) known.set(version.id, version);
      clear(versions).append(...history.items.map((version) => h("option", {
        value: version.id,
        selected: versionID ? version.id === versionID : version.number === asset.latest_version,
      }, `v${version.number}${version.number === asset.latest_version ? " (latest)" : ""} · ${version.status}`)));
      versions.hidden = false;
      const picked = history.items.find((v) => v.id === versionID) ?? history.items.find((v) => v.number === asset.latest_version) ?? history.items[0];
      if (picked) showVersion(assetID, picked);
    } catch (error) {
      showError(error);
    }
  }

  async function setVersion(value, hint) {
    if (!value) return;
    const versionID = value.toLowerCase();
    if (hint?.asset_id) return choose(hint.asset_id, versionID);
    // Without the asset we can only show the id; the value is still right.
    input.value = versionID;
    delete input.dataset.assetId;
    delete input.dataset.number;
    chosen.textContent = `Version ${versionID.slice(-8)}`;
    clear(preview);
  }

  if (required) input.dataset.required = "true";
  return { element, input, setVersion };
}

/** The search dialog, appended to <body> so its controls never submit the tool form. */
function searchDialog(label, onChoose) {
  const query = h("input", { type: "search", class: "asset-picker-search", placeholder: "Search assets by name, tag…", "aria-label": "Search assets", autocomplete: "off" });
  const results = h("ul", { class: "asset-picker-results", "aria-label": "Assets" });
  const status = h("p", { class: "muted asset-picker-status", role: "status" });
  const close = h("button", { type: "button", "aria-label": "Close" }, "Close");
  const dialog = h("dialog", { class: "asset-picker-dialog", "aria-label": `Choose ${label}` },
    h("div", { class: "row" }, h("strong", {}, `Choose ${label.toLowerCase()}`), h("span", { class: "spacer" }), close),
    query, status, results);
  document.body.append(dialog);
  close.addEventListener("click", () => dialog.close());
  results.addEventListener("keydown", (event) => moveFocus(event, results));

  let generation = 0;
  const load = debounce(async () => {
    const mine = ++generation;
    status.textContent = "Searching…";
    try {
      const page = await api.get("/api/v1/assets", { query: { q: query.value.trim() || undefined, limit: PAGE } });
      if (mine !== generation) return;
      const items = page.items.filter((asset) => !NOT_IMAGES.has(asset.format));
      clear(results).append(...items.map((asset) => h("li", {},
        h("button", { type: "button", class: "asset-picker-item", dataset: { assetId: asset.id }, onclick: () => { dialog.close(); onChoose(asset); } },
          thumbnail(asset.id, asset.latest_version, "", asset.previews),
          h("span", { class: "asset-picker-item-name" }, asset.name),
          h("span", { class: "muted" }, `v${asset.latest_version}${asset.format ? ` · ${asset.format}` : ""}`)))));
      status.textContent = items.length ? "" : "No image assets match.";
    } catch (error) {
      if (mine === generation) status.textContent = problemText(error);
    }
  }, 200);
  query.addEventListener("input", load);

  return {
    open() {
      dialog.showModal();
      query.focus();
      load();
    },
  };
}

/** Arrow keys move between the result tiles, row by row as the grid lays them out. */
function moveFocus(event, list) {
  const buttons = [...list.querySelectorAll("button")];
  const index = buttons.indexOf(document.activeElement);
  if (index < 0) return;
  const columns = getComputedStyle(list).gridTemplateColumns.split(" ").length || 1;
  const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns, ArrowUp: -columns }[event.key];
  if (!step) return;
  event.preventDefault();
  buttons[Math.min(buttons.length - 1, Math.max(0, index + step))].focus();
}
