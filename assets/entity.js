// An entity's mentions filtered by outlet and year (filters.js does the filtering; see it
// for the address and the data files): each report as the static list draws it — its
// title, outlet and date, its first sentences with the mentions marked and a link to the
// paragraph, the rest folded. Without JavaScript, or opened from disk, the pages list
// every report.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL(script.getAttribute("data-root") || "./", location.href);
  var data = new URL(script.getAttribute("data-data"), location.href);
  var filters = window.listFilters;
  if (!filters) return;
  var element = filters.element, link = filters.link;

  // One sentence: [anchor, block, text, [[start, end], …]] → its text with the mentions marked.
  function sentence(report, entry) {
    var item = element("li"), text = entry[2], at = 0;
    entry[3].forEach(function (mark) {
      if (mark[0] < at) return;
      item.appendChild(document.createTextNode(text.slice(at, mark[0])));
      item.appendChild(element("mark", "", text.slice(mark[0], mark[1])));
      at = mark[1];
    });
    item.appendChild(document.createTextNode(text.slice(at) + " "));
    var to = link(new URL(report.u, root).href + "#" + entry[0], entry[1]);
    to.className = "sentence-link";
    item.appendChild(to);
    return item;
  }

  function sentences(report, entries) {
    var list = element("ul", "sentences");
    entries.forEach(function (entry) { list.appendChild(sentence(report, entry)); });
    return list;
  }

  // A report from its record (views/entities.py: _record).
  function mentionItem(report) {
    var item = element("li", "mention-report");
    var article = filters.reportArticle(report, root);
    article.querySelector(".meta").appendChild(document.createTextNode(" · " + report.c + "회"));
    article.appendChild(sentences(report, report.s));
    if (report.f) {
      var more = element("details", "more-sentences");
      more.appendChild(element("summary", "", "문장 " + report.f.length + "개 더 보기"));
      more.appendChild(sentences(report, report.f));
      article.appendChild(more);
    }
    item.appendChild(article);
    return item;
  }

  filters.start({
    data: data, items: "reports/", noun: "보도", draw: function (read, shown) { return filters.byMonth(shown, mentionItem); },
    empty: "조건에 맞는 보도가 없습니다.", failed: "언급 목록 자료를 불러오지 못했습니다.",
    form: document.getElementById("entity-filter"), clear: document.getElementById("entity-clear"),
    status: document.getElementById("entity-status"), results: document.getElementById("entity-results"),
    list: document.getElementById("entity-list"), pager: document.getElementById("entity-pager"),
    overview: document.querySelector(".entity-chart")
  });
})();
