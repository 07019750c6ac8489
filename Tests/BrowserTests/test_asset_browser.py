"""The asset browser at `/`: a thumbnail grid kept live through the events WebSocket, search as
you type, facet filters, and cards that open the asset."""

import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from browser import loaded_images, present, visible, wait

CARD = "#grid [data-asset-id]"


@pytest.fixture(scope="module")
def library(admin_api, project, images):
    """Three assets with their previews made."""
    made = {
        "smoke": admin_api.create_asset(project["id"], "Hero smoke plate", [images("smoke.png", (0.9, 0.2, 0.1))],
                                        type="plate", tags=["hero", "fx"]),
        "chair": admin_api.create_asset(project["id"], "Oak chair", [images("chair.png", (0.2, 0.8, 0.3))],
                                        type="texture", tags=["prop"]),
        "cliff": admin_api.create_asset(project["id"], "Cliff rock", [images("cliff.png", (0.1, 0.3, 0.9))],
                                        type="texture", tags=["env"]),
    }
    for asset in made.values():
        assert admin_api.wait_for_previews(asset["id"])["previews"]["state"] == "ready"
    return made


def card_ids(driver) -> set[str]:
    """The asset ids of the cards in the grid, read in one go (the grid redraws as it pleases)."""
    return set(driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map((card) => card.dataset.assetId);", CARD))


def until_cards(driver, expected: set[str], what: str):
    seen = set()

    def shown(d):
        seen.clear()
        seen.update(card_ids(d))
        return seen == expected

    try:
        wait(driver).until(shown)
    except AssertionError:
        raise AssertionError(f"the grid should show {what}; it shows {seen}") from None


def test_the_grid_shows_every_asset_with_its_thumbnail(signed_in, library):
    driver = signed_in("artist")
    until_cards(driver, {asset["id"] for asset in library.values()}, "the three assets")
    wait(driver).until(lambda d: loaded_images(d, f"{CARD} img.thumb") == 3, "three loaded thumbnails")
    assert re.search(r"\b3\b", visible(driver, "#result-count").text)


def test_a_new_asset_and_its_thumbnail_appear_in_the_open_grid_without_reloading(signed_in, admin_api, project,
                                                                                 images, library):
    driver = signed_in("artist")
    wait(driver).until(lambda d: len(card_ids(d)) >= 3)
    driver.execute_script("window.stillTheSamePage = true;")

    # Someone else uploads: the open grid hears about it through the events WebSocket.
    ember = admin_api.create_asset(project["id"], "Ember sparks", [images("ember.png", (1.0, 0.6, 0.0))],
                                   type="texture", tags=["fx"])
    card = f'{CARD}[data-asset-id="{ember["id"]}"]'
    present(driver, card)
    wait(driver).until(lambda d: loaded_images(d, f"{card} img.thumb") == 1,
                       "the new asset's thumbnail to be shown once its preview is made")
    assert driver.execute_script("return window.stillTheSamePage === true;"), "the page was reloaded"


def test_search_narrows_the_grid_as_you_type(signed_in, library):
    driver = signed_in("artist")
    wait(driver).until(lambda d: len(card_ids(d)) >= 3)
    visible(driver, "#search[data-search]").send_keys("oak")
    until_cards(driver, {library["chair"]["id"]}, "only the oak chair")
    visible(driver, "#search").send_keys(Keys.BACKSPACE * 3, "cli")
    until_cards(driver, {library["cliff"]["id"]}, "only the cliff rock")


def test_slash_focuses_search(signed_in, library):
    driver = signed_in("artist")
    present(driver, CARD)
    driver.find_element(By.TAG_NAME, "body").send_keys("/")
    wait(driver).until(lambda d: d.switch_to.active_element.get_attribute("id") == "search")


def test_a_tag_facet_filters_the_grid(signed_in, library):
    driver = signed_in("artist")
    wait(driver).until(lambda d: len(card_ids(d)) >= 3)
    visible(driver, '#facets button[data-facet=tag][data-value=hero]').click()
    until_cards(driver, {library["smoke"]["id"]}, "only the asset tagged hero")
    wait(driver).until(lambda d: d.find_element(By.CSS_SELECTOR, '#facets button[data-facet=tag][data-value=hero]')
                       .get_attribute("aria-pressed") == "true", "the hero facet to show as pressed")


def test_a_card_opens_the_asset(signed_in, library):
    driver = signed_in("artist")
    chair = library["chair"]["id"]
    visible(driver, f'{CARD}[data-asset-id="{chair}"] a').click()
    present(driver, "body[data-page=asset]")
    assert driver.current_url.endswith(f"/assets/{chair}")
    assert present(driver, "main [data-asset-id]").get_attribute("data-asset-id") == chair
