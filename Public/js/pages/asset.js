// The asset detail page: header, preview (zoom, frame scrubber), files, metadata, version
// timeline with status, diff and revert, and the dependency graph, for one version at a time
// (`?version=N`, else the latest). Everything is read through the public API and kept current
// by the asset's events, so a new version, a status change or a finished preview shows
// without a reload.
import "../core/shell.js";
import { api, idempotencyKey } from "../core/api.js";
import { h, $, formatDate } from "../core/dom.js";
import { events } from "../core/events.js";
import { session, can } from "../core/session.js";
import { toast, showError, problemText } from "../core/toast.js";
import { copyButton } from "../components/copy-button.js";
import { createVersionPreview } from "../components/version-preview.js";
import { createMetadataTable } from "../components/metadata-table.js";
import { createVersionTimeline } from "../components/version-timeline.js";
import { createVersionDiff } from "../components/version-diff.js";
import { renderDependencyGraph } from "../components/dependency-graph.js";
import { fileList } from "../components/file-list.js";
import { formField } from "../components/form-field.js";
import { problemForm } from "../components/problem-form.js";

const root = $(".asset-detail") ?? $("main");
const assetID = root.dataset.assetId ?? $("main").dataset.assetId;
const base = `/api/v1/assets/${assetID}`;
const readsSource = can("read_source");
const writes = can("write_asset");

const regions = {
  header: $("#asset-header"),
  preview: $("#preview"),
  metadata: $("#metadata"),
  versions: $("#versions"),
  dependencies: $("#dependencies"),
};
// Files sit under the preview, for those who may read them; a Client's page has no such region.
regions.files = readsSource ? h("section", { id: "files", "aria-label": "Files" }) : null;
if (regions.files) regions.preview.after(regions.files);
regions.dependencies.hidden = !readsSource; // the dependency walk is for source readers only

const state = {
  asset: null,
  versions: [],
  selected: 0,
  /** Whether the page moves to a new version when one is added (it shows the latest). */
  followLatest: true,
  names: new Map(),
  showing: 0,
  pendingPoll: null,
};

const preview = createVersionPreview(regions.preview);
const metadata = createMetadataTable(regions.metadata);
regions.versions.replaceChildren(h("h2", {}, "Versions"));
const timeline = createVersionTimeline(regions.versions, {
  canWrite: writes,
  nameOf,
  thumbnailOf: (version) => (version.previews?.kinds?.includes("thumbnail") ? previewURL(version, "thumbnail") : null),
  onSelect: (number) => select(number, { explicit: true }),
  onStatus: setStatus,
  onRevert: revertDialog,
});
const diff = createVersionDiff(regions.versions, { assetID });

/** A preview image's URL, with the previews' revision: made again, they are fetched anew despite immutable caching. */
function previewURL(version, kind) {
  const revision = version.previews?.revision;
  return `${base}/versions/${version.number}/previews/${kind}${revision ? `?r=${encodeURIComponent(revision)}` : ""}`;
}

/** Who a stamp names: a member's display name, "you", the job that made it, or a short id. */
function nameOf(id) {
  if (!id) return "unknown";
  if (id === session.userID) return "you";
  if (id.startsWith("job:")) return `Atlas (${id.slice(4)})`;
  return state.names.get(id) ?? `user …${id.slice(-6)}`; // v7 ids share their leading (time) digits
}

const latest = () => state.versions[0]?.number ?? 0;
const selectedVersion = () => state.versions.find((version) => version.number === state.selected);

// --- header ---

function renderHeader(project) {
  const { asset } = state;
  const version = selectedVersion();
  const idLine = (label, value) => h("span", { class: "asset-id" }, h("span", { class: "muted" }, label), " ",
    h("code", {}, value), copyButton(() => value, { label: "Copy" }));
  regions.header.replaceChildren(...[
    h("div", { class: "asset-title row" },
      h("h1", {}, asset.name),
      h("span", { class: "badge", dataset: { state: asset.status }, title: "Status of the latest version" }, asset.status),
      h("span", { class: "tag" }, asset.type),
      asset.format ? h("span", { class: "tag" }, asset.format) : null,
      asset.deleted_at ? h("span", { class: "badge", dataset: { state: "failed" } }, "deleted") : null),
    h("div", { class: "asset-sub row muted" },
      project ? h("a", { href: `/projects/${project.id}` }, project.name) : null,
      h("span", {}, `created ${formatDate(asset.created_at)} by ${nameOf(asset.created_by)}`),
      asset.tags.map((tag) => h("a", { class: "tag", href: `/?tag=${encodeURIComponent(tag)}` }, tag))),
    asset.description ? h("p", { class: "asset-description" }, asset.description) : null,
    h("div", { class: "asset-ids row" },
      idLine("Asset", asset.id),
      version ? idLine(`v${version.number}`, version.id) : null),
  ].filter(Boolean));
}

let project = null;

// --- one version ---

async function inspectionOf(number) {
  if (!readsSource) return null;
  try {
    return await api.get(`${base}/versions/${number}/inspection`);
  } catch (error) {
    if (error.status !== 404) showError(error);
    return null;
  }
}

async function showDependencies(version) {
  if (!readsSource) return;
  const walk = (direction) => api.get(`${base}/versions/${version.number}/dependencies`,
    { query: { direction, transitive: true, max_depth: 3 } });
  const body = regions.dependencies.querySelector(".dependencies-body") ?? h("div", { class: "dependencies-body" });
  regions.dependencies.replaceChildren(h("h2", {}, "Dependencies"), body);
  body.setAttribute("aria-busy", "true");
  try {
    const [needs, neededBy] = await Promise.all([walk("dependencies"), walk("dependents")]);
    if (state.showing !== version.number) return;
    renderDependencyGraph(body, {
      center: { asset_id: assetID, asset_name: state.asset.name, version: version.number, version_id: version.id },
      dependencies: needs.items, dependents: neededBy.items, showReferences: readsSource,
    });
  } catch (error) {
    body.replaceChildren(h("p", { class: "error" }, `The dependencies could not be loaded: ${problemText(error)}`));
  } finally {
    body.removeAttribute("aria-busy");
  }
}

/** Fills the version's regions; a slower answer for a version no longer shown is dropped. */
async function showVersion({ refreshPreview = true } = {}) {
  const version = selectedVersion();
  if (!version) return;
  state.showing = version.number;
  renderHeader(project);
  timeline.render(state.versions, { selected: version.number, latest: latest() });
  if (regions.files) regions.files.replaceChildren(h("h2", {}, "Files"), fileList(version.files));
  const inspection = await inspectionOf(version.number);
  if (state.showing !== version.number) return;
  if (refreshPreview) {
    preview.show(version, { inspection, revision: version.previews?.revision, assetName: state.asset.name });
  }
  metadata.show({ metadata: version.metadata, inspection });
  watchPending(version);
  showDependencies(version);
}

function select(number, { explicit = false } = {}) {
  if (!state.versions.some((version) => version.number === number)) number = latest();
  if (explicit) state.followLatest = number === latest();
  state.selected = number;
  const url = new URL(location.href);
  if (number === latest() && state.followLatest) url.searchParams.delete("version"); else url.searchParams.set("version", number);
  history.replaceState(null, "", url);
  return showVersion();
}

/**
 * The preview job says how it ended by event (`asset.preview_ready` or `asset.preview_failed`);
 * a pending preview is also asked about now and then, in case the event was missed.
 */
function watchPending(version) {
  clearTimeout(state.pendingPoll);
  if (version.previews?.state !== "pending") return;
  state.pendingPoll = setTimeout(async () => {
    try {
      await reloadVersions();
    } catch {
      // A failed look (the server restarting, a dropped connection) is tried again, not given up.
      watchPending(version);
      return;
    }
    const now = selectedVersion();
    if (now?.previews?.state !== "pending") showVersion(); else watchPending(now);
  }, 10000);
}

// --- versions ---

async function reloadVersions() {
  const versions = [];
  for await (const version of api.page(`${base}/versions`, { limit: 200 })) versions.push(version);
  state.versions = versions;
  diff.setVersions(versions.map((version) => version.number));
}

function replaceVersion(updated) {
  state.versions = state.versions.map((version) => (version.number === updated.number
    ? { ...version, ...updated, previews: updated.previews ?? version.previews } : version));
}

async function setStatus(version, status) {
  try {
    const updated = await api.send("PATCH", `${base}/versions/${version.number}`, {
      json: { status }, headers: { "If-Match": version.etag },
    });
    replaceVersion(updated);
    timeline.render(state.versions, { selected: state.selected, latest: latest() });
    timeline.flash(version.number);
    toast(`v${version.number} is now ${status}.`);
  } catch (error) {
    if (error.status === 412) {
      toast(`v${version.number} was changed by someone else meanwhile; its current status is shown.`, { kind: "error" });
      await reloadVersions();
      timeline.render(state.versions, { selected: state.selected, latest: latest() });
    } else {
      showError(error);
    }
  }
}

function revertDialog(version) {
  const key = idempotencyKey(); // one key per dialog: a double submit makes one version
  const dialog = h("dialog", { "aria-labelledby": "revert-title", class: "revert-dialog" });
  const form = h("form", { class: "dialog-form" },
    h("h2", { id: "revert-title" }, `Revert to v${version.number}?`),
    h("p", {}, `A new version v${latest() + 1} is made with the files and metadata of v${version.number}. Nothing is deleted.`),
    formField("Comment (optional)", { tag: "textarea", name: "comment", rows: 2, idPrefix: "revert", maxlength: 2000 }),
    h("div", { class: "row" }, h("span", { class: "spacer" }),
      h("button", { type: "button", onclick: () => dialog.close() }, "Cancel"),
      h("button", { type: "submit", class: "primary", dataset: { action: "confirm-revert" } }, `Revert to v${version.number}`)));
  problemForm(form, async ({ comment }) => {
    const created = await api.send("POST", `${base}/versions/${version.number}/revert`, {
      json: comment?.trim() ? { comment: comment.trim() } : {}, headers: { "Idempotency-Key": key },
    });
    dialog.close();
    toast(`v${created.number} made from v${version.number}.`);
    await reloadVersions();
    state.followLatest = true;
    await select(created.number);
  });
  dialog.append(form);
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}

// --- live ---

async function onEvent(event) {
  const number = event.data?.version?.number;
  if (event.data?.asset) state.asset = { ...state.asset, ...event.data.asset };
  switch (event.type) {
    case "asset.version_added":
      await reloadVersions();
      if (event.client_id !== api.clientId) toast(`v${number} was added.`);
      if (state.followLatest) return select(latest());
      timeline.render(state.versions, { selected: state.selected, latest: latest() });
      return renderHeader(project);
    case "asset.version_status_changed":
      await reloadVersions();
      timeline.render(state.versions, { selected: state.selected, latest: latest() });
      timeline.flash(number);
      return renderHeader(project);
    case "asset.preview_ready":
      await reloadVersions();
      if (number === state.selected) return showVersion();
      return timeline.render(state.versions, { selected: state.selected, latest: latest() });
    case "asset.preview_failed": // the reason replaces "Making the preview…"
      await reloadVersions();
      if (number === state.selected) return showVersion();
      return timeline.render(state.versions, { selected: state.selected, latest: latest() });
    case "asset.version_inspected":
      if (number === state.selected) return showVersion({ refreshPreview: false });
      return undefined;
    default:
      return renderHeader(project);
  }
}

// --- start ---

async function loadNames() {
  if (!can("read_members")) return;
  try {
    for await (const member of api.page(`/api/v1/projects/${state.asset.project_id}/members`)) {
      state.names.set(member.user_id, member.display_name || member.username);
    }
  } catch { /* names are a nicety: ids stand in */ }
}

async function start() {
  try {
    state.asset = await api.get(base);
  } catch (error) {
    regions.header.replaceChildren(h("h1", {}, "Asset not found"),
      h("p", { class: "error" }, error.status === 404 ? "It does not exist or is not in one of your projects." : problemText(error)));
    return;
  }
  document.title = `${state.asset.name} · Blacksmith Atlas`;
  // Subscribed before the versions are read, so nothing added meanwhile is missed; events wait
  // for the first showing and then run one after another.
  let queue = (async () => {
    [project] = await Promise.all([
      api.get(`/api/v1/projects/${state.asset.project_id}`).catch(() => null),
      loadNames(),
      reloadVersions(),
    ]);
    const asked = Number(new URL(location.href).searchParams.get("version"));
    state.followLatest = !asked || asked === latest();
    await select(asked || latest());
  })();
  events.subscribe([`asset:${assetID}`], (event) => { queue = queue.then(() => onEvent(event)).catch(showError); });
  await queue;
}

start().catch(showError);
