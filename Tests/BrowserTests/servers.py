"""The processes the browser tests run against: `atlas serve` and `comfyui-standin`.

Both are started from the binaries of `swift build` (ATLAS_TEST_BINARY_DIR, else
`swift build --show-bin-path`), each on a free loopback port, and stopped with SIGTERM.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
PUBLIC_DIR = REPO_ROOT / "Public"
START_TIMEOUT = 60  # seconds for a process to answer; a cold debug binary on 2 cores is slow
STOP_TIMEOUT = 10  # seconds between SIGTERM and SIGKILL


def binary_dir() -> Path:
    """Where `swift build` put the binaries."""
    if os.environ.get("ATLAS_TEST_BINARY_DIR"):
        return Path(os.environ["ATLAS_TEST_BINARY_DIR"]).resolve()  # the servers run in folders of their own
    out = subprocess.run(["swift", "build", "--show-bin-path"], cwd=REPO_ROOT, check=True,
                         capture_output=True, text=True)
    return Path(out.stdout.strip())


def binary(name: str) -> Path:
    """A built product; fails with the command that builds it."""
    path = binary_dir() / name
    if not os.access(path, os.X_OK):
        raise RuntimeError(f"no {name} binary at {path} (build it: swift build --product {name})")
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(condition, timeout: float, what: str, interval: float = 0.1):
    """Polls `condition` until it returns something truthy (returned) or `timeout` passes."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(interval)


def die_with_parent():
    """Linux: the child gets SIGTERM when the test run dies without stopping it (SIGKILL, a crash)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class Process:
    """A child process whose output goes to a log file, stopped with SIGTERM then SIGKILL."""

    def __init__(self, args: list[str], log: Path, env: dict[str, str] | None = None, cwd: Path | None = None):
        self.log = log
        self._log_file = open(log, "ab")
        self.popen = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=self._log_file,
                                      stderr=subprocess.STDOUT, env=env, cwd=cwd, preexec_fn=die_with_parent)

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def running(self) -> bool:
        return self.popen.poll() is None

    def stop(self) -> int | None:
        if self.running():
            self.popen.send_signal(signal.SIGTERM)
            try:
                self.popen.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()
        self._log_file.close()
        return self.popen.returncode

    def tail(self, lines: int = 40) -> str:
        return "\n".join(self.output().splitlines()[-lines:])


class StandIn:
    """`comfyui-standin` on a free port: the ComfyUI server AI tools run on."""

    def __init__(self, folder: Path):
        self.process = Process([str(binary("comfyui-standin")), "--host", "127.0.0.1", "--port", "0"],
                               log=folder / "comfyui-standin.log")
        found = wait_until(lambda: self._listening() or not self.process.running(), START_TIMEOUT,
                           "comfyui-standin to print 'listening on'")
        if found is True:
            raise RuntimeError(f"comfyui-standin exited at start:\n{self.process.tail()}")
        self.url = found

    def _listening(self) -> str | None:
        match = re.search(r"^listening on (http://\S+)$", self.process.output(), re.MULTILINE)
        return match.group(1) if match else None

    def stop(self):
        self.process.stop()


class AtlasServer:
    """`atlas serve` with SQLite and local storage in a temporary folder, the repository's
    `Public/` as its web UI, and `comfyui_url` as its ComfyUI pool. `atlas_binary` defaults to
    the build's."""

    def __init__(self, comfyui_url: str | None = None, admin_key: bool = True, extra_env: dict | None = None,
                 atlas_binary: Path | None = None):
        self.binary = atlas_binary or binary("atlas")
        self.folder = Path(tempfile.mkdtemp(prefix="atlas-browser-"))
        self.data_dir = self.folder / "data"
        self.data_dir.mkdir()
        self.env = {
            **os.environ,
            "ATLAS_DATA_DIR": str(self.data_dir),
            "ATLAS_PUBLIC_DIR": str(PUBLIC_DIR),
            "ATLAS_LOG_LEVEL": "warning",
            "ATLAS_BCRYPT_COST": "4",  # sign-ins are not what these tests measure
            **({"ATLAS_COMFYUI_URLS": comfyui_url} if comfyui_url else {}),
            **(extra_env or {}),
        }
        self.admin_password = "admin password for browser tests"
        # An administrator with an API key, made before the server starts (as a scripted install
        # would); without it the server prints the one-time setup link instead.
        self.admin_key = self._create_admin() if admin_key else None
        self.process = None
        self.start()

    def start(self):
        """Starts `atlas serve` on a free port (the data folder stays as it is)."""
        for _ in range(3):  # the free port may be taken between choosing and binding it
            self.port = free_port()
            self.process = Process([str(self.binary), "serve", "--host", "127.0.0.1", "--port", str(self.port)],
                                   log=self.folder / "atlas.log", env=self.env, cwd=self.folder)
            wait_until(lambda: self._ready() or not self.process.running(), START_TIMEOUT,
                       "atlas serve to answer GET /readyz")
            if self.process.running():
                break
            self.process.stop()
        if not self.process.running():
            raise RuntimeError(f"atlas serve did not start:\n{self.process.tail()}")
        self.url = f"http://127.0.0.1:{self.port}"

    def _create_admin(self) -> str:
        out = subprocess.run([str(self.binary), "user", "create", "--username", "admin", "--role", "administrator",
                              "--password-stdin", "--api-key", "browser-tests"],
                             input=self.admin_password + "\n", env=self.env, cwd=self.folder,
                             capture_output=True, text=True, check=True)
        return out.stdout.strip()

    def _ready(self) -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/readyz", timeout=2) as answer:
                return answer.status == 200
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return False

    def setup_url(self) -> str:
        """The one-time first-run link `atlas serve` printed (only when no account existed)."""
        match = wait_until(lambda: re.search(r"http://\S+/setup\?token=\S+", self.process.output()), 10,
                           "the setup link on atlas serve's output")
        return match.group(0)

    def errors(self) -> list[str]:
        """Server log lines at error level or worse, and crashes."""
        pattern = re.compile(r"\] (error|critical)|\"level\":\"(error|critical)\"|Fatal error|Program crashed")
        return [line for line in self.process.output().splitlines() if pattern.search(line)]

    def stop(self, remove: bool = True):
        """Stops the server; `remove` also deletes its data folder."""
        if self.process:
            self.process.stop()
        if remove:
            shutil.rmtree(self.folder, ignore_errors=True)
