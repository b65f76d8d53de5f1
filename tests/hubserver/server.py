"""A local, in-memory stand-in for the Hugging Face Hub HTTP API, just big enough for push/diff/load tests.

The Hub cannot be reached from the test machines, and mocking `huggingface_hub` would test our
assumptions instead of the real clients. So the tests run the real `huggingface_hub` and `datasets`
against this server (HF_ENDPOINT=http://127.0.0.1:PORT, HF_HUB_DISABLE_XET=1 for plain LFS uploads).

It keeps a git-like history for real: every commit is an immutable snapshot of the tree with a parent,
branches and tags point at commits, and any revision (branch, tag or commit sha) can be listed and
downloaded. LFS files are stored by sha256 and appear in trees as pointers, as on the Hub. Only the
routes that the clients call in these flows exist; everything else is a 404 that is logged in
`HubServer.unrouted`, which the test sessions require to stay empty, so a client version that needs
more shows up at once.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import re
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

LFS_SUFFIXES = (".parquet", ".arrow", ".bin", ".zip", ".gz")
INITIAL_GITATTRIBUTES = (b"*.parquet filter=lfs diff=lfs merge=lfs -text\n"
                         b"*.arrow filter=lfs diff=lfs merge=lfs -text\n")
FIXED_DATE = "2026-01-01T00:00:00.000Z"


def git_blob_oid(content: bytes) -> str:
    """The git object id of a blob, which is what the Hub reports as a file's `oid`."""
    return hashlib.sha1(b"blob %d\0" % len(content) + content).hexdigest()


def lfs_pointer(sha256: str, size: int) -> bytes:
    return f"version https://git-lfs.github.com/spec/v1\noid sha256:{sha256}\nsize {size}\n".encode()


@dataclasses.dataclass(frozen=True)
class Entry:
    """One file in a commit's tree: regular content inline, LFS content by sha256."""

    size: int
    blob_oid: str
    content: bytes | None = None
    lfs_sha256: str | None = None

    def info(self, path: str) -> dict[str, Any]:
        data: dict[str, Any] = {"type": "file", "oid": self.blob_oid, "size": self.size, "path": path}
        if self.lfs_sha256 is not None:
            data["lfs"] = {"oid": self.lfs_sha256, "size": self.size,
                           "pointerSize": len(lfs_pointer(self.lfs_sha256, self.size))}
        return data


@dataclasses.dataclass(frozen=True)
class Commit:
    sha: str
    parent: str | None
    title: str
    message: str
    files: dict[str, Entry]


@dataclasses.dataclass
class Repo:
    repo_id: str
    repo_type: str
    private: bool
    commits: dict[str, Commit] = dataclasses.field(default_factory=dict)
    branches: dict[str, str] = dataclasses.field(default_factory=dict)
    tags: dict[str, str] = dataclasses.field(default_factory=dict)

    def resolve(self, revision: str) -> Commit | None:
        revision = urllib.parse.unquote(revision)
        sha = self.branches.get(revision) or self.tags.get(revision)
        if sha is None and re.fullmatch(r"[0-9a-f]{7,40}", revision):
            sha = next((c for c in self.commits if c.startswith(revision)), None)
        return self.commits.get(sha) if sha else None

    def add_commit(self, parent: Commit | None, title: str, message: str, files: dict[str, Entry],
                   branch: str) -> Commit:
        tree = json.dumps(sorted((p, e.blob_oid) for p, e in files.items()))
        seed = f"{parent.sha if parent else ''}\n{title}\n{message}\n{tree}\n{len(self.commits)}"
        commit = Commit(hashlib.sha1(seed.encode()).hexdigest(), parent.sha if parent else None,
                        title, message, dict(files))
        self.commits[commit.sha] = commit
        self.branches[branch] = commit.sha
        return commit


class HubState:
    """Everything the server knows, guarded by one lock (requests arrive on several threads)."""

    def __init__(self, token: str | None) -> None:
        self.token = token
        self.repos: dict[tuple[str, str], Repo] = {}
        self.lfs_objects: dict[str, bytes] = {}
        self.requests: list[str] = []
        self.unrouted: list[str] = []
        self.fail_next: dict[str, int] = {}
        self.lock = threading.RLock()


class HubServer:
    """Runs the fake Hub on a free port of 127.0.0.1 in a daemon thread."""

    def __init__(self, token: str | None = None) -> None:
        self.state = HubState(token)
        handler = type("BoundHandler", (_Handler,), {"state": self.state})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def endpoint(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def requests(self) -> list[str]:
        """Every request as "METHOD /path" (no query, no headers: nothing secret), in arrival order."""
        return self.state.requests

    @property
    def unrouted(self) -> list[str]:
        """Requests no route answered: what a newer client needs that this server does not do yet."""
        return self.state.unrouted

    def fail(self, route: str, times: int = 1) -> None:
        """Answer 500 to the next `times` requests of a route (e.g. "commit") to simulate a Hub outage."""
        with self.state.lock:
            self.state.fail_next[route] = times

    def repo(self, repo_id: str, repo_type: str = "dataset") -> Repo:
        return self.state.repos[(repo_type, repo_id)]

    def start(self) -> HubServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@contextmanager
def running_hub(token: str | None = None) -> Iterator[HubServer]:
    server = HubServer(token).start()
    try:
        yield server
    finally:
        server.stop()


class HttpError(Exception):
    def __init__(self, status: int, message: str, error_code: str | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.error_code = status, message, error_code


REPO_TYPES = {"datasets": "dataset", "models": "model", "spaces": "space"}
_REPO = r"(?P<type>datasets|models|spaces)/(?P<repo>[^/]+/[^/]+?)"
ROUTES: list[tuple[str, str, str]] = [
    ("POST", r"/api/repos/create", "create_repo"),
    ("POST", r"/api/validate-yaml", "validate_yaml"),
    ("GET", rf"/api/{_REPO}(?:/revision/(?P<rev>[^/]+))?", "repo_info"),
    ("GET", rf"/api/{_REPO}/tree/(?P<rev>[^/]+)(?:/(?P<path>.*))?", "tree"),
    ("POST", rf"/api/{_REPO}/paths-info/(?P<rev>[^/]+)", "paths_info"),
    ("POST", rf"/api/{_REPO}/preupload/(?P<rev>[^/]+)", "preupload"),
    ("POST", rf"/api/{_REPO}/commit/(?P<rev>[^/]+)", "commit"),
    ("GET", rf"/api/{_REPO}/refs", "refs"),
    ("POST", rf"/api/{_REPO}/tag/(?P<rev>[^/]+)", "create_tag"),
    ("POST", r"/(?P<type>datasets|models|spaces)/(?P<repo>[^/]+/[^/]+?)\.git/info/lfs/objects/batch",
     "lfs_batch"),
    ("PUT", r"/_lfs/(?P<oid>[0-9a-f]{64})", "lfs_put"),
    ("GET", rf"/{_REPO}/resolve/(?P<rev>[^/]+)/(?P<path>.+)", "resolve"),
    ("HEAD", rf"/{_REPO}/resolve/(?P<rev>[^/]+)/(?P<path>.+)", "resolve"),
]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state: HubState

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass  # the request list is the log; stderr noise would hide test output

    # --- plumbing -------------------------------------------------------------------------------
    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_HEAD(self) -> None:
        self._dispatch("HEAD")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def _body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _dispatch(self, method: str) -> None:
        url = urllib.parse.urlsplit(self.path)
        self.query = urllib.parse.parse_qs(url.query)
        self.body = self._body() if method in ("POST", "PUT") else b""
        with self.state.lock:
            self.state.requests.append(f"{method} {url.path}")
        found = [(name, m) for route_method, pattern, name in ROUTES
                 if route_method == method and (m := re.fullmatch(pattern, url.path))]
        if not found:
            with self.state.lock:
                self.state.unrouted.append(f"{method} {url.path}")
            return self._send_json({"error": f"no route {method} {url.path}"}, 404)
        name, match = found[0]
        params = {k: urllib.parse.unquote(v) for k, v in match.groupdict().items() if v is not None}
        try:
            with self.state.lock:
                if self.state.fail_next.get(name, 0) > 0:
                    self.state.fail_next[name] -= 1
                    raise HttpError(500, "Internal Error - simulated outage")
                getattr(self, f"route_{name}")(**params)
        except HttpError as err:
            headers = {"X-Error-Code": err.error_code} if err.error_code else {}
            self._send_json({"error": err.message}, err.status, headers)

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _send_json(self, data: Any, status: int = 200, headers: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(data).encode(), {"Content-Type": "application/json", **(headers or {})})

    def _authorized(self) -> bool:
        expected = self.state.token
        return expected is None or self.headers.get("Authorization") == f"Bearer {expected}"

    def _repo(self, type: str, repo: str, write: bool = False) -> Repo:  # noqa: A002 - route group
        found = self.state.repos.get((REPO_TYPES[type], repo))
        if found is None or ((write or found.private) and not self._authorized()):
            raise HttpError(404, "Repository not found", "RepoNotFound")
        return found

    def _commit(self, repo: Repo, rev: str) -> Commit:
        commit = repo.resolve(rev)
        if commit is None:
            raise HttpError(404, f"Invalid rev id: {rev}", "RevisionNotFound")
        return commit

    def _endpoint(self) -> str:
        return f"http://{self.headers.get('Host')}"

    # --- routes ---------------------------------------------------------------------------------
    def route_create_repo(self) -> None:
        if not self._authorized() or not self.state.token:
            raise HttpError(401, "Invalid credentials in Authorization header")
        payload = json.loads(self.body)
        repo_type = payload.get("type") or "model"
        repo_id = f"{payload['organization']}/{payload['name']}"
        url = f"{self._endpoint()}/{'datasets/' if repo_type == 'dataset' else ''}{repo_id}"
        if (repo_type, repo_id) in self.state.repos:
            raise HttpError(409, "You already created this dataset repo")
        private = payload.get("visibility") == "private" or bool(payload.get("private"))
        repo = Repo(repo_id, repo_type, private)
        gitattributes = Entry(len(INITIAL_GITATTRIBUTES), git_blob_oid(INITIAL_GITATTRIBUTES),
                              INITIAL_GITATTRIBUTES)
        repo.add_commit(None, "initial commit", "", {".gitattributes": gitattributes}, "main")
        self.state.repos[(repo_type, repo_id)] = repo
        self._send_json({"url": url, "name": repo_id, "id": repo_id})

    def route_validate_yaml(self) -> None:
        self._send_json({"errors": [], "warnings": []})

    def route_repo_info(self, type: str, repo: str, rev: str = "main") -> None:  # noqa: A002
        found = self._repo(type, repo)
        commit = self._commit(found, rev)
        siblings = [{"rfilename": p} for p in sorted(commit.files)]
        if self.query.get("blobs"):
            siblings = [{"rfilename": p, "size": e.size, "blobId": e.blob_oid,
                         **({"lfs": {"sha256": e.lfs_sha256, "size": e.size,
                                     "pointerSize": len(lfs_pointer(e.lfs_sha256, e.size))}}
                            if e.lfs_sha256 else {})}
                        for p, e in sorted(commit.files.items())]
        self._send_json({"id": found.repo_id, "_id": found.repo_id, "author": found.repo_id.split("/")[0],
                         "sha": commit.sha, "private": found.private, "gated": False, "disabled": False,
                         "lastModified": FIXED_DATE, "createdAt": FIXED_DATE, "tags": [],
                         "downloads": 0, "likes": 0, "siblings": siblings})

    def _tree_entries(self, commit: Commit, prefix: str, recursive: bool) -> list[dict[str, Any]]:
        prefix = prefix.strip("/")
        base = f"{prefix}/" if prefix else ""
        files, folders = {}, set()
        for path, entry in commit.files.items():
            if not path.startswith(base):
                continue
            rest = path[len(base):].split("/")
            for depth in range(1, len(rest)):
                if recursive or depth == 1:
                    folders.add(base + "/".join(rest[:depth]))
            if recursive or len(rest) == 1:
                files[path] = entry
        out = [{"type": "directory", "oid": hashlib.sha1(f.encode()).hexdigest(), "size": 0, "path": f}
               for f in sorted(folders)]
        return out + [files[p].info(p) for p in sorted(files)]

    def route_tree(self, type: str, repo: str, rev: str, path: str = "") -> None:  # noqa: A002
        commit = self._commit(self._repo(type, repo), rev)
        if path and path.strip("/") in commit.files:
            raise HttpError(404, f"{path} is a file", "EntryNotFound")
        if path and not any(p.startswith(path.strip("/") + "/") for p in commit.files):
            raise HttpError(404, f"{path} does not exist on {rev}", "EntryNotFound")
        recursive = self.query.get("recursive", ["false"])[0].lower() in ("true", "1")
        self._send_json(self._tree_entries(commit, path, recursive))

    def route_paths_info(self, type: str, repo: str, rev: str) -> None:  # noqa: A002
        commit = self._commit(self._repo(type, repo), rev)
        form = urllib.parse.parse_qs(self.body.decode())
        out = []
        for path in form.get("paths", []):
            path = path.strip("/")
            if path in commit.files:
                out.append(commit.files[path].info(path))
            elif any(p.startswith(path + "/") for p in commit.files):
                out.append({"type": "directory", "oid": hashlib.sha1(path.encode()).hexdigest(), "size": 0,
                            "path": path})
        self._send_json(out)

    def route_preupload(self, type: str, repo: str, rev: str) -> None:  # noqa: A002
        found = self._repo(type, repo, write=True)
        commit = self._commit(found, rev)
        files = []
        for item in json.loads(self.body)["files"]:
            sample = base64.b64decode(item["sample"])
            lfs = item["path"].endswith(LFS_SUFFIXES) or b"\0" in sample or item["size"] > 10_000_000
            existing = commit.files.get(item["path"])
            oid = None
            if existing is not None:
                oid = existing.lfs_sha256 if existing.lfs_sha256 else existing.blob_oid
            files.append({"path": item["path"], "uploadMode": "lfs" if lfs else "regular",
                          "shouldIgnore": False, "oid": oid})
        self._send_json({"files": files, "commitOid": commit.sha})

    def route_lfs_batch(self, type: str, repo: str) -> None:  # noqa: A002
        self._repo(type, repo, write=True)
        objects = []
        for obj in json.loads(self.body)["objects"]:
            item: dict[str, Any] = {"oid": obj["oid"], "size": obj["size"], "authenticated": True}
            if obj["oid"] not in self.state.lfs_objects:
                item["actions"] = {"upload": {"href": f"{self._endpoint()}/_lfs/{obj['oid']}", "header": {}}}
            objects.append(item)
        self._send_json({"transfer": "basic", "objects": objects, "hash_algo": "sha256"})

    def route_lfs_put(self, oid: str) -> None:
        if hashlib.sha256(self.body).hexdigest() != oid:
            raise HttpError(400, "sha256 mismatch")
        self.state.lfs_objects[oid] = self.body
        self._send(200, b"")

    def route_commit(self, type: str, repo: str, rev: str) -> None:  # noqa: A002
        found = self._repo(type, repo, write=True)
        parent = self._commit(found, rev)
        lines = [json.loads(line) for line in self.body.splitlines() if line.strip()]
        header = next(item["value"] for item in lines if item["key"] == "header")
        expected_parent = header.get("parentCommit")
        if expected_parent and not parent.sha.startswith(expected_parent):
            raise HttpError(412, "A commit has happened since. Please refresh and try again.")
        files = dict(parent.files)
        for item in lines:
            key, value = item["key"], item["value"]
            if key == "file":
                content = base64.b64decode(value["content"])
                files[value["path"]] = Entry(len(content), git_blob_oid(content), content)
            elif key == "lfsFile":
                data = self.state.lfs_objects.get(value["oid"])
                if data is None:
                    raise HttpError(422, f"LFS object {value['oid']} was never uploaded")
                pointer = lfs_pointer(value["oid"], len(data))
                files[value["path"]] = Entry(len(data), git_blob_oid(pointer), lfs_sha256=value["oid"])
            elif key == "deletedFile":
                if value["path"] not in files:
                    raise HttpError(404, "A file with this name doesn't exist", "EntryNotFound")
                del files[value["path"]]
            elif key == "deletedFolder":
                folder = value["path"].rstrip("/") + "/"
                files = {p: e for p, e in files.items() if not p.startswith(folder)}
        branch = urllib.parse.unquote(rev)
        if branch not in found.branches:
            raise HttpError(400, f"{branch} is not a branch")
        commit = found.add_commit(parent, header["summary"], header.get("description", ""), files, branch)
        self._send_json({"success": True, "commitOid": commit.sha,
                         "commitUrl": f"{self._endpoint()}/{type}/{repo}/commit/{commit.sha}"})

    def route_refs(self, type: str, repo: str) -> None:  # noqa: A002
        found = self._repo(type, repo)

        def refs(kind: str, names: dict[str, str]) -> list[dict[str, str]]:
            return [{"name": n, "ref": f"refs/{kind}/{n}", "targetCommit": sha}
                    for n, sha in sorted(names.items())]

        self._send_json({"branches": refs("heads", found.branches), "converts": [],
                         "tags": refs("tags", found.tags), "pullRequests": []})

    def route_create_tag(self, type: str, repo: str, rev: str) -> None:  # noqa: A002
        found = self._repo(type, repo, write=True)
        commit = self._commit(found, rev)
        tag = json.loads(self.body)["tag"]
        if tag in found.tags:
            raise HttpError(409, f"Tag {tag} already exists")
        found.tags[tag] = commit.sha
        self._send_json({"name": tag, "ref": f"refs/tags/{tag}", "targetCommit": commit.sha})

    def route_resolve(self, type: str, repo: str, rev: str, path: str) -> None:  # noqa: A002
        found = self._repo(type, repo)
        commit = self._commit(found, rev)
        entry = commit.files.get(path)
        if entry is None:
            raise HttpError(404, f"Entry not found: {path}", "EntryNotFound")
        data = entry.content if entry.content is not None else self.state.lfs_objects[entry.lfs_sha256 or ""]
        etag = entry.lfs_sha256 or entry.blob_oid
        headers = {"X-Repo-Commit": commit.sha, "ETag": f'"{etag}"', "Accept-Ranges": "bytes",
                   "Content-Type": "application/octet-stream"}
        if entry.lfs_sha256:
            headers |= {"X-Linked-Etag": f'"{etag}"', "X-Linked-Size": str(entry.size)}
        ranged = re.fullmatch(r"bytes=(\d*)-(\d*)", self.headers.get("Range", ""))
        if ranged and self.command == "GET":
            start_s, end_s = ranged.groups()
            if start_s:
                start, end = int(start_s), min(int(end_s) if end_s else len(data) - 1, len(data) - 1)
            else:
                start, end = max(len(data) - int(end_s), 0), len(data) - 1
            headers["Content-Range"] = f"bytes {start}-{end}/{len(data)}"
            return self._send(206, data[start:end + 1], headers)
        self._send(200, data, headers)
