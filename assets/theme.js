// The reader's light or dark choice, remembered on this device: applied before the page is
// drawn (this script is not deferred), and toggled by the header's button. Without it, or
// before any choice, the system's scheme shows.
(function () {
  "use strict";
  var KEY = "microsite-theme";
  var root = document.documentElement;
  var stored = (function () {
    try { return localStorage.getItem(KEY); } catch { return null; }  // storage may be off
  }());
  if (stored === "light" || stored === "dark") root.setAttribute("data-theme", stored);

  function current() {
    var chosen = root.getAttribute("data-theme");
    if (chosen) return chosen;
    return window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  function label(button) {
    var dark = current() === "dark";
    button.setAttribute("aria-pressed", dark ? "true" : "false");
    button.textContent = "어두운 화면";
  }

  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("theme-toggle");
    if (!button) return;
    button.hidden = false;
    label(button);
    button.addEventListener("click", function () {
      var next = current() === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { localStorage.setItem(KEY, next); } catch { /* storage off: the choice lasts for this page */ }
      label(button);
    });
  });
}());
