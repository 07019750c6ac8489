// A slider over a sequence's frame range that says which frame is current and marks the
// frames that are missing. Arrow keys on the slider step one frame (the browser's own range
// behaviour); `step` lets the page bind the same keys elsewhere.
import { h } from "../core/dom.js";
import { frameLabel } from "./image-sequence.js";

/**
 * @param {object} sequence from image-sequence.js `longestSequence`
 * @param {{value?: number, onChange: (frame: number) => void}} options
 */
export function createFrameScrubber(sequence, { value = sequence.first, onChange }) {
  const { first, last } = sequence;
  const missing = sequence.isMissing;
  const span = Math.max(1, last - first);
  const describe = (frame) => `Frame ${frameLabel(sequence, frame)}${missing(frame) ? " (missing)" : ""}`;

  const slider = h("input", {
    type: "range", class: "scrubber-slider", min: first, max: last, step: 1, value,
    "aria-label": "Frame", "aria-valuetext": describe(value),
  });
  const marks = h("div", { class: "scrubber-marks", "aria-hidden": "true" },
    sequence.missingRanges.map(([start, end]) => {
      const mark = h("span", { class: "scrubber-missing", title: start === end ? `${start} missing` : `${start}–${end} missing` });
      mark.style.left = `${((start - first - 0.5) / span) * 100}%`;
      mark.style.width = `${Math.max(((end - start + 1) / span) * 100, 0.6)}%`;
      return mark;
    }));
  const number = h("output", { class: "scrubber-frame" });
  const state = h("span", { class: "scrubber-state" });
  const summary = `${frameLabel(sequence, first)}–${frameLabel(sequence, last)} · ${sequence.frames.length} frames`
    + (sequence.missingCount ? ` · ${sequence.missingCount} missing` : "");

  function set(frame, { notify = true } = {}) {
    const clamped = Math.min(last, Math.max(first, Math.round(frame)));
    slider.value = String(clamped);
    slider.setAttribute("aria-valuetext", describe(clamped));
    number.value = frameLabel(sequence, clamped);
    state.textContent = missing(clamped) ? "missing" : "";
    number.toggleAttribute("data-missing", missing(clamped));
    if (notify) onChange(clamped);
  }

  const step = (delta) => set(Number(slider.value) + delta);
  slider.addEventListener("input", () => set(Number(slider.value)));

  const element = h("div", { class: "frame-scrubber" },
    h("button", { type: "button", "aria-label": "Previous frame", title: "Previous frame (←)", onclick: () => step(-1) }, "◀"),
    h("div", { class: "scrubber-track" }, slider, marks),
    h("button", { type: "button", "aria-label": "Next frame", title: "Next frame (→)", onclick: () => step(1) }, "▶"),
    h("span", { class: "scrubber-readout" }, number, state),
    h("span", { class: "scrubber-summary muted" }, summary));
  set(value, { notify: false });

  return { element, set, step, get value() { return Number(slider.value); } };
}
