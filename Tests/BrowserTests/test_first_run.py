"""First start: no account exists, `atlas serve` prints a one-time setup link, and its page
creates the first administrator, who is signed in at once."""

import pytest
from selenium.webdriver.common.by import By

from browser import present, wait
from servers import AtlasServer


@pytest.fixture(scope="module")
def atlas(standin):
    """A server started with no account at all, so it prints the setup link."""
    server = AtlasServer(comfyui_url=standin.url, admin_key=False)
    yield server
    server.stop()


def test_the_setup_link_creates_the_first_administrator_and_signs_them_in(driver, atlas):
    driver.get(atlas.setup_url())
    driver.find_element(By.NAME, "username").send_keys("lead")
    driver.find_element(By.NAME, "display_name").send_keys("Lead TD")
    driver.find_element(By.NAME, "password").send_keys("a long first password")
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()

    body = present(driver, "body[data-page=assets]")
    assert body.get_attribute("data-username") == "lead"
    assert body.get_attribute("data-role") == "administrator"
    assert driver.current_url.rstrip("/") == atlas.url


def test_the_setup_link_works_once(driver, atlas):
    driver.get(atlas.setup_url())
    wait(driver).until(lambda d: "This server is set up" in d.find_element(By.TAG_NAME, "main").text)
    assert not driver.find_elements(By.NAME, "password")
