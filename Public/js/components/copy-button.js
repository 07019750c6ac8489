// A button that copies a text to the clipboard and says so.
import { h } from "../core/dom.js";
import { toast } from "../core/toast.js";

/**
 * Copies with the Clipboard API (secure contexts only), else by selecting `fallbackInput`, or a
 * short-lived off-screen one, and asking the document to copy.
 */
async function copy(text, fallbackInput) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const input = fallbackInput ?? h("textarea", { readonly: true, "aria-hidden": "true" }, text);
    if (!fallbackInput) {
      Object.assign(input.style, { position: "fixed", left: "-9999px", top: "0" });
      document.body.append(input);
    }
    const focused = document.activeElement;
    input.focus();
    input.select();
    const done = document.execCommand("copy");
    if (!fallbackInput) { input.remove(); focused?.focus?.(); }
    return done;
  }
}

/**
 * @param {() => string} text what to copy, read when clicked
 * @param {{label?: string, input?: HTMLInputElement}} options `input` shows the text, selected when the clipboard is out of reach
 */
export function copyButton(text, { label = "Copy", input } = {}) {
  const button = h("button", { type: "button", class: "copy-button" }, label);
  button.addEventListener("click", async () => {
    const done = await copy(text(), input);
    button.textContent = done ? "Copied" : "Select and copy";
    if (!done) toast("The browser would not copy: the text is selected, press Ctrl+C.", { kind: "error" });
    setTimeout(() => { button.textContent = label; }, 2000);
  });
  return button;
}
