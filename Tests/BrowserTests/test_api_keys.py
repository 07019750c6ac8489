"""Personal API keys: made on /account and shown once, listed without their secrets, revoked with a
confirming second click by their owner, or by an administrator from /admin/users without disabling
the account."""

from selenium.webdriver.common.by import By

from api import Api, bearer_token
from browser import present, visible, wait


def test_an_administrator_revokes_an_accounts_api_key(signed_in, atlas, accounts):
    artist = accounts["artist"]
    as_artist = Api(atlas.url, bearer_token(atlas.url, artist))
    leaked = as_artist.post("/api/v1/me/api-keys", {"name": "leaked farm script"})

    driver = signed_in("administrator", "/admin/users")
    visible(driver, f'[data-user-id="{artist.id}"] [data-action=api-keys]').click()
    row = visible(driver, f'dialog[open] [data-key-id="{leaked["id"]}"]')
    assert leaked["key"] not in driver.find_element(By.CSS_SELECTOR, "dialog[open]").text, "the secret is never shown again"

    revoke = row.find_element(By.CSS_SELECTOR, "button.danger")
    revoke.click()  # the first click arms it; the second revokes
    wait(driver).until(lambda d: "again" in revoke.text)
    revoke.click()
    wait(driver).until(lambda d: not d.find_elements(By.CSS_SELECTOR, f'dialog[open] [data-key-id="{leaked["id"]}"]'),
                       "the revoked key to leave the list")
    assert leaked["id"] not in {key["id"] for key in as_artist.get("/api/v1/me/api-keys")["items"]}
    present(driver, f'[data-user-id="{artist.id}"]')


def test_an_artist_makes_a_key_sees_it_once_and_revokes_it(signed_in, atlas, accounts):
    driver = signed_in("artist", "/account")
    form = visible(driver, "#api-key-form")
    form.find_element(By.CSS_SELECTOR, "[name=name]").send_keys("Nuke panel")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    secret = visible(driver, ".new-key-value").get_attribute("value")
    assert secret.startswith("atlas_k_")
    row = wait(driver).until(lambda d: next((r for r in d.find_elements(By.CSS_SELECTOR, ".api-keys-table [data-key-id]")
                                             if "Nuke panel" in r.text), None), "the new key to be listed")
    assert secret not in row.text
    key_id = row.get_attribute("data-key-id")

    revoke = row.find_element(By.CSS_SELECTOR, "button.danger")
    revoke.click()
    wait(driver).until(lambda d: "again" in revoke.text)
    revoke.click()
    wait(driver).until(lambda d: not d.find_elements(By.CSS_SELECTOR, f'.api-keys-table [data-key-id="{key_id}"]'),
                       "the revoked key to leave the list")
    assert Api(atlas.url, secret).request("GET", "/api/v1/me", expect=None).status == 401
