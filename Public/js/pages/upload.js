// /upload: choose a project, drop files and folders (or pick them), see the assets they will
// make (sequences grouped), edit names, send. Files go hash-first; each file shows its own
// state and error, the whole run its bytes and rate.
import "../core/shell.js";
import { api } from "../core/api.js";
import { h, $, clear, formatBytes } from "../core/dom.js";
import { can } from "../core/session.js";
import { toast, showError } from "../core/toast.js";
import { filesFromDrop, filesFromInput } from "../upload/file-walker.js";
import { checkFile, fileFormat } from "../upload/file-check.js";
import { planAssets } from "../upload/sequence-grouping.js";
import { UploadQueue } from "../upload/upload-queue.js";
import { UploadPlan } from "../upload/upload-plan.js";
import { watchInspection } from "../upload/inspection-watch.js";

const root = $("#upload");
/** How many files are hashed and sent at once. */
const CONCURRENCY = 3;

/** Planned and sent assets, in plan order. */
let assets = [];
/** Files refused before sending (empty, not what their name claims). */
let rejected = [];

const project = h("select", { id: "upload-project", required: true });
const filesInput = h("input", { type: "file", id: "upload-files", multiple: true, class: "visually-hidden" });
const folderInput = h("input", { type: "file", id: "upload-folder", multiple: true, webkitdirectory: true, class: "visually-hidden" });
const dropzone = h("div", { id: "upload-dropzone", class: "dropzone" },
  h("p", { class: "dropzone-title" }, "Drop files or folders here"),
  h("p", { class: "muted" }, "Numbered frames (plate.1001.exr, plate_1002.exr …) in one folder become one sequence asset."),
  h("div", { class: "row" },
    filesInput, h("label", { for: "upload-files", class: "button" }, "Choose files…"),
    folderInput, h("label", { for: "upload-folder", class: "button" }, "Choose a folder…")));
const startButton = h("button", { type: "button", id: "upload-start", class: "primary", disabled: true }, "Upload");
const cancelButton = h("button", { type: "button", id: "upload-cancel", hidden: true }, "Cancel");
const clearButton = h("button", { type: "button", id: "upload-clear", hidden: true }, "Clear list");
const overallBar = h("progress", { id: "upload-progress", max: 1, value: 0, "aria-label": "Overall progress" });
const summary = h("span", { id: "upload-summary", class: "summary", "aria-live": "polite" });
const planContainer = h("div", { id: "upload-plan" });

const queue = new UploadQueue({ concurrency: CONCURRENCY, onChange: (item) => { plan.refresh(item); scheduleSummary(); } });
const plan = new UploadPlan(planContainer, {
  onRemove: (asset) => { assets = assets.filter((a) => a !== asset); redraw(); },
  onEdit: () => updateControls(),
});

async function loadProjects() {
  const wanted = root.dataset.projectId || new URLSearchParams(location.search).get("project") || "";
  project.append(h("option", { value: "" }, "Choose a project…"));
  try {
    for await (const item of api.page("/api/v1/projects", { status: "active", limit: 500 })) {
      project.append(h("option", { value: item.id, selected: item.id === wanted }, `${item.name} (${item.code})`));
    }
  } catch (error) {
    showError(error);
  }
  const note = $("#upload-project-note");
  if (project.options.length === 1) {
    note.append("No active project you belong to. ", h("a", { href: "/projects" }, "Projects"));
  } else if (wanted && project.value !== wanted) {
    note.textContent = "The project in the link is archived or not yours; choose another.";
  }
  updateControls();
}

function wireInputs() {
  project.addEventListener("change", updateControls);
  for (const input of [filesInput, folderInput]) {
    input.addEventListener("change", () => {
      addFiles(filesFromInput(input));
      input.value = "";
    });
  }
  // A file dropped anywhere else would make the browser open it and leave the page.
  for (const type of ["dragover", "drop"]) document.addEventListener(type, (event) => event.preventDefault());
  dropzone.addEventListener("dragenter", () => { dropzone.dataset.over = ""; });
  dropzone.addEventListener("dragover", (event) => { event.dataTransfer.dropEffect = "copy"; });
  dropzone.addEventListener("dragleave", (event) => {
    if (!dropzone.contains(event.relatedTarget)) delete dropzone.dataset.over;
  });
  dropzone.addEventListener("drop", (event) => {
    delete dropzone.dataset.over;
    filesFromDrop(event.dataTransfer).then(addFiles, showError);
  });
  startButton.addEventListener("click", send);
  cancelButton.addEventListener("click", () => queue.cancel());
  clearButton.addEventListener("click", () => {
    assets = assets.filter((a) => a.state !== "created");
    rejected = [];
    redraw();
  });
}

/** Where a file came from and when it last changed: the same file chosen twice is planned once. */
const identity = ({ file, path }) => `${path}\u0000${file.size}\u0000${file.lastModified}`;

/**
 * Adds dropped or picked files to the plan. Assets not sent yet are planned again with them,
 * so frames dropped in two goes still make one sequence; edited names and types are kept.
 * @param {{file: File, path: string}[]} dropped
 */
async function addFiles(dropped) {
  const known = new Set([...assets.filter(isUntouched).flatMap((a) => a.files.map((f) => identity(f.entry))), ...rejected.map((f) => identity(f.entry))]);
  const fresh = dropped.filter((d) => !known.has(identity(d)));
  if (!fresh.length) return;
  const checked = await Promise.all(fresh.map(async (entry) => ({ ...entry, ...(await checkFile(entry.file, entry.path)) })));
  for (const entry of checked.filter((e) => e.issue)) {
    rejected.push({ file: entry.file, path: entry.path, entry, state: "failed", error: entry.issue, hashed: 0, sent: 0 });
  }
  const replanned = assets.filter(isUntouched);
  const edits = new Map(replanned.map((a) => [a.source, { name: a.name, type: a.type }]));
  const entries = [...replanned.flatMap((a) => a.files.map((f) => f.entry)), ...checked.filter((e) => !e.issue)];
  const planned = planAssets(entries).map((group) => ({
    ...group,
    ...edits.get(group.source),
    state: "queued", error: null, created: null,
    files: group.members.map(({ path, entry }) => ({ file: entry.file, path, entry, state: "queued", sha256: null, hashed: 0, sent: 0, error: null })),
  }));
  assets = [...assets.filter((a) => !isUntouched(a)), ...planned];
  redraw();
}

/** Not sent or started yet: may still be regrouped. */
const isUntouched = (asset) => asset.state === "queued" && asset.files.every((f) => f.state === "queued" && !f.sha256);

function redraw() {
  plan.render(assets, rejected);
  updateControls();
  updateSummary();
}

const pending = () => assets.filter((a) => a.state !== "created");

function updateControls() {
  const names = pending().every((a) => a.name.trim());
  startButton.disabled = queue.running || !project.value || !pending().length || !names;
  const count = pending().length;
  startButton.textContent = count ? `Upload ${count} asset${count === 1 ? "" : "s"}` : "Upload";
  cancelButton.hidden = !queue.running;
  clearButton.hidden = queue.running || (!assets.length && !rejected.length);
  project.disabled = queue.running;
}

async function send() {
  const projectID = project.value;
  const batch = pending();
  plan.lock(true);
  const started = performance.now();
  sampling = setInterval(sampleRate, 500);
  const running = queue.run(batch, projectID);
  updateControls();
  await running;
  clearInterval(sampling);
  plan.lock(false);
  updateControls();
  updateSummary();
  const created = batch.filter((a) => a.state === "created");
  for (const asset of created) followInspection(asset);
  const failed = batch.filter((a) => a.state === "failed").length;
  const cancelled = batch.filter((a) => a.state === "queued").length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  toast(`${created.length} asset${created.length === 1 ? "" : "s"} created${failed ? `, ${failed} failed` : ""}`
    + `${cancelled ? `, ${cancelled} cancelled` : ""} in ${seconds} s.`, { kind: failed ? "error" : "info" });
}

/** Shows what the server's inspection found, on the file it found it in. */
function followInspection(asset) {
  if (asset.watching) return;
  asset.watching = true;
  watchInspection(asset.created.id, asset.created.latest_version ?? 1, (report) => {
    for (const file of asset.files) {
      // Content of a kind Atlas does not read, under a name that claims no format, is simply
      // `other` (as `atlas ingest` takes it), not an error.
      const issues = (report.files.get(file.path) ?? [])
        .filter((issue) => !(issue.code === "format_unrecognized" && !fileFormat(file.path)));
      if (issues.length) { file.issues = issues; plan.refresh(file); }
    }
    asset.issues = report.sequences;
    asset.inspected = asset.files.some((f) => f.issues?.some((i) => i.severity === "error")) ? "error"
      : asset.files.some((f) => f.issues?.length) || report.sequences.length ? "warning" : "clean";
    plan.refresh(asset);
  });
}

// --- overall progress and rate ---

let sampling = 0;
let samples = [];
let summaryFrame = 0;

function sampleRate() {
  const now = performance.now();
  samples.push([now, queue.bytesSent]);
  samples = samples.filter(([t]) => now - t <= 3000);
}

/** Bytes per second over the last few seconds. */
function rate() {
  if (samples.length < 2) return 0;
  const [[t0, b0], [t1, b1]] = [samples[0], samples[samples.length - 1]];
  return t1 > t0 ? ((b1 - b0) * 1000) / (t1 - t0) : 0;
}

function scheduleSummary() {
  summaryFrame ||= requestAnimationFrame(() => { summaryFrame = 0; updateSummary(); });
}

function updateSummary() {
  const files = assets.flatMap((a) => a.files);
  const total = files.reduce((sum, f) => sum + f.file.size, 0);
  const held = files.reduce((sum, f) => sum + (f.state === "done" || f.state === "skipped" ? f.file.size : f.state === "uploading" ? f.sent : 0), 0);
  const count = (state) => files.filter((f) => f.state === state).length;
  overallBar.value = total ? held / total : 0;
  overallBar.hidden = !files.length;
  clear(summary);
  if (!files.length && !rejected.length) return;
  const parts = [`${assets.length} asset${assets.length === 1 ? "" : "s"}, ${files.length} file${files.length === 1 ? "" : "s"}`];
  parts.push(queue.running || held ? `${formatBytes(held)} of ${formatBytes(total)} stored` : formatBytes(total));
  if (queue.running && rate() > 0) parts.push(`${formatBytes(rate())}/s`);
  if (count("done")) parts.push(`${count("done")} sent`);
  if (count("skipped")) parts.push(`${count("skipped")} already stored`);
  const failed = count("failed") + rejected.length;
  if (failed) parts.push(`${failed} failed`);
  summary.textContent = parts.join(" · ");
}

if (!can("upload_content")) {
  root.append(h("p", { class: "notice" }, "Your account's role cannot upload content. An artist, producer or administrator of the project can."));
} else {
  root.append(
    h("div", { class: "row upload-target" }, h("label", { for: "upload-project" }, "Project"), project,
      h("span", { id: "upload-project-note", class: "muted" })),
    dropzone,
    h("div", { class: "row upload-actions" }, startButton, cancelButton, clearButton, overallBar, summary),
    planContainer);
  wireInputs();
  loadProjects();
  redraw();
}
