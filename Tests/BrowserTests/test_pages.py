"""Every page loads under the strict Content-Security-Policy with nothing logged at error level
in the console: no CSP violation, no script error, no failed request."""

import pytest
from browser import console_entries, console_errors, open_signed_in, present, wait


@pytest.fixture(scope="module")
def shown(admin_api, project, images):
    """An asset with its preview, and the administrator as the account that opens every page."""
    asset = admin_api.create_asset(project["id"], "Console check", [images("console.png", (0.3, 0.6, 0.6))])
    admin_api.wait_for_previews(asset["id"])
    return asset


# Each page, and text its module puts in <main> once it has loaded its data (so errors that
# come with the data's requests are in the console before it is read).
PAGES = {
    "assets": ("/", "#grid [data-asset-id]"),
    "asset": ("/assets/{asset}", "#versions [data-version-number]"),
    "upload": ("/upload", "input[type=file]#upload-files"),
    "projects": ("/projects", "#projects a[href='/projects/{project}']"),
    "project": ("/projects/{project}", "#project-assets [data-asset-id]"),
    "ai-tools": ("/ai-tools", "[data-tool-name=invert]"),
    "ai-tool": ("/ai-tools/invert", "#tool-form [name=image]"),
    "jobs": ("/jobs", "[data-job-id]"),
    "account": ("/account", "main form"),
    "admin-users": ("/admin/users", "main [data-user-id]"),
    "admin-audit": ("/admin/audit", "main [data-audit-id], main tbody tr"),
}


@pytest.mark.parametrize("page", PAGES)
def test_the_page_loads_with_a_clean_console(page, driver, atlas, accounts, project, shown):
    path, ready = (text.format(asset=shown["id"], project=project["id"]) for text in PAGES[page])
    open_signed_in(driver, atlas.url, accounts["administrator"], path)
    present(driver, f"body[data-page={page}]")
    present(driver, ready)
    wait(driver).until(lambda d: d.execute_script("return document.readyState") == "complete")
    errors = console_errors(console_entries(driver))
    assert not errors, f"{path} logged:\n" + "\n".join(errors)


def test_the_login_page_loads_with_a_clean_console(driver, atlas):
    driver.get(atlas.url + "/login")
    present(driver, "body[data-page=login] input[name=username]")
    errors = console_errors(console_entries(driver))
    assert not errors, "\n".join(errors)


def test_an_inline_script_would_be_refused(driver, atlas, accounts):
    """The check above can see a CSP violation: injecting an inline script logs one."""
    open_signed_in(driver, atlas.url, accounts["artist"], "/")
    present(driver, "body[data-page=assets]")
    driver.execute_script("const s = document.createElement('script'); s.textContent = 'window.ran = 1';"
                          "document.body.append(s);")
    seen = []

    def violation_logged(d):
        seen.extend(console_entries(d))
        return any("Content Security Policy" in entry["message"] for entry in seen)

    wait(driver).until(violation_logged, "a CSP violation in the console")
    assert driver.execute_script("return window.ran === undefined")
