"""Signing in and out through the pages: the login page is a plain form at `/login`."""

from urllib.parse import quote

from selenium.webdriver.common.by import By

from browser import open_signed_in, present, visible, wait


def sign_in_through_the_form(driver, username, password):
    visible(driver, "input[name=username]").send_keys(username)
    driver.find_element(By.CSS_SELECTOR, "input[name=password]").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()


def test_a_page_without_a_session_sends_the_browser_to_the_login_page(driver, atlas):
    driver.get(atlas.url + "/jobs")
    wait(driver).until(lambda d: "/login" in d.current_url)
    assert "next=" + quote("/jobs", safe="") in driver.current_url or "next=/jobs" in driver.current_url


def test_signing_in_goes_to_the_page_asked_for(driver, atlas, accounts):
    artist = accounts["artist"]
    driver.get(atlas.url + "/jobs")
    sign_in_through_the_form(driver, artist.username, artist.password)
    body = present(driver, "body[data-page=jobs]")
    assert body.get_attribute("data-username") == artist.username
    assert body.get_attribute("data-role") == "artist"


def test_a_wrong_password_is_refused_on_the_form(driver, atlas, accounts):
    driver.get(atlas.url + "/login")
    sign_in_through_the_form(driver, accounts["artist"].username, "not the password at all")
    alert = visible(driver, "[role=alert]")
    assert alert.text
    assert driver.find_elements(By.CSS_SELECTOR, "input[name=password]")
    assert not driver.get_cookie("atlas_session")


def test_signing_out_ends_the_session(driver, atlas, accounts):
    open_signed_in(driver, atlas.url, accounts["artist"], "/")
    present(driver, "body[data-page=assets]")
    visible(driver, "[data-action=sign-out]").click()
    wait(driver).until(lambda d: "/login" in d.current_url)
    driver.get(atlas.url + "/")
    wait(driver).until(lambda d: "/login" in d.current_url)
