// "Every frame" beside a tool's image input: offered once the chosen version holds an image
// sequence, it turns the run into one batch over every frame, filed back as one sequence
// (`POST /api/v1/ai-tools/{name}/batch` with `sequence`).
import { api } from "../core/api.js";
import { h } from "../core/dom.js";

// The frame number ends the name before its extension and follows "." or "_" (as the server reads it).
const FRAME = /^(.*[._])(-?\d{1,9})(\.[^./]+)$/;

/**
 * The largest group of numbered frames among `paths`, or null when none has two frames.
 * @param {string[]} paths
 * @returns {{count: number, first: number, last: number}|null}
 */
export function sequenceFrames(paths) {
  const groups = new Map();
  for (const path of paths) {
    const match = FRAME.exec(path);
    if (!match) continue;
    const key = `${match[1]}\u0000${match[3]}`;
    groups.set(key, [...(groups.get(key) ?? []), Number(match[2])]);
  }
  const frames = [...groups.values()].sort((a, b) => b.length - a.length)[0];
  if (!frames || frames.length < 2) return null;
  return { count: frames.length, first: Math.min(...frames), last: Math.max(...frames) };
}

/**
 * A checkbox for one image input, hidden until its chosen version holds a sequence.
 * @param {HTMLInputElement} image the picker's hidden input (`data-asset-id`, `data-number` once chosen)
 * @returns {{element: HTMLElement, input: string, checked: () => boolean, check: () => void}}
 *   `check()` ticks it as soon as the chosen version turns out to hold a sequence (a prefilled re-run).
 */
export function sequenceChoice(image) {
  const box = h("input", { type: "checkbox", class: "tool-sequence", dataset: { sequenceInput: image.name } });
  const text = h("span", {});
  const element = h("label", { class: "row tool-sequence-choice", hidden: true }, box, text);
  let wanted = false;
  let asked = 0; // a later choice wins over an earlier answer still on its way

  image.addEventListener("change", async () => {
    const ask = ++asked;
    element.hidden = true;
    if (!image.dataset.assetId) return;
    try {
      const version = await api.get(`/api/v1/assets/${image.dataset.assetId}/versions/${image.dataset.number}`);
      const frames = sequenceFrames((version.files ?? []).map((file) => file.path));
      if (ask !== asked) return;
      box.checked = Boolean(frames) && (box.checked || wanted);
      wanted = false;
      if (!frames) return;
      text.textContent = `Every frame: ${frames.count} frames (${frames.first}–${frames.last}), filed back as one sequence`;
      element.hidden = false;
    } catch {
      // The choice is a nicety: without it the tool runs on the version's first file.
    }
  });

  return {
    element,
    input: image.name,
    checked: () => !element.hidden && box.checked,
    check: () => { wanted = true; if (!element.hidden) box.checked = true; },
  };
}
