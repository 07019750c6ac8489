// Asset events of every project the user can see, over the shared events WebSocket, so the
// browser shows new assets, versions and previews without reloading.
import { api } from "../../core/api.js";
import { events } from "../../core/events.js";

/**
 * Loads the projects the user can see and follows their asset events.
 * @param {(event: {type: string, data: object}) => void} onEvent each `asset.*` event
 * @returns {Promise<Map<string, object>>} the projects by id (their names label the filters)
 */
export async function followProjects(onEvent) {
  const projects = new Map();
  for await (const project of api.page("/api/v1/projects", { limit: 500 })) projects.set(project.id, project);
  const topics = [...projects.keys()].map((id) => `project:${id}`);
  if (topics.length) {
    events.subscribe(topics, (event) => {
      if (event.type?.startsWith("asset.") && event.data?.asset) onEvent(event);
    });
  }
  return projects;
}
