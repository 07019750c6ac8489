// Problem answers name the field that is wrong (`errors[].field`); this puts each message
// beside the control of that name, so the user sees it where they have to act.
import { h, $$ } from "../core/dom.js";

/** Removes the messages `showFieldErrors` added to `form`. */
export function clearFieldErrors(form) {
  for (const message of $$(".field-error[data-for]", form)) message.remove();
  for (const control of $$("[aria-invalid=true]", form)) {
    control.removeAttribute("aria-invalid");
    const described = (control.getAttribute("aria-describedby") ?? "").split(" ").filter((id) => !id.startsWith("error-"));
    if (described.length) control.setAttribute("aria-describedby", described.join(" "));
    else control.removeAttribute("aria-describedby");
  }
}

/**
 * Shows each `{field, message}` next to the control named `field` (after removing `prefix`,
 * e.g. "inputs.") inside `form`. Returns the errors no control matched, for a form-level message.
 */
export function showFieldErrors(form, errors = [], { prefix = "" } = {}) {
  clearFieldErrors(form);
  const unmatched = [];
  let first = null;
  for (const error of errors) {
    const name = error.field?.startsWith(prefix) ? error.field.slice(prefix.length) : error.field;
    const control = name ? form.querySelector(`[name="${CSS.escape(name)}"]`) : null;
    if (!control) { unmatched.push(error); continue; }
    const id = `error-${form.id || "form"}-${name}`.replace(/[^\w-]/g, "_");
    const container = control.closest(".field") ?? control.parentElement;
    container.append(h("p", { class: "field-error", id, dataset: { for: name } }, error.message));
    control.setAttribute("aria-invalid", "true");
    control.setAttribute("aria-describedby", [control.getAttribute("aria-describedby"), id].filter(Boolean).join(" "));
    first ??= control;
  }
  // A hidden control (an asset picker's value) cannot take focus; its field's button can.
  const focusable = first?.type === "hidden" ? first.closest(".field")?.querySelector("button") : first;
  focusable?.focus();
  return unmatched;
}
