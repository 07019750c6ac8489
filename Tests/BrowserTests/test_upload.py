"""Upload through the page: files picked with the file input are sent (hash first, so bytes the
server has are not sent again), each with its own state, and the open asset grid in another
window shows the new asset and its thumbnail through the events WebSocket."""

from selenium.webdriver.common.by import By

from browser import loaded_images, present, visible, wait


def upload_through_the_page(driver, base_url, project_id, *paths):
    """Opens the upload page with `project_id` chosen, picks `paths` and starts the upload."""
    driver.get(f"{base_url}/upload?project={project_id}")
    present(driver, "input[type=file]#upload-files").send_keys("\n".join(str(path) for path in paths))
    for path in paths:
        present(driver, f'[data-upload-file][data-path="{path.name}"]')
    start = visible(driver, "#upload-start")
    wait(driver).until(lambda d: start.is_enabled(), "the Upload button to be enabled")
    start.click()


def file_state(driver, name: str) -> str:
    return driver.find_element(By.CSS_SELECTOR, f'[data-upload-file][data-path="{name}"]').get_attribute("data-state")


def test_an_uploaded_file_appears_with_its_thumbnail_in_the_grid_open_in_another_window(signed_in, atlas, project,
                                                                                        images):
    driver = signed_in("artist", "/")
    visible(driver, "#result-count")
    grid_window = driver.current_window_handle
    driver.execute_script("window.stillTheSamePage = true;")

    driver.switch_to.new_window("tab")
    try:
        upload_through_the_page(driver, atlas.url, project["id"], images("lantern.png", (0.95, 0.7, 0.2)))
        wait(driver).until(lambda d: file_state(d, "lantern.png") == "done", "lantern.png to be sent")
        asset_id = present(driver, "[data-asset-link]").get_attribute("data-asset-link")
    finally:
        driver.close()
        driver.switch_to.window(grid_window)

    card = f'#grid [data-asset-id="{asset_id}"]'
    present(driver, card)
    wait(driver).until(lambda d: loaded_images(d, f"{card} img.thumb") == 1, "the uploaded file's thumbnail in the grid")
    assert driver.execute_script("return window.stillTheSamePage === true;"), "the grid page was reloaded"


def test_bytes_the_server_already_has_are_not_sent_again(signed_in, admin_api, atlas, project, images):
    original = images("moss.png", (0.2, 0.5, 0.2))
    admin_api.upload_blob(original)
    copy = original.with_name("moss_copy.png")
    copy.write_bytes(original.read_bytes())

    driver = signed_in("artist", "/upload")
    upload_through_the_page(driver, atlas.url, project["id"], copy)
    wait(driver).until(lambda d: file_state(d, "moss_copy.png") == "skipped", "moss_copy.png to be skipped by its hash")
    present(driver, "[data-upload-asset][data-state=created] [data-asset-link]")


def test_a_file_that_is_not_what_its_name_says_is_refused_on_its_own_row(signed_in, atlas, project, images, tmp_path):
    fake = tmp_path / "not_really.exr"
    fake.write_bytes(b"this is a text file, not an OpenEXR image\n")
    good = images("pebble.png", (0.5, 0.5, 0.5))

    driver = signed_in("artist", "/upload")
    upload_through_the_page(driver, atlas.url, project["id"], fake, good)
    wait(driver).until(lambda d: file_state(d, "pebble.png") == "done", "pebble.png to be sent")
    assert file_state(driver, "not_really.exr") == "failed"
    row = driver.find_element(By.CSS_SELECTOR, '[data-upload-file][data-path="not_really.exr"]')
    assert row.find_element(By.CSS_SELECTOR, ".message").text, "the refused file shows no reason"
