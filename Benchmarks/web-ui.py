"""The web UI's benchmark (scripts/bench-web): with ASSETS assets in the library, how long a cold
Chromium takes from navigation start to a rendered grid of the first 100 thumbnails, and how
many bytes of JavaScript and CSS that first page load ships (goal < 150 KB uncompressed).

Seeding: one asset goes in through the API and its preview is made by the server's own
`version.preview` job; the others go in through the API in parallel naming the same stored file
(hash first: one blob, many assets) on a server running no job workers, and the first asset's
preview rows are then copied in the SQLite database to every other version, as if their preview
jobs had run. The measured server runs no job workers either, so nothing competes with the page.

Figures go to standard output, one per line, `name: value unit (note)`; progress to standard error.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "Tests" / "BrowserTests"))

from api import Account, Api, make_image  # noqa: E402
from browser import give_session, make_driver, wait  # noqa: E402
from servers import AtlasServer  # noqa: E402

THUMBNAILS = 100
WORDS = ["plate", "chair", "oak", "hero", "smoke", "explosion", "matte", "rock", "tree", "cliff", "water", "fire",
         "dust", "debris", "building", "car", "street", "forest", "cloud", "sky", "metal", "wood", "glass", "spark",
         "crowd", "horse", "dragon", "castle", "bridge", "ship", "ocean", "snow", "lava", "desert", "ruins", "tower"]
TYPES = ["geometry", "material", "texture", "plate", "light_rig"]
TAGS = ["approved", "hero", "bg", "fg", "night", "day", "4k", "2k", "fx", "env", "prop", "char"]

# Runs in every new document before the page's own scripts (CDP, so the page's CSP does not
# apply to it): notes when the 100th grid thumbnail has loaded, then the frame after it.
OBSERVER = """
performance.setResourceTimingBufferSize(5000);
window.__grid = { loaded: 0, loadedAt: null, renderedAt: null };
const counted = new WeakSet();
document.addEventListener("load", (event) => {
  const image = event.target;
  if (!(image instanceof HTMLImageElement) || !image.matches("img.thumb") || counted.has(image)) return;
  counted.add(image);
  window.__grid.loaded += 1;
  if (window.__grid.loaded !== %d) return;
  window.__grid.loadedAt = performance.now();
  image.decode().catch(() => {}).then(() => requestAnimationFrame(() => {
    window.__grid.renderedAt = performance.now();
  }));
}, true);
""" % THUMBNAILS

# What the first load fetched: JavaScript and CSS by URL, and the document itself.
SHIPPED = """
const files = performance.getEntriesByType("resource").filter((e) => /\\.(m?js|css)(\\?|$)/.test(new URL(e.name).pathname));
const sum = (list, key) => list.reduce((total, e) => total + e[key], 0);
const js = files.filter((e) => /\\.m?js$/.test(new URL(e.name).pathname));
const css = files.filter((e) => /\\.css$/.test(new URL(e.name).pathname));
const page = performance.getEntriesByType("navigation")[0];
const listing = performance.getEntriesByType("resource").find((e) => new URL(e.name).pathname === "/api/v1/assets");
const thumbnails = performance.getEntriesByType("resource").filter((e) => /\/preview$/.test(new URL(e.name).pathname));
return { jsFiles: js.length, cssFiles: css.length, js: sum(js, "decodedBodySize"), css: sum(css, "decodedBodySize"),
         transfer: sum(files, "transferSize"), document: page.decodedBodySize,
         cards: document.querySelectorAll("#grid [data-asset-id]").length,
         listingEnd: listing ? listing.responseEnd : null, listingTime: listing ? listing.duration : null,
         thumbnailBytes: thumbnails.length ? sum(thumbnails, "decodedBodySize") / thumbnails.length : 0 };
"""


def progress(message: str):
    print(f"bench: {message}", file=sys.stderr, flush=True)


def figure(name: str, value: str, unit: str, note: str | None = None):
    print(f"{name}: {value} {unit}" + (f" ({note})" if note else ""), flush=True)


def asset_body(index: int, project_id: str, file_reference: dict) -> dict:
    rng = random.Random(index)
    name = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 3)))
    return {"project_id": project_id, "name": f"{name} {index}", "type": rng.choice(TYPES),
            "tags": sorted(set(rng.sample(TAGS, rng.randint(1, 3)))), "files": [file_reference],
            "metadata": {"shot": f"sq{index % 40}_sh{index % 200}", "frame_start": 1001}}


def seed(server: AtlasServer, count: int, folder: Path) -> int:
    """Fills the library with `count` assets whose latest versions have a thumbnail; returns how many."""
    api = Api(server.url, server.admin_key)
    project = api.create_project("Benchmark library")
    source = make_image(folder / "plate.png", (0.6, 0.4, 0.3), size=1024)
    reference = {"path": "plate.png", "sha256": api.upload_blob(source)}

    progress("first asset, its preview made by the server's version.preview job")
    first = api.post("/api/v1/assets", asset_body(0, project["id"], reference))
    state = api.wait_for_previews(first["id"], timeout=120)["previews"]["state"]
    if state != "ready":
        raise RuntimeError(f"the first asset's preview is {state}, not ready")

    server.stop(remove=False)
    server.env["ATLAS_WORKERS"] = "0"
    server.start()
    api = Api(server.url, server.admin_key)
    progress(f"{count - 1} more assets through the API, 8 at a time (no job workers running)")
    started = time.monotonic()
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda i: api.post("/api/v1/assets", asset_body(i, project["id"], reference)), range(1, count)))
    progress(f"created in {time.monotonic() - started:.0f}s")
    server.stop(remove=False)

    progress("copying the first version's preview to every version (SQLite)")
    with sqlite3.connect(server.data_dir / "atlas.sqlite") as db:
        version = first["latest"]["id"].upper()  # how the SQLite database stores ids
        db.execute("""INSERT OR IGNORE INTO version_preview_images (version_id, kind, sha256, size, media_type, created_at)
                      SELECT v.id, i.kind, i.sha256, i.size, i.media_type, i.created_at
                      FROM asset_versions v, version_preview_images i WHERE i.version_id = ?""", (version,))
        db.execute("""INSERT OR REPLACE INTO version_preview_states (version_id, state, reason, updated_at)
                      SELECT v.id, s.state, s.reason, s.updated_at
                      FROM asset_versions v, version_preview_states s WHERE s.version_id = ?""", (version,))
        ready = db.execute("SELECT count(*) FROM version_preview_states WHERE state = 'ready'").fetchone()[0]
    server.start()
    return ready


def measure(server: AtlasServer, admin: Account, window: tuple[int, int]) -> dict:
    """One cold load of `/` in a fresh browser profile."""
    driver = make_driver(window)
    try:
        give_session(driver, server.url, admin)
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": OBSERVER})
        driver.get(server.url + "/")
        wait(driver, 120).until(lambda d: d.execute_script("return window.__grid && window.__grid.renderedAt"),
                                f"{THUMBNAILS} thumbnails in the grid (a larger --window shows more cards)")
        timing = driver.execute_script("return window.__grid")
        return {**timing, **driver.execute_script(SHIPPED)}
    finally:
        driver.quit()


def main():
    parser = argparse.ArgumentParser(prog="scripts/bench-web", description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", type=Path, required=True, help="the atlas binary to measure")
    parser.add_argument("--assets", type=int, default=10_000, help="assets in the library (10000)")
    parser.add_argument("--runs", type=int, default=5, help="cold page loads measured (5); the median is printed")
    parser.add_argument("--window", default="2560x1440", help="browser window, WIDTHxHEIGHT (2560x1440: a 1440p screen shows over 100 cards)")
    args = parser.parse_args()
    window = tuple(int(side) for side in args.window.split("x"))

    progress(f"atlas serve ({args.binary}), SQLite, {args.assets} assets")
    server = AtlasServer(atlas_binary=args.binary.resolve())
    try:
        ready = seed(server, args.assets, server.folder)
        admin = Account("", "admin", server.admin_password, "administrator")
        measure(server, admin, window)  # unmeasured: the server's first requests warm its caches
        runs = []
        for run in range(args.runs):
            runs.append(measure(server, admin, window))
            progress(f"run {run + 1}: {runs[-1]['renderedAt']:.0f} ms, {runs[-1]['cards']} cards in the DOM")
    finally:
        server.stop()

    rendered = [r["renderedAt"] for r in runs]
    last = runs[-1]
    kilobytes = lambda n: f"{n / 1000:.1f}"  # noqa: E731
    figure("web.grid.first_100_thumbnails", f"{statistics.median(rendered):.0f}", "ms",
           f"median of {len(runs)} cold loads, {min(rendered):.0f}–{max(rendered):.0f} ms; navigation start to the frame "
           f"after the {THUMBNAILS}th thumbnail decoded; {ready} assets with thumbnails of "
           f"{last['thumbnailBytes'] / 1000:.0f} KB, window {args.window}")
    figure("web.grid.first_100_thumbnails.loaded", f"{statistics.median(r['loadedAt'] for r in runs):.0f}", "ms",
           f"median; to the {THUMBNAILS}th thumbnail's load event")
    figure("web.grid.first_assets_page", f"{statistics.median(r['listingEnd'] for r in runs):.0f}", "ms",
           f"median; navigation start to the end of the first GET /api/v1/assets, which took "
           f"{statistics.median(r['listingTime'] for r in runs):.0f} ms")
    figure("web.first_load.js_css", kilobytes(last["js"] + last["css"]), "KB",
           f"{last['js'] + last['css']} bytes uncompressed in {last['jsFiles'] + last['cssFiles']} files, "
           f"{last['transfer']} bytes transferred; goal < 150 KB")
    figure("web.first_load.js", kilobytes(last["js"]), "KB", f"{last['jsFiles']} modules")
    figure("web.first_load.css", kilobytes(last["css"]), "KB", f"{last['cssFiles']} stylesheets")
    figure("web.first_load.document", kilobytes(last["document"]), "KB", "the page's HTML")


if __name__ == "__main__":
    main()
