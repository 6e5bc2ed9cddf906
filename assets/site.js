// Small enhancements for every page; reading and navigating work without them.
// "/" focuses the search box; a result link's ?highlight= marks the words on the page;
// pages work offline after one visit (service worker); opened from disk (file://),
// folder links get their index.html so navigation keeps working; a report's paragraphs
// and headings get a ¶ link to themselves (shown on hover or focus), so a passage can be
// cited by its address — added here, not in the HTML, to keep report pages light.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL(script.getAttribute("data-root") || "./", location.href);

  var body = document.querySelector(".report-body[data-paragraph-link]");
  if (body) {
    Array.prototype.forEach.call(body.children, function (block) {
      var kind = /^p-\d+$/.test(block.id) ? "paragraph" : /^s-\d+$/.test(block.id) ? "heading" : "";
      if (!kind) return;
      var link = document.createElement("a");
      link.className = "self-link";
      link.href = "#" + block.id;
      link.setAttribute("aria-label", body.getAttribute("data-" + kind + "-link") + " (" + block.id + ")");
      block.append(link);  // its ¶ is drawn by the stylesheet: copying a paragraph copies only its words
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var box = document.getElementById("search-input") || document.getElementById("site-search");
    if (box) { event.preventDefault(); box.focus(); box.select(); }
  });

  if (location.protocol === "file:") {
    document.querySelectorAll("a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (/^[a-z]+:/i.test(href) || href.charAt(0) === "#") return;
      var parts = href.split("#");
      if (parts[0] === "" || /\/$/.test(parts[0]) || parts[0] === "." || parts[0] === "./") {
        parts[0] = parts[0].replace(/\/?$/, "/") + "index.html";
        link.setAttribute("href", parts.join("#"));
      }
    });
    document.querySelectorAll("form.site-search").forEach(function (form) {
      form.setAttribute("action", form.getAttribute("action") + "index.html");
    });
    return;
  }

  if (new URLSearchParams(location.search).has("highlight")) {
    import(new URL("pagefind/pagefind-highlight.js", root).href).then(function (module) {
      new module.default({ highlightParam: "highlight", addStyles: false });
    }).catch(function () {});
  }

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register(new URL("sw.js", root).href).catch(function () {});
  }
})();
