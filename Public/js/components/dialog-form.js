// A modal form: Cancel and a primary submit button, problems shown by `problemForm`; it closes
// once `send` succeeds and leaves the document when closed.
import { h } from "../core/dom.js";
import { problemForm } from "./problem-form.js";

/**
 * Opens the dialog at once.
 * @param {string} title heading and accessible name
 * @param {Node[]} fields the form's controls
 * @param {string} submitLabel
 * @param {(values: object) => Promise<void>} send called with the form's values
 * @param {object} submitAttributes more attributes of the submit button (`dataset` for tests)
 * @returns {HTMLDialogElement}
 */
export function dialogForm(title, fields, submitLabel, send, submitAttributes = {}) {
  const dialog = h("dialog", { "aria-label": title });
  const form = h("form", { class: "dialog-form" }, h("h2", {}, title), fields,
    h("div", { class: "row" }, h("span", { class: "spacer" }),
      h("button", { type: "button", onclick: () => dialog.close() }, "Cancel"),
      h("button", { type: "submit", class: "primary", ...submitAttributes }, submitLabel)));
  problemForm(form, async (values) => { await send(values); dialog.close(); });
  dialog.append(form);
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}
