// The table of planned assets and their files: names and types editable before sending, then
// each file's state and progress, each asset's result (a link) or its error. Rows are rebuilt
// when the plan changes and patched in place (once per frame) while uploads run.
import { h, clear, formatBytes } from "../core/dom.js";

const TYPES = ["sequence", "plate", "texture", "geometry", "material", "light_rig", "camera", "animation", "workflow", "document", "other"];
const MAX_NAME = 200;

const FILE_LABEL = {
  queued: "Queued", hashing: "Hashing", skipped: "Already stored", uploading: "Uploading", done: "Stored", failed: "Failed",
};
const ASSET_LABEL = { queued: "Ready", sending: "Sending", created: "Created", failed: "Failed" };

const sizeOf = (asset) => asset.files.reduce((sum, f) => sum + f.file.size, 0);
/** Bytes of `file` the server holds now, or hashed so far while hashing. */
const progressOf = (file) => {
  if (file.state === "done" || file.state === "skipped") return file.file.size;
  return file.state === "hashing" ? file.hashed ?? 0 : file.sent ?? 0;
};

/** An error as the row shows it: its stable code, then why (a cancel is no error, just said). */
const problem = (error, failed) => h("span", { class: failed ? "error" : "muted", dataset: { code: error.code } },
  failed ? `${error.code}: ${error.detail}` : error.detail);

export class UploadPlan {
  /**
   * @param {HTMLElement} container
   * @param {{onRemove: (asset: object) => void, onEdit: () => void}} callbacks
   */
  constructor(container, { onRemove, onEdit }) {
    this.container = container;
    this.onRemove = onRemove;
    this.onEdit = onEdit;
    this.rows = new Map(); // asset or file → its row elements
    this.dirty = new Set();
    this.frame = 0;
    this.locked = false;
  }

  /** Builds the table for `assets` and the files refused before sending (`rejected`). */
  render(assets, rejected) {
    this.rows.clear();
    clear(this.container);
    if (!assets.length && !rejected.length) return;
    this.container.append(h("table", { class: "upload-plan" },
      h("thead", {}, h("tr", {},
        h("th", { scope: "col" }, "Asset"), h("th", { scope: "col" }, "Type"), h("th", { scope: "col" }, "Files"),
        h("th", { scope: "col", class: "num" }, "Size"), h("th", { scope: "col" }, "Progress"), h("th", { scope: "col" }, "Result"),
        h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Remove")))),
      assets.map((asset) => this.assetBody(asset)),
      rejected.length ? this.rejectedBody(rejected) : null));
  }

  /** Redraws what shows `item` (an asset or a file) at the next frame. */
  refresh(item) {
    this.dirty.add(item);
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      for (const dirty of this.dirty) this.update(dirty);
      this.dirty.clear();
    });
  }

  /** Locks names and types while a run is going. */
  lock(locked) {
    this.locked = locked;
    for (const item of this.rows.keys()) if (item.files) this.update(item);
  }

  assetBody(asset) {
    const label = asset.kind === "sequence" ? asset.source : asset.files[0].path;
    const name = h("input", {
      type: "text", value: asset.name, maxlength: MAX_NAME, required: true, "aria-label": `Asset name for ${label}`,
      oninput: () => { asset.name = name.value; name.setAttribute("aria-invalid", String(!name.value.trim())); this.onEdit(); },
    });
    const type = h("select", { "aria-label": `Asset type for ${label}`, onchange: () => { asset.type = type.value; this.onEdit(); } },
      TYPES.map((t) => h("option", { value: t, selected: t === asset.type }, t.replace("_", " "))));
    // A sequence's frames are folded away, except those with a problem to show.
    const fold = { folded: asset.kind === "sequence" };
    const fileRows = asset.files.map((file) => this.fileRow(file, fold));
    const toggle = asset.kind === "sequence"
      ? h("button", { type: "button", class: "link", "aria-expanded": "false", onclick: () => {
          fold.folded = !fold.folded;
          toggle.setAttribute("aria-expanded", String(!fold.folded));
          toggle.textContent = fold.folded ? "Show frames" : "Hide frames";
          for (const file of asset.files) this.update(file);
        } }, "Show frames")
      : null;
    const remove = h("button", { type: "button", class: "icon", "aria-label": `Remove ${label}`, title: "Remove", onclick: () => this.onRemove(asset) }, "×");
    const parts = {
      body: null, name, type, remove,
      status: h("span", { class: "status" }), bar: h("progress", { max: 1, value: 0, "aria-label": `Progress of ${label}` }),
      result: h("td", { class: "result" }),
    };
    parts.body = h("tbody", { dataset: { uploadAsset: "", state: asset.state } },
      h("tr", { class: "asset-row" },
        h("td", {}, name, asset.kind === "sequence" ? h("div", { class: "source mono" }, asset.source) : null),
        h("td", {}, type),
        h("td", {}, asset.kind === "sequence"
          ? [h("span", {}, `${asset.files.length} frames `), h("span", { class: "mono" }, asset.frames), " ", toggle]
          : "1 file"),
        h("td", { class: "num" }, formatBytes(sizeOf(asset))),
        h("td", { class: "progress" }, parts.bar, parts.status),
        parts.result,
        h("td", {}, remove)),
      fileRows);
    this.rows.set(asset, parts);
    this.update(asset);
    return parts.body;
  }

  fileRow(file, fold = { folded: false }) {
    const parts = {
      fold,
      badge: h("span", { class: "badge" }),
      bar: h("progress", { max: 1, value: 0, "aria-label": `Progress of ${file.path}` }),
      message: h("td", { class: "message", colspan: 2 }),
    };
    parts.row = h("tr", { class: "file-row", dataset: { uploadFile: "", path: file.path, state: file.state } },
      h("td", { class: "mono path", colspan: 2 }, file.path),
      h("td", {}, parts.badge),
      h("td", { class: "num" }, formatBytes(file.file.size)),
      h("td", { class: "progress" }, parts.bar),
      parts.message);
    this.rows.set(file, parts);
    this.update(file);
    return parts.row;
  }

  rejectedBody(rejected) {
    return h("tbody", { class: "rejected" },
      h("tr", {}, h("th", { colspan: 7, scope: "rowgroup" }, `Not sent: ${rejected.length} file${rejected.length === 1 ? "" : "s"} the server would refuse`)),
      rejected.map((file) => this.fileRow(file)));
  }

  update(item) {
    const parts = this.rows.get(item);
    if (!parts) return;
    if (item.files) this.updateAsset(item, parts); else this.updateFile(item, parts);
  }

  updateAsset(asset, parts) {
    parts.body.dataset.state = asset.state;
    const editable = !this.locked && (asset.state === "queued" || asset.state === "failed");
    parts.name.disabled = !editable;
    parts.type.disabled = !editable;
    parts.remove.hidden = !editable;
    const total = sizeOf(asset);
    const held = asset.files.reduce((sum, f) => sum + (f.state === "hashing" ? 0 : progressOf(f)), 0);
    parts.bar.value = total ? held / total : asset.state === "created" ? 1 : 0;
    parts.status.textContent = ASSET_LABEL[asset.state];
    clear(parts.result);
    if (asset.created) {
      parts.result.append(h("a", { href: `/assets/${asset.created.id}`, dataset: { assetLink: asset.created.id } }, `Open ${asset.created.name}`));
    }
    if (asset.error && asset.state !== "created") parts.result.append(problem(asset.error, asset.state === "failed"));
    if (asset.inspected) {
      parts.body.dataset.inspected = asset.inspected;
      const bad = asset.files.filter((f) => f.issues?.some((i) => i.severity === "error")).length;
      parts.result.append(h("div", { class: `inspection inspection-${asset.inspected}` },
        bad ? `Inspection: errors in ${bad} file${bad === 1 ? "" : "s"}` : asset.inspected === "warning" ? "Inspection: warnings" : "Inspection: no problems"));
    }
    if (asset.issues?.length) {
      parts.result.append(...asset.issues.map((issue) => h("div", { class: `issue issue-${issue.severity}` }, `${issue.code}: ${issue.message}`)));
    }
  }

  updateFile(file, parts) {
    parts.row.dataset.state = file.state;
    parts.row.hidden = parts.fold.folded && file.state !== "failed" && !file.issues?.length;
    parts.badge.dataset.state = file.state;
    const fraction = file.file.size ? progressOf(file) / file.file.size : file.state === "done" || file.state === "skipped" ? 1 : 0;
    const percent = file.state === "hashing" || file.state === "uploading" ? ` ${Math.floor(fraction * 100)}%` : "";
    parts.badge.textContent = FILE_LABEL[file.state] + percent;
    parts.bar.value = fraction;
    parts.bar.dataset.phase = file.state;
    clear(parts.message);
    if (file.error) parts.message.append(problem(file.error, file.state === "failed"));
    if (file.issues?.length) {
      const worst = file.issues.some((i) => i.severity === "error") ? "error" : "warning";
      parts.row.dataset.issue = worst;
      parts.message.append(...file.issues.map((issue) => h("div", { class: `issue issue-${issue.severity}` }, `${issue.code}: ${issue.message}`)));
    }
  }
}
