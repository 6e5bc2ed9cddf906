// The home page's filters by outlet, year and name (filters.js does the filtering; see it
// for the address and the data files): how a filtered list of reports is drawn — by month,
// each report as the static list shows it. Without JavaScript, or opened from disk, the
// pages list every report.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL(script.getAttribute("data-root") || "./", location.href);
  var filters = window.listFilters;
  if (!filters) return;
  var element = filters.element;

  // One report as the static list shows it, from its record (views/lists.py: record).
  function reportItem(report) {
    var item = element("li", "report-item");
    var article = filters.reportArticle(report, root);
    if (report.n) article.appendChild(element("p", "title-note", report.n));
    if (report.k) {
      var deck = element("ul", "deck-lines");
      report.k.forEach(function (line) { deck.appendChild(element("li", "", line)); });
      article.appendChild(deck);
    } else if (report.x) {
      article.appendChild(element("p", "deck teaser", report.x));
    }
    item.appendChild(article);
    return item;
  }

  filters.start({
    data: new URL("page/data/", root), items: "reports/", noun: "보도", draw: function (read, shown) { return filters.byMonth(shown, reportItem); },
    empty: "조건에 맞는 보도가 없습니다.", failed: "보도 목록 자료를 불러오지 못했습니다.",
    form: document.getElementById("home-filter"), clear: document.getElementById("home-clear"),
    status: document.getElementById("home-status"), results: document.getElementById("home-results"),
    list: document.getElementById("home-list"), pager: document.getElementById("home-pager"),
    overview: document.querySelector(".home-overview")
  });
})();
