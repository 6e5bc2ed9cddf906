"""The preview server: serves ``site/`` under the configured base path, injects the
live-reload client into HTML responses (so built files never contain it), and pushes
build results to browsers with Server-Sent Events.

It serves only files inside the site folder: paths are decoded once, and any ``..``,
backslash, NUL or absolute component is refused, encoded or not.
"""
from __future__ import annotations

import json
import posixpath
import queue
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

EVENTS_PATH = "/__livereload"
CLIENT_PATH = "/__livereload.js"
MAX_URL = 2048
TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
         ".json": "application/json", ".xml": "application/xml; charset=utf-8", ".svg": "image/svg+xml",
         ".png": "image/png", ".jpg": "image/jpeg", ".txt": "text/plain; charset=utf-8", ".csv": "text/csv; charset=utf-8",
         ".pf_meta": "application/octet-stream", ".pf_fragment": "application/octet-stream",
         ".pf_index": "application/octet-stream", ".pf_filter": "application/octet-stream",
         ".pagefind": "application/octet-stream", ".wasm": "application/wasm"}

CLIENT = Path(__file__).with_name("client.js").read_bytes()
# The preview serves this in place of the site's service worker: precaching thousands of
# pages would queue a reader's reloads behind them, and a worker left by an earlier visit
# to the same address (a built site served on port 8000) must not answer for the preview.
NO_WORKER = b"""// The live preview: no offline copy. This worker removes itself and any earlier one.
self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys()
    .then(function (keys) { return Promise.all(keys.map(function (key) { return caches.delete(key); })); })
    .then(function () { return self.registration.unregister(); }));
});
"""


class Broadcaster:
    """Fans build results out to every connected browser. It numbers the site's changes
    (generations) and remembers when each page last changed, so that a page that connects
    after a change it was served before is reloaded at once; it remembers the current error
    so that a page opened later shows it too."""

    def __init__(self) -> None:
        self._clients: list[queue.Queue] = []
        self._lock = threading.Lock()
        self.error = ""
        self.generation = 0
        self._changed: dict[str, int] = {}  # page address -> generation of its last change
        self._everything = self._css = 0  # generations of the last change to every page, to the stylesheets
        self.sent: list[tuple[str, dict]] = []  # for tests and logs

    def connect(self, since: int = -1, path: str = "") -> queue.Queue:
        """A channel for a browser showing *path* as served at generation *since* (-1: unknown)."""
        channel: queue.Queue = queue.Queue()
        with self._lock:
            self._clients.append(channel)
            if since >= 0 and max(self._everything, self._changed.get(path, 0)) > since:
                channel.put(("reload", {"all": False, "paths": [path]}))
            elif since >= 0 and self._css > since:
                channel.put(("css", {}))
            if self.error:
                channel.put(("build-error", {"message": self.error}))
        return channel

    def disconnect(self, channel: queue.Queue) -> None:
        with self._lock:
            if channel in self._clients:
                self._clients.remove(channel)

    def send(self, event: str, data: dict) -> None:
        with self._lock:
            if event == "build-error":
                self.error = data["message"]
            elif event == "build-ok":
                self.error = ""
            elif event in ("reload", "css"):
                self.generation += 1
                if event == "css":
                    self._css = self.generation
                elif data.get("all"):
                    self._everything = self.generation
                else:
                    self._changed.update(dict.fromkeys(data["paths"], self.generation))
            self.sent.append((event, data))
            for channel in self._clients:
                channel.put((event, data))

    def close(self) -> None:
        with self._lock:
            for channel in self._clients:
                channel.put(None)


def safe_path(site: Path, base_path: str, raw_path: str) -> Path | None:
    """The file a request may be served from, or None when it lies outside the site."""
    if len(raw_path) > MAX_URL:
        return None
    path = urlsplit(raw_path).path
    if not path.startswith(base_path):
        return None
    decoded = unquote(path[len(base_path):])
    if "\\" in decoded or "\x00" in decoded or decoded.startswith("/"):
        return None
    parts = decoded.split("/")
    if any(part in ("..", ".") for part in parts):
        return None
    try:  # a name too long for the file system is simply not there
        target = (site / posixpath.normpath(decoded or ".")).resolve()
        root = site.resolve()
        if target != root and not target.is_relative_to(root):
            return None
        if target.is_dir():
            target = target / "index.html"
    except OSError:
        return None
    return target


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], site: Path, base_path: str, broadcaster: Broadcaster):
        self.site = site
        self.base_path = base_path
        self.broadcaster = broadcaster
        super().__init__(address, _Handler)

    def host_allowed(self, host: str) -> bool:
        """A request's Host names this server: its address or localhost, with its port. A
        server listening on every address (0.0.0.0, ::) is meant to be reached by any name."""
        bound, port = self.server_address[:2]
        if bound in ("0.0.0.0", "::", ""):
            return True
        names = {bound, f"[{bound}]", "localhost", "127.0.0.1", "[::1]"}
        return host in {f"{name}:{port}" for name in names} | ({bound, "localhost"} if port == 80 else set())

    def handle_error(self, request, client_address) -> None:
        """A browser that leaves mid-answer (a reload, a closed tab) is everyday life, not an
        error; anything else is one line, never a traceback in the author's terminal."""
        error = sys.exc_info()[1]
        if not isinstance(error, (ConnectionError, TimeoutError)):
            print(f"preview server: {type(error).__name__}: {error}", file=sys.stderr)


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"
    timeout = 60  # seconds a connection may stay silent (the event stream speaks every 15)
    head_only = False

    def log_message(self, *args) -> None:  # quiet: the terminal is for build messages
        pass

    def do_HEAD(self) -> None:  # noqa: N802 (http.server's naming)
        self.head_only = True
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if len(self.path) > MAX_URL:
            return self._plain(HTTPStatus.REQUEST_URI_TOO_LONG, "URL too long")
        if not self.server.host_allowed(self.headers.get("Host", "")):  # DNS rebinding: another site's page asking
            return self._plain(HTTPStatus.FORBIDDEN, "this preview answers only to its own address")
        address = urlsplit(self.path)
        if address.path == EVENTS_PATH:
            query = parse_qs(address.query)
            since = query.get("since", ["-1"])[0]
            return self._events(int(since) if since.isdigit() else -1, query.get("path", [""])[0])
        if self.path == CLIENT_PATH:
            return self._send(HTTPStatus.OK, CLIENT, "text/javascript; charset=utf-8")
        if self.path in ("/", "") and self.server.base_path != "/":
            self.send_response(HTTPStatus.FOUND)
            self.send_header("Location", self.server.base_path)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if address.path == self.server.base_path + "sw.js":
            return self._send(HTTPStatus.OK, NO_WORKER, TYPES[".js"])
        target = safe_path(self.server.site, self.server.base_path, self.path)
        if target is None:
            return self._plain(HTTPStatus.NOT_FOUND, "not found")
        if not target.is_file():
            missing = self.server.site / "404.html"
            if missing.is_file():
                return self._send(HTTPStatus.NOT_FOUND, self._inject(missing.read_bytes()), TYPES[".html"])
            return self._plain(HTTPStatus.NOT_FOUND, "not found")
        generation = self.server.broadcaster.generation  # before reading: a change after it reloads the page
        data = target.read_bytes()
        content_type = TYPES.get(target.suffix, "application/octet-stream")
        if target.suffix == ".html":
            data = self._inject(data, generation)
        return self._send(HTTPStatus.OK, data, content_type)

    def _events(self, since: int, path: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "keep-alive")
        self.end_headers()
        if self.head_only:
            self.close_connection = True
            return
        channel = self.server.broadcaster.connect(since, path)
        try:
            self.wfile.write(b": connected\n\n")
            self.wfile.flush()
            while True:
                try:
                    message = channel.get(timeout=15)
                except queue.Empty:
                    self.wfile.write(b": keep-alive\n\n")
                    self.wfile.flush()
                    continue
                if message is None:
                    return
                event, data = message
                self.wfile.write(f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n".encode())
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return
        finally:
            self.server.broadcaster.disconnect(channel)
            self.close_connection = True

    def _send(self, status: HTTPStatus, data: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not self.head_only:
            self.wfile.write(data)

    def _plain(self, status: HTTPStatus, text: str) -> None:
        self._send(status, text.encode(), "text/plain; charset=utf-8")

    def _inject(self, html: bytes, generation: int | None = None) -> bytes:
        """The page with the live-reload client, told which generation of the site it shows."""
        since = self.server.broadcaster.generation if generation is None else generation
        tag = f'<script src="{CLIENT_PATH}" data-since="{since}"></script>'.encode()
        index = html.rfind(b"</body>")
        return html[:index] + tag + html[index:] if index >= 0 else html + tag


