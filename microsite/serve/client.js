// The live-reload client, added by the preview server to every HTML page it serves (built
// files never contain it). The server tells it which generation of the site the page was
// served from (data-since); the event stream then catches the page up on any change it
// missed while loading, so that a quick run of edits never leaves a page behind.
(function () {
  "use strict";
  var since = document.currentScript.getAttribute("data-since") || "0";
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
  var reloading = false;
  var events = new EventSource("/__livereload?since=" + encodeURIComponent(since) + "&path=" + encodeURIComponent(here()));
  events.addEventListener("reload", function (event) {
    var data = JSON.parse(event.data);
    if (!reloading && (data.all || data.paths.indexOf(here()) >= 0)) {
      reloading = true;
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
