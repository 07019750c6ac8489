// The Archive / Unarchive button of a project, for those who manage it (`manage_project`).
// No confirmation: archiving keeps every asset readable and is undone with one click.
import { api } from "../core/api.js";
import { h } from "../core/dom.js";
import { toast, showError } from "../core/toast.js";

/**
 * A button that archives an active project or makes an archived one active again, then calls
 * `onChange(project)` with the project as the server now has it.
 * @param {{id: string, name: string, status: string}} project
 * @param {(project: object) => void} onChange
 */
export function projectStatusControl(project, onChange) {
  const archiving = project.status === "active";
  const button = h("button", {
    type: "button", dataset: { action: archiving ? "archive" : "unarchive" },
    "aria-label": `${archiving ? "Archive" : "Unarchive"} ${project.name}`,
    title: archiving ? "Assets stay readable; no new ones can be added" : null,
  }, archiving ? "Archive" : "Unarchive");
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const updated = await api.send("POST", `/api/v1/projects/${project.id}/${archiving ? "archive" : "unarchive"}`);
      toast(`${updated.name} is ${updated.status}.`);
      onChange(updated);
    } catch (error) {
      showError(error);
      button.disabled = false;
    }
  });
  return button;
}
