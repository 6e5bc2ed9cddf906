// The chronology's filters (filters.js does the filtering; see it for the address and
// the data files): how a filtered list of events is drawn — by year and section, each
// event as the static list shows it. Without JavaScript, or opened from disk, the pages
// list every event.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL(script.getAttribute("data-root") || "./", location.href);
  var filters = window.listFilters;
  if (!filters) return;
  var element = filters.element, link = filters.link;

  function names(read) {
    var byId = {};
    read.entities.forEach(function (row) { byId[row[0]] = row[1]; });
    return byId;
  }

  var STATUS = { scheduled: "예정", planned: "계획", cancelled: "취소" };

  // One event as the static list shows it, from its record (views/chronology.py: record).
  function eventItem(read, number, event, byId) {
    var page = Math.floor(number / read.per_page) + 1;
    var entry = new URL("chronology/" + (page > 1 ? page + "/" : "") + "#" + event.a, root).href;
    var item = element("li", "event " + (event.k || "reported") + " status-" + (event.s || "happened") +
                       (event.s === "scheduled" || event.s === "planned" ? " future" : ""));
    item.id = "f-" + event.a;
    var when = element("p", "when");
    var gutter = link(entry, "");
    gutter.className = "gutter";
    gutter.title = "연표 " + page + "쪽의 항목";
    var time = element("time");
    time.setAttribute("datetime", event.t);
    if (event.d !== event.g) time.appendChild(element("span", "visually-hidden", event.d.slice(0, event.d.length - event.g.length)));
    time.appendChild(document.createTextNode(event.g));
    gutter.appendChild(time);
    when.appendChild(gutter);
    item.appendChild(when);
    var body = element("div", "event-body");
    var what = element("p", "what");
    if (STATUS[event.s]) {
      what.appendChild(element("span", "badge status-" + event.s, STATUS[event.s]));
      what.appendChild(document.createTextNode(" "));
    }
    what.appendChild(element("span", "headline", event.h));
    body.appendChild(what);
    if (event.r || event.x || event.c) {
      var flags = element("p", "flags");
      if (event.r) flags.appendChild(element("span", "flag corroborated", "보도 " + event.r + "건"));
      if (event.x) {
        var disputed = element("span", "flag disputed", "날짜 엇갈림");
        disputed.appendChild(element("span", "other-dates", ": 다른 보도는 " + event.x.join(", ")));
        flags.appendChild(disputed);
      }
      if (event.c) flags.appendChild(element("span", "flag curated", "연구자 정리"));
      body.appendChild(flags);
    }
    if (event.who || event.e) {
      var people = element("div", "names");
      [[event.who, "누가", "chips actors"], [event.e, event.who ? "관련" : "이름", "chips"]].forEach(function (group) {
        if (!group[0]) return;
        people.appendChild(element("span", "names-label", group[1]));
        people.appendChild(document.createTextNode(" "));
        var chips = element("ul", group[2]);
        group[0].forEach(function (id) {
          var chip = element("li");
          chip.appendChild(link(new URL("entities/" + id + "/", root).href, byId[id] || id));
          chips.appendChild(chip);
        });
        people.appendChild(chips);
      });
      body.appendChild(people);
    }
    var sources = element("p", "sources");
    sources.appendChild(element("span", "names-label", "출처"));
    sources.appendChild(document.createTextNode(" "));
    event.src.forEach(function (source, i) {
      var one = element("span", "source");
      one.appendChild(link(new URL(source[0], root).href, source[1] + (source[2] ? " · " + source[2] : "")));
      if (source[3]) one.appendChild(element("span", "cites", " (" + source[3] + " 인용)"));
      sources.appendChild(one);
      if (i < event.src.length - 1) sources.appendChild(document.createTextNode(", "));
    });
    body.appendChild(sources);
    item.appendChild(body);
    return item;
  }

  // The events shown, grouped by year and section.
  function draw(read, shown) {
    var byId = names(read);
    var box = document.createDocumentFragment();
    var yearList = null, sectionList = null, lastYear = null, lastSection = null, yearCount = null;
    shown.forEach(function (entry) {
      var section = entry.section;
      var year = section[0].slice(1, 5);
      if (year !== lastYear) {
        yearList = element("section", "year");
        var heading = element("h2", "section-title", year + "년 ");
        heading.id = "f-y" + year;
        yearCount = element("span", "count");
        yearCount.dataset.n = "0";
        heading.appendChild(yearCount);
        yearList.appendChild(heading);
        box.appendChild(yearList);
        lastYear = year;
        lastSection = null;
      }
      if (section[0] !== lastSection) {
        var part = element("section", "month");
        var title = element("h3", "month-title", section[1].slice(year.length + 2) || section[1]);
        if (section[0].slice(-2) === "-y") title.textContent = "연도만 알려진 일";
        title.id = "f-" + section[0];
        title.tabIndex = -1;
        part.appendChild(title);
        sectionList = element("ol", "events");
        part.appendChild(sectionList);
        yearList.appendChild(part);
        lastSection = section[0];
      }
      yearCount.dataset.n = String(+yearCount.dataset.n + 1);
      yearCount.textContent = yearCount.dataset.n + "건";
      sectionList.appendChild(eventItem(read, entry.number, entry.item, byId));
    });
    return box;
  }

  filters.start({
    data: new URL("chronology/data/", root), items: "events/", noun: "사건", draw: draw,
    empty: "조건에 맞는 사건이 없습니다.", failed: "연표 자료를 불러오지 못했습니다.",
    form: document.getElementById("chrono-filter"), clear: document.getElementById("chrono-clear"),
    status: document.getElementById("chrono-status"), results: document.getElementById("chrono-results"),
    list: document.getElementById("chrono-list"), pager: document.getElementById("chrono-pager"),
    overview: document.querySelector(".overview")
  });
})();
