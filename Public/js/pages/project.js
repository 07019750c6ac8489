// /projects/{id}: the project's header, its assets as thumbnails (live: new ones appear, previews
// fill in), and its members, whom producers and administrators add and remove.
import "../core/shell.js";
import { api } from "../core/api.js";
import { h, $, clear, formatDate } from "../core/dom.js";
import { can, session } from "../core/session.js";
import { events } from "../core/events.js";
import { toast, showError, problemText } from "../core/toast.js";
import { projectStatusControl } from "../components/project-status.js";
import { assetCard } from "../components/asset-card.js";
import { problemForm } from "../components/problem-form.js";

const article = $("article.project-detail");
const projectID = article.dataset.projectId;
const header = $("#project-header");
const assetsRegion = $("#project-assets");
const membersRegion = $("#project-members");
const ASSET_PAGE = 60;

// --- header ---

async function loadProject() {
  try {
    showHeader(await api.get(`/api/v1/projects/${projectID}`));
  } catch (error) {
    clear(header).append(h("h1", {}, "Project"), h("p", { class: "error" }, problemText(error)));
  }
}

function showHeader(project) {
  document.title = `${project.name} · Atlas`;
  article.dataset.status = project.status;
  const actions = h("div", { class: "row project-actions" });
  if (can("upload_content") && project.status === "active") {
    actions.append(h("a", { class: "button primary", id: "project-upload", href: `/upload?project=${project.id}` }, "Upload to this project"));
  }
  if (can("manage_project")) actions.append(projectStatusControl(project, showHeader));
  clear(header).append(...[
    h("div", { class: "project-title" },
      h("h1", {}, project.name),
      h("span", { class: "mono project-code" }, project.code),
      h("span", { class: "badge", dataset: { state: project.status } }, project.status),
      h("span", { class: "spacer" }),
      actions),
    project.description ? h("p", { class: "project-description" }, project.description) : null,
    h("p", { class: "muted" }, `Created ${formatDate(project.created_at)}`),
  ].filter(Boolean));
}

// --- assets ---

const grid = h("ul", { class: "project-assets-grid", "aria-label": "Assets of the project" });
const moreAssets = h("button", { type: "button", id: "project-assets-more", hidden: true }, "Show more");
const noAssets = h("p", { class: "muted", hidden: true }, "No assets yet.");
const cards = new Map(); // asset id → card
let assetCursor = null;

assetsRegion.append(h("h2", {}, "Assets"), noAssets, grid, moreAssets);
moreAssets.addEventListener("click", loadAssets);

async function loadAssets() {
  assetsRegion.setAttribute("aria-busy", "true");
  try {
    const page = await api.get("/api/v1/assets", { query: { project_id: projectID, sort: "-created_at", limit: ASSET_PAGE, cursor: assetCursor } });
    for (const asset of page.items) if (!cards.has(asset.id)) grid.append(card(asset));
    assetCursor = page.next_cursor;
  } catch (error) {
    showError(error);
  } finally {
    assetsRegion.removeAttribute("aria-busy");
  }
  moreAssets.hidden = !assetCursor;
  noAssets.hidden = cards.size > 0;
}

/** The asset browser's card, in a plain list rather than its keyboard-managed grid: no grid
 *  cell role, and its link takes focus like any other. */
function card(asset) {
  const cell = assetCard(asset);
  cell.removeAttribute("role");
  cell.removeAttribute("aria-selected");
  cell.querySelector("a").removeAttribute("tabindex");
  const item = h("li", { class: "project-asset", dataset: { assetId: asset.id } }, cell);
  cards.set(asset.id, item);
  return item;
}

function replaceCard(asset) {
  const old = cards.get(asset.id);
  const fresh = card(asset);
  if (old) old.replaceWith(fresh); else grid.prepend(fresh);
  noAssets.hidden = true;
}

events.subscribe([`project:${projectID}`], (event) => {
  const asset = event.data?.asset;
  if (!asset) return;
  if (event.type === "asset.deleted") {
    cards.get(asset.id)?.remove();
    cards.delete(asset.id);
    noAssets.hidden = cards.size > 0;
  } else if (["asset.created", "asset.preview_ready", "asset.preview_failed", "asset.updated", "asset.version_added", "asset.restored"].includes(event.type)) {
    replaceCard(asset);
  }
});

// --- members ---

const membersBody = h("tbody", {});

async function loadMembers() {
  membersRegion.append(h("h2", {}, "Members"));
  if (!can("read_members")) {
    membersRegion.append(h("p", { class: "muted" }, "Members are shown to the project's artists, producers and administrators."));
    return;
  }
  membersRegion.append(h("table", { class: "data project-members" },
    h("thead", {}, h("tr", {},
      h("th", { scope: "col" }, "Name"), h("th", { scope: "col" }, "Username"), h("th", { scope: "col" }, "Role"),
      h("th", { scope: "col" }, "Added"), can("manage_members") ? h("th", { scope: "col" }, h("span", { class: "muted" }, "Remove")) : null)),
    membersBody));
  if (can("manage_members")) membersRegion.append(addMemberForm());
  await refreshMembers();
}

async function refreshMembers() {
  try {
    const members = [];
    for await (const member of api.page(`/api/v1/projects/${projectID}/members`)) members.push(member);
    clear(membersBody).append(...members.map(memberRow));
    if (!members.length) membersBody.append(h("tr", {}, h("td", { colspan: 5, class: "muted" }, "No members.")));
  } catch (error) {
    showError(error);
  }
}

function memberRow(member) {
  const row = h("tr", { dataset: { memberId: member.user_id } },
    h("td", {}, member.display_name || member.username, member.user_id === session.userID ? h("span", { class: "muted" }, " (you)") : null),
    h("td", { class: "mono" }, member.username),
    h("td", {}, h("span", { class: "badge", dataset: { role: member.role } }, member.role.replace("_", " "))),
    h("td", {}, formatDate(member.added_at)));
  if (can("manage_members")) {
    const remove = h("button", { type: "button", class: "danger", dataset: { action: "remove-member" }, "aria-label": `Remove ${member.username} from the project` }, "Remove");
    remove.addEventListener("click", async () => {
      remove.disabled = true;
      try {
        await api.send("DELETE", `/api/v1/projects/${projectID}/members/${member.user_id}`);
        toast(`${member.username} removed from the project.`);
        await refreshMembers();
      } catch (error) {
        showError(error);
        remove.disabled = false;
      }
    });
    row.append(h("td", {}, remove));
  }
  return row;
}

/** Add a member by username. Only administrators may list accounts (`GET /users`); they get
 *  suggestions, producers type the username. */
function addMemberForm() {
  const input = h("input", { id: "member-username", name: "username", required: true, autocomplete: "off", list: "member-users", class: "mono" });
  const suggestions = h("datalist", { id: "member-users" });
  const form = h("form", { id: "member-add", class: "row member-add" },
    h("label", { for: "member-username" }, "Add a member by username"), input, suggestions,
    h("button", { type: "submit" }, "Add member"));
  if (can("manage_users")) suggestUsers(suggestions);
  problemForm(form, async ({ username }) => {
    const member = await api.send("POST", `/api/v1/projects/${projectID}/members`, { json: { username: username.trim() } });
    toast(`${member.username} is a member.`);
    form.reset();
    await refreshMembers();
  });
  return form;
}

async function suggestUsers(list) {
  try {
    for await (const user of api.page("/api/v1/users", { limit: 500 })) {
      if (!user.disabled) list.append(h("option", { value: user.username }, `${user.display_name || user.username} · ${user.role}`));
    }
  } catch {
    // 403 for anyone but administrators: typing the username is enough.
  }
}

loadProject();
loadAssets();
loadMembers();
