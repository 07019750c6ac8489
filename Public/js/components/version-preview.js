// What a version looks like: its generated preview in the zoomable viewer, or why there is none
// yet; for an image sequence, a frame scrubber. A frame is shown from its own file when the
// browser can read it and the user may read sources, otherwise from the contact sheet cell of
// the nearest frame on it (the proxy is the middle frame, so that one is shown sharp).
import { h } from "../core/dom.js";
import { can } from "../core/session.js";
import { createPreviewViewer } from "./preview-viewer.js";
import { createFrameScrubber } from "./frame-scrubber.js";
import { longestSequence, frameLabel } from "./image-sequence.js";
import { contactSheetLayout } from "./contact-sheet.js";

const sizes = new Map();
/** An image's natural size (the browser caches the bytes for the viewer). */
function naturalSize(src) {
  if (!sizes.has(src)) {
    sizes.set(src, new Promise((resolve, reject) => {
      const probe = new Image();
      probe.onload = () => resolve({ width: probe.naturalWidth, height: probe.naturalHeight });
      probe.onerror = () => { sizes.delete(src); reject(new Error("not loaded")); };
      probe.src = src;
    }));
  }
  return sizes.get(src);
}

/** Frames the server could read: the inspection, when the user may see it, names the broken ones. */
function readableFrames(sequence, inspection) {
  const broken = new Set((inspection?.files ?? [])
    .filter((file) => !file.image || (file.issues ?? []).some((issue) => issue.severity === "error"))
    .map((file) => file.file_name));
  const readable = sequence.frames.filter((frame) => !broken.has(sequence.fileOf(frame)));
  return readable.length ? readable : sequence.frames;
}

const STATE_TEXT = {
  pending: () => "Making the preview…",
  unavailable: (reason) => `No preview${reason ? `: ${reason}` : "."}`,
  failed: (reason) => `The preview could not be made${reason ? `: ${reason}` : "."}`,
};

/**
 * Fills `section` with the viewer. `show(version, {inspection, revision})` displays a version;
 * `revision` changes the preview URLs after the server made them again.
 */
export function createVersionPreview(section) {
  const viewer = createPreviewViewer({ label: "Preview" });
  const modes = h("div", { class: "preview-modes", role: "group", "aria-label": "Show", hidden: true });
  const scrubberSlot = h("div", { class: "preview-scrubber" });
  viewer.element.querySelector(".preview-toolbar").append(modes);
  section.replaceChildren(viewer.element, scrubberSlot);

  let current = null; // {version, title, sequence, layout, middle, urls, scrubber}

  viewer.viewport.addEventListener("keydown", (event) => {
    if (!current?.scrubber || !["ArrowLeft", "ArrowRight"].includes(event.key)) return;
    event.preventDefault();
    current.scrubber.step((event.key === "ArrowLeft" ? -1 : 1) * (event.shiftKey ? 10 : 1));
  });

  function previewURL(version, kind, revision) {
    const url = `/api/v1/assets/${version.asset_id}/versions/${version.number}/previews/${kind}`;
    return revision ? `${url}?r=${encodeURIComponent(revision)}` : url;
  }

  /** The size frames are drawn at: the proxy's (the middle frame), so every frame lines up with it. */
  async function frameSize() {
    try {
      return current.urls.proxy ? await naturalSize(current.urls.proxy) : null;
    } catch {
      return null;
    }
  }

  let asked = 0;
  async function showFrame(frame) {
    const mine = ++asked;
    const { version, sequence, layout, middle, urls } = current;
    const label = frameLabel(sequence, frame);
    if (sequence.isMissing(frame)) {
      viewer.setCaption(`Frame ${label}`);
      return viewer.showMessage(`Frame ${label} is missing from the sequence.`, { collapse: false });
    }
    const file = version.files.find((f) => f.path === sequence.fileOf(frame));
    const size = await frameSize();
    const sheetSize = layout && urls.contact_sheet ? await naturalSize(urls.contact_sheet).catch(() => null) : null;
    if (mine !== asked) return false; // a later frame was asked for meanwhile
    if (frame === middle && urls.proxy) {
      viewer.setCaption(`Frame ${label}`);
      return viewer.show({ src: urls.proxy, alt: `${current.title}, frame ${label}` });
    }
    if (sequence.browserReadable && can("read_source") && file) {
      viewer.setCaption(`Frame ${label}`);
      return viewer.show({ src: file.url, alt: `Frame ${label}`, size });
    }
    if (sheetSize) {
      const cell = layout.cellFor(frame, sheetSize.width, sheetSize.height);
      const shown = frameLabel(sequence, cell.frame);
      viewer.setCaption(cell.frame === frame ? `Frame ${label} (from the contact sheet)`
        : `Frame ${label}: nearest on the contact sheet is ${shown}`);
      return viewer.show({ src: urls.contact_sheet, crop: cell.crop, size, alt: `Frame ${shown}` });
    }
    viewer.setCaption(`Frame ${frameLabel(sequence, middle)} (only the middle frame has a preview)`);
    return viewer.show({ src: urls.proxy ?? urls.thumbnail, alt: `Frame ${frameLabel(sequence, middle)}` });
  }

  function pressMode(sheet) {
    for (const button of modes.children) button.setAttribute("aria-pressed", String(button.dataset.mode === (sheet ? "sheet" : "frame")));
  }

  function showWholeSheet(on) {
    pressMode(on);
    if (on) {
      asked += 1;
      viewer.setCaption(`Contact sheet: ${current.layout.shown.length} of ${current.sequence.frames.length} frames`);
      viewer.show({ src: current.urls.contact_sheet, alt: "Contact sheet" });
    } else {
      showFrame(current.scrubber.value);
    }
  }

  function buildModes() {
    const button = (mode, text) => h("button", {
      type: "button", dataset: { mode }, "aria-pressed": String(mode === "frame"), onclick: () => showWholeSheet(mode === "sheet"),
    }, text);
    modes.replaceChildren(button("frame", "Frame"), button("sheet", "Contact sheet"));
    modes.hidden = false;
  }

  return {
    /** Shows `version` (a version body); `inspection` when the user may read it. */
    show(version, { inspection = null, revision = "", assetName = "" } = {}) {
      const previews = version.previews ?? { state: "pending", kinds: [] };
      const urls = Object.fromEntries(previews.kinds.map((kind) => [kind, previewURL(version, kind, revision)]));
      const sequence = previews.state === "ready" ? longestSequence(version.files.map((f) => f.path)) : null;
      const keepFrame = current?.version.number === version.number ? current.scrubber?.value : undefined;
      current = { version, title: `${assetName} v${version.number}`, sequence, urls, scrubber: null };
      scrubberSlot.replaceChildren();
      modes.hidden = true;
      section.dataset.previewState = previews.state;
      if (previews.state !== "ready") {
        viewer.setCaption("");
        return viewer.showMessage(STATE_TEXT[previews.state]?.(previews.reason) ?? previews.state, { busy: previews.state === "pending" });
      }
      viewer.setCaption(previews.reason ? `Note: ${previews.reason}` : "");
      if (!sequence || !urls.proxy) {
        return viewer.show({ src: urls.proxy ?? urls.thumbnail ?? urls.contact_sheet, alt: current.title });
      }
      const readable = readableFrames(sequence, inspection);
      current.middle = readable[Math.floor(readable.length / 2)];
      current.layout = urls.contact_sheet ? contactSheetLayout(readable) : null;
      current.scrubber = createFrameScrubber(sequence, {
        value: keepFrame ?? current.middle,
        onChange: (frame) => { pressMode(false); showFrame(frame); },
      });
      scrubberSlot.append(current.scrubber.element);
      if (current.layout) buildModes();
      return showFrame(current.scrubber.value);
    },
  };
}
