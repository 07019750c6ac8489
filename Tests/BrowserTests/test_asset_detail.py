"""The asset detail page: preview, versions (kept live), diff between two versions, the
dependency graph with missing dependencies marked, and downloads for those who may read files."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browser import present, until_image_loaded, visible, wait


@pytest.fixture(scope="module")
def plate(admin_api, project, images):
    asset = admin_api.create_asset(project["id"], "Street plate", [images("street_v1.png", (0.4, 0.4, 0.5))],
                                   type="plate", tags=["env"])
    admin_api.wait_for_previews(asset["id"])
    return asset


def version_numbers(driver) -> set[str]:
    return {row.get_attribute("data-version-number")
            for row in driver.find_elements(By.CSS_SELECTOR, "#versions [data-version-number]")}


def test_the_detail_page_shows_the_preview_and_the_versions(signed_in, plate):
    driver = signed_in("artist", f"/assets/{plate['id']}")
    until_image_loaded(driver, "#preview img.preview-image")
    wait(driver).until(lambda d: version_numbers(d) == {"1"})
    assert plate["name"] in visible(driver, "#asset-header").text
    assert visible(driver, "button[data-action=download]")


def test_a_new_version_appears_and_is_diffed_against_the_one_before(signed_in, admin_api, plate, images):
    driver = signed_in("artist", f"/assets/{plate['id']}")
    wait(driver).until(lambda d: version_numbers(d) == {"1"})

    # Version 2 comes through the API, as a DCC panel would send it: the open page hears of it.
    admin_api.add_version(plate["id"], [images("street_v2.png", (0.5, 0.4, 0.4))], comment="new grade")
    wait(driver).until(lambda d: version_numbers(d) == {"1", "2"}, "version 2 to appear without reloading")

    Select(visible(driver, 'select[aria-label="Compare from version"]')).select_by_value("1")
    Select(visible(driver, 'select[aria-label="Compare to version"]')).select_by_value("2")
    visible(driver, "button[data-action=diff]").click()
    wait(driver).until(lambda d: changes(d) == {("removed", "street_v1.png"), ("added", "street_v2.png")},
                       "the diff to list the file removed and the file added")
    assert "v1 → v2" in visible(driver, "#diff").text


def changes(driver) -> set[tuple[str, str]]:
    return {(item.get_attribute("data-change"), item.text.split(maxsplit=1)[-1])
            for item in driver.find_elements(By.CSS_SELECTOR, "#diff [data-change]")}


def test_a_missing_dependency_is_marked_in_the_graph(signed_in, admin_api, plate):
    latest = admin_api.get(f"/api/v1/assets/{plate['id']}")["latest_version"]
    admin_api.post(f"/api/v1/assets/{plate['id']}/versions/{latest}/dependencies",
                   {"reference": "luts/show.cube", "kind": "lut"})
    driver = signed_in("artist", f"/assets/{plate['id']}")
    present(driver, ".dependency-graph")
    wait(driver).until(
        lambda d: any("luts/show.cube" in node.get_attribute("textContent")
                      for node in d.find_elements(By.CSS_SELECTOR, ".dependency-graph [data-missing]")),
        "the dependency on luts/show.cube to be marked missing")
