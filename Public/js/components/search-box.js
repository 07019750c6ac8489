// The search field of a list: reports its text once typing pauses, at once on Enter; Esc
// clears it, or leaves it when already empty; ArrowDown hands over to the results.
import { debounce } from "../core/dom.js";

/**
 * Wires `input` (a type=search field).
 * @param {HTMLInputElement} input
 * @param {object} options
 * @param {(text: string) => void} options.onSearch the trimmed text, after a pause or Enter
 * @param {() => void} [options.onLeave] ArrowDown or Esc on an empty field: focus the results
 * @param {number} [options.wait] ms of quiet before searching
 * @returns {{set(text: string): void}} sets the text without reporting it (state restored from the URL)
 */
export function searchBox(input, { onSearch, onLeave, wait = 200 }) {
  let reported = input.value.trim();
  const report = () => {
    const text = input.value.trim();
    if (text === reported) return;
    reported = text;
    onSearch(text);
  };
  const later = debounce(report, wait);
  // "search" fires when the field's own clear button empties it.
  input.addEventListener("input", later);
  input.addEventListener("search", report);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      report();
    } else if (event.key === "Escape") {
      event.preventDefault();
      if (input.value) {
        input.value = "";
        report();
      } else {
        input.blur();
        onLeave?.();
      }
    } else if (event.key === "ArrowDown" && onLeave) {
      event.preventDefault();
      report();
      onLeave();
    }
  });
  return {
    set(text) {
      input.value = text;
      reported = text.trim();
    },
  };
}
