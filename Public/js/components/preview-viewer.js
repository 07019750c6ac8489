// A zoomable, pannable view of one image, or of one rectangle of it (a contact sheet cell).
// The stage is moved with a CSS transform set from script, which the CSP allows, so zooming
// never re-decodes the image.
import { h } from "../core/dom.js";

const MIN_SCALE = 0.05;
const MAX_SCALE = 32;
const STEP = 1.25;

/**
 * Creates a viewer. `show({src, alt, crop})` displays an image (crop: {x, y, width, height} in
 * image pixels); `showMessage(text, {busy})` replaces it with a message (a spinner when busy).
 * Keys on the focused view: + and − zoom, 0 fits, 1 shows actual size.
 * @param {{label?: string}} options
 */
export function createPreviewViewer({ label = "Preview" } = {}) {
  const image = h("img", { class: "preview-image", alt: "", draggable: "false" });
  const stage = h("div", { class: "preview-stage" }, image);
  const message = h("div", { class: "preview-message", role: "status", hidden: true });
  const caption = h("div", { class: "preview-caption", hidden: true });
  const viewport = h("div", {
    class: "preview-viewport", tabindex: "0", role: "group",
    "aria-label": `${label}: drag to pan, + and − to zoom, 0 to fit, 1 for actual size`,
  }, stage, message, caption);
  const zoomText = h("output", { class: "preview-zoom", "aria-live": "off" }, "");
  const zoomButtons = [
    h("button", { type: "button", "aria-label": "Zoom out", title: "Zoom out (−)", onclick: () => zoomBy(1 / STEP) }, "−"),
    h("button", { type: "button", "aria-label": "Zoom in", title: "Zoom in (+)", onclick: () => zoomBy(STEP) }, "+"),
    h("button", { type: "button", title: "Fit (0)", onclick: () => fit() }, "Fit"),
    h("button", { type: "button", title: "Actual size (1)", onclick: () => zoomTo(1) }, "1:1")];
  const toolbar = h("div", { class: "preview-toolbar", role: "toolbar", "aria-label": "Zoom" }, zoomButtons.slice(0, 1), zoomText, zoomButtons.slice(1));
  const element = h("div", { class: "preview-viewer" }, viewport, toolbar);

  // The content's size in image pixels, and how it is placed: screen = offset + content × scale.
  let content = { width: 0, height: 0 };
  let view = { scale: 1, x: 0, y: 0 };
  let fitting = true;
  let token = 0;

  function apply() {
    stage.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
    zoomText.value = `${Math.round(view.scale * 100)}%`;
    // Pixels shown as squares only when the user zooms in to look at them.
    stage.toggleAttribute("data-pixelated", !fitting && view.scale >= 2);
  }

  function fit() {
    fitting = true;
    const box = viewport.getBoundingClientRect();
    if (!content.width || !box.width) return;
    const scale = Math.min(box.width / content.width, box.height / content.height) || 1;
    view = { scale, x: (box.width - content.width * scale) / 2, y: (box.height - content.height * scale) / 2 };
    apply();
  }

  /** Zooms to `scale` keeping the point (px, py) of the viewport still (its centre by default). */
  function zoomTo(scale, px, py) {
    const box = viewport.getBoundingClientRect();
    px ??= box.width / 2;
    py ??= box.height / 2;
    const next = Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
    view = { scale: next, x: px - (px - view.x) * (next / view.scale), y: py - (py - view.y) * (next / view.scale) };
    fitting = false;
    apply();
  }

  const zoomBy = (factor, px, py) => zoomTo(view.scale * factor, px, py);

  viewport.addEventListener("wheel", (event) => {
    if (message.hidden === false) return;
    event.preventDefault();
    const box = viewport.getBoundingClientRect();
    zoomBy(Math.exp(-event.deltaY * 0.0015), event.clientX - box.left, event.clientY - box.top);
  }, { passive: false });

  viewport.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const actions = { "+": () => zoomBy(STEP), "=": () => zoomBy(STEP), "-": () => zoomBy(1 / STEP), "0": fit, "1": () => zoomTo(1) };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });

  let drag = null;
  viewport.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    drag = { id: event.pointerId, x: event.clientX - view.x, y: event.clientY - view.y };
    viewport.setPointerCapture(event.pointerId);
    viewport.dataset.dragging = "";
  });
  viewport.addEventListener("pointermove", (event) => {
    if (drag?.id !== event.pointerId) return;
    view = { ...view, x: event.clientX - drag.x, y: event.clientY - drag.y };
    fitting = false;
    apply();
  });
  const endDrag = () => { drag = null; delete viewport.dataset.dragging; };
  viewport.addEventListener("pointerup", endDrag);
  viewport.addEventListener("pointercancel", endDrag);
  viewport.addEventListener("dblclick", () => (fitting ? zoomTo(1) : fit()));

  new ResizeObserver(() => { if (fitting) fit(); }).observe(viewport);

  /**
   * Lays the image out: `crop` picks a rectangle of it, `size` is the size it stands for (a
   * contact sheet cell shown as big as the frame it is), so frames of one sequence line up.
   */
  function place(crop, size) {
    const part = crop ?? { x: 0, y: 0, width: image.naturalWidth, height: image.naturalHeight };
    const width = size?.width ?? part.width;
    const height = size?.height ?? part.height;
    const sameSize = width === content.width && height === content.height;
    content = { width, height };
    const k = width / part.width;
    stage.style.width = `${width}px`;
    stage.style.height = `${height}px`;
    image.style.transform = `translate(${-part.x * k}px, ${-part.y * k}px) scale(${k})`;
    // Stepping through frames of one size keeps the zoom and pan the user chose.
    if (fitting || !sameSize) fit(); else apply();
  }

  /** With no image the zoom controls rest; `collapse` shrinks the view (no preview at all). */
  function setEmpty(empty, collapse = empty) {
    element.toggleAttribute("data-empty", collapse);
    message.hidden = !empty;
    stage.hidden = empty;
    for (const button of zoomButtons) button.disabled = empty;
    if (empty) zoomText.value = "";
  }

  /**
   * Replaces the image with a message; `busy` shows a spinner (the preview is being made).
   * `collapse: false` keeps the view's height (a missing frame while scrubbing).
   */
  function showMessage(text, { busy = false, collapse = true } = {}) {
    token += 1;
    setEmpty(true, collapse);
    message.toggleAttribute("aria-busy", busy);
    message.replaceChildren(busy ? h("span", { class: "spinner", "aria-hidden": "true" }) : "", h("span", {}, text));
  }

  return {
    element,
    viewport,
    /**
     * Shows an image; resolves once it is displayed (false when it failed to load or was superseded).
     * `crop` (image pixels) shows one rectangle of it, drawn at `size` when given (see `place`).
     */
    show({ src, alt = "", crop = null, size = null }) {
      const mine = ++token;
      image.alt = alt;
      return new Promise((resolve) => {
        const done = () => {
          if (mine !== token) return resolve(false);
          setEmpty(false);
          place(crop, size);
          resolve(true);
        };
        if (image.getAttribute("src") === src && image.complete && image.naturalWidth) return done();
        image.onload = done;
        image.onerror = () => {
          if (mine !== token) return resolve(false);
          showMessage("The image could not be loaded.");
          resolve(false);
        };
        image.src = src;
      });
    },
    showMessage,
    /** A short line over the image (the frame shown, or why another one is). */
    setCaption(text) {
      caption.hidden = !text;
      caption.textContent = text ?? "";
    },
    fit,
    zoomTo,
  };
}
