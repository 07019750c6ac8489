// Submitting a form to the API: the button is disabled while it runs, a problem's field errors
// go beside their fields and anything else into one line under the form.
import { h } from "../core/dom.js";
import { showFieldErrors, clearFieldErrors } from "./field-errors.js";

/** An error a form raises itself before asking the server, shaped like an API problem. */
export class FormProblem extends Error {
  /** @param {{field: string, message: string}[]} errors */
  constructor(errors) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join("; "));
    this.errors = errors;
  }
}

/**
 * Calls `send(values)` on submit with the form's values; resolves quietly or shows the problem.
 * @param {HTMLFormElement} form
 * @param {(values: object) => Promise<void>} send
 * @param {{prefix?: string}} options `prefix` is taken off error fields ("inputs." for `inputs.radius`)
 */
export function problemForm(form, send, { prefix = "" } = {}) {
  const line = h("p", { class: "form-error", role: "alert", hidden: true });
  form.append(line);
  form.noValidate = true; // the server's messages, beside the fields, are the ones shown
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    line.hidden = true;
    const button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
    try {
      await send(Object.fromEntries(new FormData(form)));
    } catch (problem) {
      const errors = problem.errors ?? [];
      const unmatched = showFieldErrors(form, errors, { prefix });
      if (unmatched.length || !errors.length) {
        const detail = problem.detail || unmatched.map((e) => `${e.field}: ${e.message}`).join("; ") || problem.message;
        line.textContent = [...new Set([problem.title, detail].filter(Boolean))].join(" — ");
        line.hidden = false;
      }
    } finally {
      if (button) button.disabled = false;
    }
  });
}
