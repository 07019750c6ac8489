"""Headless Chromium through Selenium 4 and chromedriver (Debian's `chromium`, `chromium-driver`;
Homebrew's `chromedriver` with Google Chrome on macOS), and what the tests ask of a page."""

from __future__ import annotations

import os
import shutil

from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from api import Account, sign_in
from servers import die_with_parent

WAIT = 30  # seconds an explicit wait may take: generous for a loaded 2-core machine, never a sleep


def chromium_path() -> str | None:
    """Debian's chromium; None leaves it to chromedriver (Google Chrome on macOS)."""
    for name in ("chromium", "chromium-browser"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def make_driver(window: tuple[int, int] = (1440, 900)) -> webdriver.Chrome:
    """Headless Chromium with a fresh profile that keeps every console message (`driver.get_log("browser")`)."""
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={window[0]},{window[1]}",
                     "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                     "--disable-background-networking", "--disable-component-update", "--password-store=basic"):
        options.add_argument(argument)
    if os.geteuid() == 0:  # CI runs as root, where Chromium's sandbox cannot start
        options.add_argument("--no-sandbox")
    if chromium_path():
        options.binary_location = chromium_path()
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    chromedriver = shutil.which("chromedriver")
    if not chromedriver:
        raise RuntimeError("chromedriver not found on PATH (Debian: apt-get install chromium-driver)")
    # An explicit chromedriver keeps Selenium Manager from downloading a browser or driver.
    service = Service(executable_path=chromedriver, popen_kw={"preexec_fn": die_with_parent})
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(WAIT)
    return driver


class Wait(WebDriverWait):
    """An explicit wait whose failure reads as an assertion: what was awaited, not chromedriver's
    stack. Elements a page redraws while it is polled (stale) count as not there yet."""

    def __init__(self, driver, timeout: float):
        super().__init__(driver, timeout, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException))

    def until(self, method, message: str = ""):
        try:
            return super().until(method, message)
        except TimeoutException as error:
            raise AssertionError(f"waited {self._timeout:.0f}s: {error.msg or 'condition never held'}") from None


def wait(driver, timeout: float = WAIT) -> WebDriverWait:
    return Wait(driver, timeout)


def visible(driver, css: str, timeout: float = WAIT):
    """The first element matching `css` once it is displayed."""
    return wait(driver, timeout).until(EC.visibility_of_element_located((By.CSS_SELECTOR, css)),
                                       f"no visible {css} on {driver.current_url}")


def present(driver, css: str, timeout: float = WAIT):
    return wait(driver, timeout).until(EC.presence_of_element_located((By.CSS_SELECTOR, css)),
                                       f"no {css} on {driver.current_url}")


def absent(driver, css: str, timeout: float = WAIT):
    wait(driver, timeout).until(lambda d: not d.find_elements(By.CSS_SELECTOR, css),
                                f"{css} still on {driver.current_url}")


def loaded_images(driver, css: str) -> int:
    """How many images matching `css` have decoded pixels (complete and not broken)."""
    return driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])]"
        ".filter(img => img.complete && img.naturalWidth > 0).length;", css)


def until_image_loaded(driver, css: str, timeout: float = WAIT):
    wait(driver, timeout).until(lambda d: loaded_images(d, css) > 0, f"no loaded image {css} on {driver.current_url}")


def fetch_status(driver, path: str) -> int:
    """The status the page's own session gets for `path` (same-origin fetch, its cookies)."""
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0], {credentials: 'same-origin', redirect: 'manual'})"
        ".then(r => done(r.status), e => done(String(e)));", path)


def give_session(driver, base_url: str, account: Account):
    """Gives the browser `account`'s session, as signing in would set it, without loading a page."""
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    for name, value in sign_in(base_url, account).items():
        driver.execute_cdp_cmd("Network.setCookie", {"url": base_url + "/", "name": name, "value": value, "path": "/",
                                                     "httpOnly": name == "atlas_session", "sameSite": "Lax"})


def open_signed_in(driver, base_url: str, account: Account, path: str = "/"):
    """Opens `path` signed in as `account`."""
    give_session(driver, base_url, account)
    driver.get(base_url + path)


def console_entries(driver) -> list[dict]:
    """The console messages since the last call (Chromium hands each one out once)."""
    return driver.get_log("browser")


def script_problems(entries: list[dict]) -> list[str]:
    """Content-Security-Policy violations and uncaught script errors: never acceptable on any page."""
    return [entry["message"] for entry in entries
            if "Content Security Policy" in entry["message"]
            or (entry["level"] == "SEVERE" and entry.get("source") == "javascript")]


def console_errors(entries: list[dict]) -> list[str]:
    """Every error-level message, failed requests included."""
    return [entry["message"] for entry in entries
            if entry["level"] == "SEVERE" or "Content Security Policy" in entry["message"]]
