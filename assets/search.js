// The search page: Pagefind's UI over the site's index. The address follows the query
// (?q=…), so a search can be shared, and opening such an address runs it.
(function () {
  "use strict";
  var element = document.getElementById("search");
  if (!element || typeof PagefindUI === "undefined") return;
  var baseUrl = new URL(element.getAttribute("data-root") || "./", window.location.href).pathname;
  var ui = new PagefindUI({
    element: "#search",
    baseUrl: baseUrl,
    showSubResults: true,
    showImages: false,
    autofocus: true
  });
  var input = element.querySelector("input");
  if (input) input.setAttribute("aria-labelledby", "search-title");  // a visible label for the field
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
  element.addEventListener("input", function (event) {
    if (!event.target.matches("input")) return;
    var url = new URL(window.location.href);
    if (event.target.value) url.searchParams.set("q", event.target.value);
    else url.searchParams.delete("q");
    window.history.replaceState(null, "", url);
  });
})();
