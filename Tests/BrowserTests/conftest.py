"""Fixtures of the browser tests.

One `comfyui-standin` for the whole run; one `atlas serve` per test module (SQLite and local
storage in a temporary folder, the repository's `Public/` as its web UI, the stand-in as its
ComfyUI), with an administrator's API key for preparing data; one headless Chromium for the
whole run, whose cookies each test starts without. A failed test leaves a screenshot, the
page's HTML and its console in ATLAS_BROWSER_TESTS_ARTIFACTS (default `.build/browser-tests/`).
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from api import ROLES, Api, make_image  # noqa: E402
from browser import console_entries, make_driver, open_signed_in, script_problems  # noqa: E402
from servers import REPO_ROOT, AtlasServer, StandIn  # noqa: E402

def _interrupt(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


# SIGTERM (scripts/browser-tests' time limit, CI cancelling) ends the run as Ctrl-C does: pytest
# still tears the fixtures down, so no server or browser outlives it.
signal.signal(signal.SIGTERM, _interrupt)

ARTIFACTS = Path(os.environ.get("ATLAS_BROWSER_TESTS_ARTIFACTS") or REPO_ROOT / ".build" / "browser-tests")


@pytest.fixture(scope="session")
def standin(tmp_path_factory):
    server = StandIn(tmp_path_factory.mktemp("standin"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def atlas(standin):
    """`atlas serve` for this module, with an administrator (`atlas.admin_key`)."""
    server = AtlasServer(comfyui_url=standin.url)
    yield server
    report_server_errors(server)
    server.stop()


def report_server_errors(server: AtlasServer):
    errors = server.errors()
    if errors:
        print(f"\natlas serve logged {len(errors)} error(s):\n" + "\n".join(errors[-20:]), file=sys.stderr)


@pytest.fixture(scope="module")
def admin_api(atlas) -> Api:
    return Api(atlas.url, atlas.admin_key)


@pytest.fixture(scope="module")
def project(admin_api) -> dict:
    return admin_api.create_project("Golden Hour")


@pytest.fixture(scope="module")
def accounts(admin_api, project):
    """`accounts["artist"]`: an account of that role, member of `project` (made once per module)."""
    made = {}

    class Accounts:
        def __getitem__(self, role):
            assert role in ROLES, role
            if role not in made:
                made[role] = admin_api.create_user(role)
                if role != "administrator":
                    admin_api.add_member(project["id"], made[role])
            return made[role]

    return Accounts()


@pytest.fixture(scope="session")
def images(tmp_path_factory):
    """`images("name.png", (r, g, b))`: a real image file made with oiiotool."""
    folder = tmp_path_factory.mktemp("images")

    def make(name: str, color=(0.8, 0.3, 0.1), size: int = 96) -> Path:
        return make_image(folder / name, color, size)

    return make


@pytest.fixture(scope="session")
def browser():
    driver = make_driver()
    yield driver
    driver.quit()


@pytest.fixture
def driver(browser):
    """The browser with no session; after the test, no CSP violation or uncaught script error may
    have been logged."""
    browser.execute_cdp_cmd("Network.clearBrowserCookies", {})
    console_entries(browser)  # drop what earlier tests left
    yield browser
    entries = console_entries(browser)
    problems = script_problems(entries)
    assert not problems, "the page logged script errors or CSP violations:\n" + "\n".join(problems)


@pytest.fixture
def signed_in(driver, atlas, accounts):
    """`signed_in("client", "/assets/ID")`: the browser with a session of that role's account, at that path."""

    def open_as(role: str, path: str = "/"):
        account = accounts[role]
        open_signed_in(driver, atlas.url, account, path)
        return driver

    return open_as


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed or "browser" not in item.fixturenames:
        return
    driver = item.funcargs.get("browser")
    if driver is None:
        return
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    stem = ARTIFACTS / item.nodeid.replace("/", "_").replace("::", "-")
    try:
        driver.save_screenshot(f"{stem}.png")
        Path(f"{stem}.html").write_text(driver.page_source)
        Path(f"{stem}.console.txt").write_text(
            "\n".join(f"{e['level']} {e.get('source')} {e['message']}" for e in console_entries(driver)))
        report.sections.append(("browser", f"url {driver.current_url}; screenshot, HTML and console in {stem}.*"))
    except Exception as error:  # a crashed browser must not hide the test's own failure
        report.sections.append(("browser", f"could not save artifacts: {error}"))
