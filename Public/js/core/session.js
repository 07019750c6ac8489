// Who is signed in and what their role may do, as the server rendered it on <body>.
const data = document.body.dataset;

export const session = Object.freeze({
  userID: data.userId ?? "",
  username: data.username ?? "",
  displayName: data.displayName ?? data.username ?? "",
  role: data.role ?? "",
});

const allowed = new Set((data.can ?? "").split(/\s+/).filter(Boolean));

/** Whether the user's role may do `action` (an AtlasCore.Action raw value) in their projects. */
export const can = (action) => allowed.has(action);
