"""AI tools: the catalogue, a tool's form generated from its inputs, and a run of the built-in
`invert` on the ComfyUI stand-in whose result is shown as an asset thumbnail."""

import pytest
from selenium.webdriver.common.by import By

from browser import present, until_image_loaded, visible, wait

RUN_TIMEOUT = 120  # queueing, uploading to the stand-in, oiiotool, filing the result and its preview


@pytest.fixture(scope="module")
def source(admin_api, project, images):
    asset = admin_api.create_asset(project["id"], "Invert me", [images("invert_me.png", (0.9, 0.8, 0.1))])
    admin_api.wait_for_previews(asset["id"])
    return asset


def test_the_catalogue_lists_the_built_in_tools(signed_in):
    driver = signed_in("artist", "/ai-tools")
    present(driver, "[data-tool-name=invert]")
    names = {card.get_attribute("data-tool-name") for card in driver.find_elements(By.CSS_SELECTOR, "[data-tool-name]")}
    assert {"invert", "blur", "scale"} <= names


def test_the_form_is_generated_from_the_tools_inputs(signed_in):
    driver = signed_in("artist", "/ai-tools/blur")
    form = present(driver, "#tool-form")
    wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#tool-form [name=radius]"))
    for name in ("image", "radius", "sigma"):
        assert form.find_elements(By.CSS_SELECTOR, f"[name={name}]"), f"no input named {name}"
    assert form.find_element(By.CSS_SELECTOR, "input[name=radius]").get_attribute("value") == "3"


def test_running_invert_shows_its_result(signed_in, admin_api, source):
    driver = signed_in("artist", "/ai-tools/invert")
    present(driver, "#tool-form")

    # Choose the image as a user does: the picker's dialog searches the library.
    visible(driver, "#tool-form .asset-picker-open").click()
    visible(driver, "dialog[open] input[type=search]").send_keys("Invert me")
    visible(driver, f'dialog[open] [data-asset-id="{source["id"]}"]').click()
    wait(driver).until(lambda d: d.find_element(By.CSS_SELECTOR, "#tool-form [name=image]").get_attribute("value")
                       == source["latest"]["id"], "the picker to set the image input to the version's id")

    visible(driver, "#tool-submit").click()
    run = present(driver, "[data-run-id][data-state]")
    run_id = run.get_attribute("data-run-id")
    until_image_loaded(driver, f'[data-run-id="{run_id}"] .run-result img', timeout=RUN_TIMEOUT)
    wait(driver).until(lambda d: d.find_element(By.CSS_SELECTOR, f'[data-run-id="{run_id}"]').get_attribute("data-state")
                       == "succeeded", "the run to show as succeeded")

    status = admin_api.get(f"/api/v1/ai-jobs/{run_id}/status")
    assert status["status"] == "succeeded"
    assert status["results"], "the run filed no result asset"


def test_running_invert_over_every_frame_of_a_sequence(signed_in, admin_api, project, images):
    frames = [images(f"seq_plate.{frame}.png", (0.2 * (frame - 1000), 0.5, 0.3)) for frame in (1001, 1002, 1003)]
    plate = admin_api.create_asset(project["id"], "Sequence me", frames, type="plate")
    driver = signed_in("artist", "/ai-tools/invert")
    present(driver, "#tool-form")

    visible(driver, "#tool-form .asset-picker-open").click()
    visible(driver, "dialog[open] input[type=search]").send_keys("Sequence me")
    visible(driver, f'dialog[open] [data-asset-id="{plate["id"]}"]').click()
    # Once the chosen version turns out to hold a sequence, "every frame" is offered with its range.
    choice = visible(driver, "#tool-form .tool-sequence-choice")
    assert "3 frames (1001–1003)" in choice.text
    choice.find_element(By.CSS_SELECTOR, "input[type=checkbox]").click()

    visible(driver, "#tool-submit").click()
    wait(driver).until(lambda d: any(
        admin_api.get(f"/api/v1/ai-jobs/{row.get_attribute('data-run-id')}/status").get("sequence_input") == "image"
        for row in d.find_elements(By.CSS_SELECTOR, "[data-run-id]")), "the run over the sequence to be listed")
    rows = driver.find_elements(By.CSS_SELECTOR, "[data-run-id]")
    statuses = [admin_api.get(f"/api/v1/ai-jobs/{row.get_attribute('data-run-id')}/status") for row in rows]
    assert not any(status.get("sequence_run_id") for status in statuses), "frames are not listed one by one"
    run_id = next(status["id"] for status in statuses if status.get("sequence_input") == "image")

    until_image_loaded(driver, f'[data-run-id="{run_id}"] .run-result img', timeout=RUN_TIMEOUT)
    wait(driver).until(lambda d: d.find_element(By.CSS_SELECTOR, f'[data-run-id="{run_id}"]').get_attribute("data-state")
                       == "succeeded", "the run over the sequence to show as succeeded")
    assert "every frame of image" in driver.find_element(By.CSS_SELECTOR, f'[data-run-id="{run_id}"] .run-meta').text

    status = admin_api.get(f"/api/v1/ai-jobs/{run_id}/status")
    result = admin_api.get(f"/api/v1/assets/{status['results'][0]['asset_id']}/versions/1")
    assert [f["path"] for f in result["files"]] == [f"seq_plate_invert.{frame}.png" for frame in (1001, 1002, 1003)]

    # After a reload the runs come from the tool's run list: the sequence run again, its frames not.
    driver.refresh()
    present(driver, f'[data-run-id="{run_id}"][data-state="succeeded"]')
    listed = {row.get_attribute("data-run-id") for row in driver.find_elements(By.CSS_SELECTOR, "[data-run-id]")}
    frames = admin_api.get(f"/api/v1/ai-tools/invert/runs?sequence_run_id={run_id}")["items"]
    assert len(frames) == 3 and not listed & {frame["id"] for frame in frames}
