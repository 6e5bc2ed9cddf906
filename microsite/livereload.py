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
from urllib.parse import unquote, urlsplit

EVENTS_PATH = "/__livereload"
CLIENT_PATH = "/__livereload.js"
MAX_URL = 2048
TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
         ".json": "application/json", ".xml": "application/xml; charset=utf-8", ".svg": "image/svg+xml",
         ".png": "image/png", ".jpg": "image/jpeg", ".txt": "text/plain; charset=utf-8", ".csv": "text/csv; charset=utf-8",
         ".pf_meta": "application/octet-stream", ".pf_fragment": "application/octet-stream",
         ".pf_index": "application/octet-stream", ".pf_filter": "application/octet-stream",
         ".pagefind": "application/octet-stream", ".wasm": "application/wasm"}

CLIENT = r"""(function () {
  "use strict";
  var key = "livereload:scroll:" + location.pathname;
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    window.addEventListener("load", function () { window.scrollTo(0, Number(saved)); });
  }
  function here() { return location.pathname.replace(/index\.html$/, ""); }
  function overlay(message) {
    var box = document.getElementById("livereload-overlay");
    if (!message) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("div");
      box.id = "livereload-overlay";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:99999;" +
        "background:#2b0b0b;color:#ffdede;font:14px/1.5 ui-monospace,monospace;padding:1rem 1.25rem;" +
        "border-top:4px solid #ff5555;white-space:pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = "빌드 오류 — 파일을 고치면 이 안내는 사라집니다.\n\n" + message;
  }
  var events = new EventSource("/__livereload");
  events.addEventListener("reload", function (event) {
    var data = JSON.parse(event.data);
    if (data.all || data.paths.indexOf(here()) >= 0) {
      sessionStorage.setItem(key, String(window.scrollY));
      location.reload();
    }
  });
  events.addEventListener("css", function () {
    document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
      var url = new URL(link.href);
      url.searchParams.set("livereload", String(Date.now()));
      link.href = url.toString();
    });
  });
  events.addEventListener("build-error", function (event) { overlay(JSON.parse(event.data).message); });
  events.addEventListener("build-ok", function () { overlay(""); });
})();
"""


class Broadcaster:
    """Fans build results out to every connected browser; remembers the current error so
    a page opened later shows it too."""

    def __init__(self) -> None:
        self._clients: list[queue.Queue] = []
        self._lock = threading.Lock()
        self.error = ""
        self.sent: list[tuple[str, dict]] = []  # for tests and logs

    def connect(self) -> queue.Queue:
        channel: queue.Queue = queue.Queue()
        with self._lock:
            self._clients.append(channel)
        if self.error:
            channel.put(("build-error", {"message": self.error}))
        return channel

    def disconnect(self, channel: queue.Queue) -> None:
        with self._lock:
            if channel in self._clients:
                self._clients.remove(channel)

    def send(self, event: str, data: dict) -> None:
        if event == "build-error":
            self.error = data["message"]
        elif event == "build-ok":
            self.error = ""
        with self._lock:
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
    target = (site / posixpath.normpath(decoded or ".")).resolve()
    root = site.resolve()
    if target != root and not target.is_relative_to(root):
        return None
    if target.is_dir():
        target = target / "index.html"
    return target


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], site: Path, base_path: str, broadcaster: Broadcaster):
        self.site = site
        self.base_path = base_path
        self.broadcaster = broadcaster
        super().__init__(address, _Handler)

    def handle_error(self, request, client_address) -> None:
        """A browser that leaves mid-answer (a reload, a closed tab) is everyday life, not an
        error; anything else is one line, never a traceback in the author's terminal."""
        error = sys.exc_info()[1]
        if not isinstance(error, (ConnectionError, TimeoutError)):
            print(f"preview server: {type(error).__name__}: {error}", file=sys.stderr)


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # quiet: the terminal is for build messages
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if len(self.path) > MAX_URL:
            return self._plain(HTTPStatus.REQUEST_URI_TOO_LONG, "URL too long")
        if self.path == EVENTS_PATH:
            return self._events()
        if self.path == CLIENT_PATH:
            return self._send(HTTPStatus.OK, CLIENT.encode(), "text/javascript; charset=utf-8")
        if self.path in ("/", "") and self.server.base_path != "/":
            self.send_response(HTTPStatus.FOUND)
            self.send_header("Location", self.server.base_path)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        target = safe_path(self.server.site, self.server.base_path, self.path)
        if target is None:
            return self._plain(HTTPStatus.NOT_FOUND, "not found")
        if not target.is_file():
            missing = self.server.site / "404.html"
            if missing.is_file():
                return self._send(HTTPStatus.NOT_FOUND, _inject(missing.read_bytes()), TYPES[".html"])
            return self._plain(HTTPStatus.NOT_FOUND, "not found")
        data = target.read_bytes()
        content_type = TYPES.get(target.suffix, "application/octet-stream")
        if target.suffix == ".html":
            data = _inject(data)
        return self._send(HTTPStatus.OK, data, content_type)

    def _events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "keep-alive")
        self.end_headers()
        channel = self.server.broadcaster.connect()
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
        self.wfile.write(data)

    def _plain(self, status: HTTPStatus, text: str) -> None:
        self._send(status, text.encode(), "text/plain; charset=utf-8")


def _inject(html: bytes) -> bytes:
    tag = f'<script src="{CLIENT_PATH}"></script>'.encode()
    index = html.rfind(b"</body>")
    return html[:index] + tag + html[index:] if index >= 0 else html + tag
