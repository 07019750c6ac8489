"""The public API, as the tests use it to prepare what the browser then shows (stdlib only)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path

ROLES = ("administrator", "producer", "artist", "client")


class ApiError(Exception):
    def __init__(self, status: int, body: bytes):
        self.status = status
        self.body = body
        super().__init__(f"HTTP {status}: {body[:500].decode(errors='replace')}")


@dataclass
class Answer:
    status: int
    headers: dict
    body: bytes

    def json(self):
        return json.loads(self.body)


@dataclass
class Account:
    id: str
    username: str
    password: str
    role: str


class Api:
    """Requests to one server with one credential (a bearer API key or token)."""

    def __init__(self, base_url: str, bearer: str | None = None):
        self.base_url = base_url
        self.bearer = bearer

    def request(self, method: str, path: str, *, json_body=None, body: bytes | None = None,
                content_type: str | None = None, headers: dict | None = None, expect=(200, 201, 202, 204)) -> Answer:
        headers = dict(headers or {})
        if self.bearer:
            headers["Authorization"] = f"Bearer {self.bearer}"
        if json_body is not None:
            body = json.dumps(json_body).encode()
            content_type = "application/json"
        if content_type:
            headers["Content-Type"] = content_type
        request = urllib.request.Request(self.base_url + path, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=60) as reply:
                answer = Answer(reply.status, dict(reply.headers), reply.read())
        except urllib.error.HTTPError as error:
            answer = Answer(error.code, dict(error.headers), error.read())
        if expect and answer.status not in expect:
            raise ApiError(answer.status, answer.body)
        return answer

    def get(self, path: str, **kwargs):
        return self.request("GET", path, **kwargs).json()

    def post(self, path: str, json_body=None, **kwargs):
        answer = self.request("POST", path, json_body=json_body if json_body is not None else {}, **kwargs)
        return answer.json() if answer.body else None

    # --- accounts and projects ------------------------------------------------------------

    def create_user(self, role: str, username: str | None = None) -> Account:
        username = username or f"{role}-{uuid.uuid4().hex[:8]}"
        password = f"{username} password!"
        user = self.post("/api/v1/users", {"username": username, "password": password, "role": role,
                                           "display_name": username.replace("-", " ").title()})
        return Account(user["id"], username, password, role)

    def create_project(self, name: str | None = None) -> dict:
        return self.post("/api/v1/projects", {"name": name or f"Project {uuid.uuid4().hex[:6]}"})

    def add_member(self, project_id: str, account: Account):
        self.post(f"/api/v1/projects/{project_id}/members", {"user_id": account.id})

    # --- assets -----------------------------------------------------------------------------

    def upload_blob(self, path: Path) -> str:
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        self.request("POST", f"/api/v1/blobs?sha256={digest}", body=data, content_type="application/octet-stream")
        return digest

    def create_asset(self, project_id: str, name: str, files: list[Path], type: str = "texture",
                     tags: list[str] | None = None, **fields) -> dict:
        """An asset with its first version holding `files` (sent hash-first, as `atlas ingest` does)."""
        references = [{"path": path.name, "sha256": self.upload_blob(path)} for path in files]
        return self.post("/api/v1/assets", {"project_id": project_id, "name": name, "type": type,
                                            "tags": tags or [], "files": references, **fields})

    def add_version(self, asset_id: str, files: list[Path], comment: str = "") -> dict:
        references = [{"path": path.name, "sha256": self.upload_blob(path)} for path in files]
        return self.post(f"/api/v1/assets/{asset_id}/versions", {"files": references, "comment": comment})

    def wait_for_previews(self, asset_id: str, number: int = 1, timeout: float = 60) -> dict:
        """The version once its preview job has run (ready, or why not)."""
        deadline = time.monotonic() + timeout
        while True:
            version = self.get(f"/api/v1/assets/{asset_id}/versions/{number}")
            if version["previews"]["state"] != "pending":
                return version
            if time.monotonic() > deadline:
                raise TimeoutError(f"previews of {asset_id} v{number} still pending after {timeout:.0f}s")
            time.sleep(0.2)


def sign_in(base_url: str, account: Account) -> dict[str, str]:
    """A browser session for `account` (`POST /api/v1/auth/login`): the cookies it set."""
    request = urllib.request.Request(base_url + "/api/v1/auth/login", method="POST",
                                     data=json.dumps({"username": account.username,
                                                      "password": account.password}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as reply:
        cookies = SimpleCookie()
        for header in reply.headers.get_all("Set-Cookie") or []:
            cookies.load(header)
    return {name: morsel.value for name, morsel in cookies.items()}


def bearer_token(base_url: str, account: Account) -> str:
    answer = Api(base_url).post("/api/v1/auth/token", {"username": account.username, "password": account.password})
    return answer["token"]


def make_image(path: Path, color: tuple[float, float, float], size: int = 96) -> Path:
    """A real image file made with oiiotool: a flat colour with a checker, so each colour hashes apart."""
    r, g, b = color
    subprocess.run(["oiiotool", "--pattern", f"constant:color={r},{g},{b}", f"{size}x{size}", "3",
                    "--pattern", f"checker:width=16:height=16:color1={b},{r},{g}:color2={r},{g},{b}", f"{size}x{size}", "3",
                    "--add", "-o", str(path)], check=True, capture_output=True)
    return path

