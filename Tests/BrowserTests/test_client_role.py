"""A Client sees previews and status only: no download control, no source paths, and the
server answers 403 when the client's own session asks for a file anyway."""

import pytest
from selenium.webdriver.common.by import By

from api import Api, bearer_token
from browser import fetch_status, present, until_image_loaded, wait


@pytest.fixture(scope="module")
def delivery(admin_api, project, images):
    asset = admin_api.create_asset(project["id"], "Client review plate", [images("review_plate.png", (0.7, 0.7, 0.2))],
                                   type="plate")
    admin_api.wait_for_previews(asset["id"])
    return asset


def test_a_client_sees_the_preview_but_no_download_control_and_no_file_path(signed_in, delivery):
    driver = signed_in("client", f"/assets/{delivery['id']}")
    until_image_loaded(driver, "#preview img.preview-image")
    wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#versions [data-version-number]"))
    assert driver.find_element(By.CSS_SELECTOR, "body").get_attribute("data-role") == "client"
    assert not driver.find_elements(By.CSS_SELECTOR, "button[data-action=download]")
    assert "review_plate.png" not in driver.find_element(By.CSS_SELECTOR, "main").text


def test_a_clients_session_gets_403_for_a_file_and_200_for_its_preview(signed_in, delivery):
    driver = signed_in("client", f"/assets/{delivery['id']}")
    present(driver, "body[data-page=asset]")
    file_url = delivery["latest"]["files"][0]["url"]
    assert fetch_status(driver, file_url) == 403
    assert fetch_status(driver, f"/api/v1/assets/{delivery['id']}/versions/1/preview") == 200


def test_an_artist_may_download_the_same_file(signed_in, delivery):
    driver = signed_in("artist", f"/assets/{delivery['id']}")
    present(driver, "button[data-action=download]")
    assert fetch_status(driver, delivery["latest"]["files"][0]["url"]) == 200


def test_a_clients_token_gets_403_for_the_file_too(atlas, accounts, delivery):
    client = Api(atlas.url, bearer_token(atlas.url, accounts["client"]))
    assert client.request("GET", delivery["latest"]["files"][0]["url"], expect=None).status == 403
