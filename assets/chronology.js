// The chronology's filters. The address says what is shown (?entity=nvidia&outlet=…&
// status=scheduled&year=2024, any of them together); the form changes the address
// (back and forward step through the filters). A filtered list is drawn from the data
// files the build writes under chronology/data/ (microsite/output/views/chronology.py):
// the manifest, one list of event numbers per chosen name, outlet or status, and the few
// files of events the list shows — never the whole chronology. The overview's bars follow
// the filter's counts. Without JavaScript, or opened from disk, the pages list every event.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL(script.getAttribute("data-root") || "./", location.href);
  var data = new URL("chronology/data/", root);
  var form = document.getElementById("chrono-filter");
  var statusLine = document.getElementById("chrono-status");
  var results = document.getElementById("chrono-results");
  var list = document.getElementById("chrono-list");
  var pager = document.getElementById("chrono-pager");
  var clear = document.getElementById("chrono-clear");
  var overview = document.querySelector(".overview");
  if (!form || location.protocol === "file:" || !window.fetch) return;

  var FIELDS = ["entity", "outlet", "status", "year"];
  var files = {};
  var manifest = null;
  var current = null;  // what is shown: {filters, numbers, start}
  var drawn = 0;  // the latest drawing wins

  function get(path) {
    if (!files[path]) {
      files[path] = fetch(new URL(path, data)).then(function (response) {
        if (!response.ok) throw new Error(path + ": " + response.status);
        return response.json();
      });
      files[path].catch(function () { delete files[path]; });
    }
    return files[path];
  }

  function decode(text) {  // base-36 steps → ascending numbers
    var at = 0;
    return text ? text.split(",").map(function (step) { at += parseInt(step, 36); return at; }) : [];
  }

  function both(a, b) {  // two ascending lists → the numbers in both
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return out;
  }

  function filtersFrom(search) {
    var params = new URLSearchParams(search), filters = {};
    FIELDS.forEach(function (name) { filters[name] = (params.get(name) || "").trim(); });
    return filters;
  }

  function active(filters) { return FIELDS.some(function (name) { return filters[name]; }); }

  function addressFor(filters) {
    var params = new URLSearchParams();
    FIELDS.forEach(function (name) { if (filters[name]) params.set(name, filters[name]); });
    var query = params.toString();
    return location.pathname + (query ? "?" + query : "");
  }

  function option(select, value, label) {
    var item = document.createElement("option");
    item.value = value;
    item.textContent = label;
    select.appendChild(item);
    return item;
  }

  function fillForm(read) {
    read.entities.forEach(function (row) { option(form.elements.entity, row[0], row[1] + " (" + row[2] + ")"); });
    read.outlets.forEach(function (row) { option(form.elements.outlet, row[0], row[0] + " (" + row[1] + ")"); });
    var counts = {};
    read.statuses.forEach(function (row) { counts[row[0]] = row[2]; });
    Array.prototype.slice.call(form.elements.status.options, 1).forEach(function (item) {
      if (counts[item.value]) item.textContent += " (" + counts[item.value] + ")"; else item.remove();
    });
    yearsOf(read).forEach(function (year) { option(form.elements.year, year.year, year.year + "년 (" + year.count + ")"); });
  }

  function yearsOf(read) {
    var years = [];
    read.sections.forEach(function (section) {
      var year = parseInt(section[0].slice(1, 5), 10);
      if (!years.length || years[years.length - 1].year !== year) years.push({ year: year, first: section[2], count: 0 });
      years[years.length - 1].count += section[3];
    });
    return years;
  }

  function showForm(filters) {
    FIELDS.forEach(function (name) {
      var select = form.elements[name];
      if (filters[name] && !Array.prototype.some.call(select.options, function (o) { return o.value === filters[name]; })) {
        option(select, filters[name], filters[name] + " (0)");  // a value the archive does not have: shown, and it finds nothing
      }
      select.value = filters[name];
    });
    clear.hidden = !active(filters);
  }

  // The numbers of the events that pass every filter, ascending.
  function matching(read, filters) {
    var wanted = [];
    if (filters.entity) {
      var known = read.entities.some(function (row) { return row[0] === filters.entity; });
      wanted.push(known ? get("entity/" + filters.entity + ".json") : Promise.resolve({ n: "" }));
    }
    if (filters.outlet) {
      var outlet = read.outlets.filter(function (row) { return row[0] === filters.outlet; })[0];
      wanted.push(outlet ? get("outlet/" + outlet[2] + ".json") : Promise.resolve({ n: "" }));
    }
    if (filters.status) {
      var status = read.statuses.some(function (row) { return row[0] === filters.status; });
      wanted.push(status ? get("status/" + filters.status + ".json") : Promise.resolve({ n: "" }));
    }
    return Promise.all(wanted).then(function (found) {
      var numbers = null;
      found.forEach(function (file) { var these = decode(file.n); numbers = numbers ? both(numbers, these) : these; });
      if (filters.year) {
        var year = yearsOf(read).filter(function (y) { return String(y.year) === filters.year; })[0];
        var lo = year ? year.first : 0, hi = year ? year.first + year.count : 0;
        if (numbers) numbers = numbers.filter(function (n) { return n >= lo && n < hi; });
        else { numbers = []; for (var n = lo; n < hi; n++) numbers.push(n); }
      }
      return numbers || [];
    });
  }

  function sectionOf(read, number) {  // the section that holds event *number* (binary search)
    var lo = 0, hi = read.sections.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (read.sections[mid][2] <= number) lo = mid; else hi = mid - 1;
    }
    return read.sections[lo];
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function link(href, text) {
    var node = element("a", "", text);
    node.href = href;
    return node;
  }

  function describe(read, filters) {
    var parts = [];
    if (filters.entity) {
      var entity = read.entities.filter(function (row) { return row[0] === filters.entity; })[0];
      parts.push(entity ? entity[1] : filters.entity);
    }
    if (filters.outlet) parts.push(filters.outlet);
    if (filters.status) {
      var status = read.statuses.filter(function (row) { return row[0] === filters.status; })[0];
      parts.push(status ? status[1] : filters.status);
    }
    if (filters.year) parts.push(filters.year + "년");
    return parts.join(" · ");
  }

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

  // Draws numbers[start … start + shown] grouped by year and section, fetching only the
  // event files they are in.
  function drawList(read, filters, numbers, start) {
    var shown = numbers.slice(start, start + read.shown);
    var chunks = [];
    shown.forEach(function (n) {
      var chunk = Math.floor(n / read.chunk);
      if (chunks.indexOf(chunk) < 0) chunks.push(chunk);
    });
    return Promise.all(chunks.map(function (chunk) { return get("events/" + chunk + ".json"); })).then(function (loaded) {
      var events = {};
      chunks.forEach(function (chunk, i) { events[chunk] = loaded[i]; });
      var byId = names(read);
      var box = document.createDocumentFragment();
      var yearList = null, sectionList = null, lastYear = null, lastSection = null, yearCount = null;
      shown.forEach(function (n) {
        var section = sectionOf(read, n);
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
        sectionList.appendChild(eventItem(read, n, events[Math.floor(n / read.chunk)][n % read.chunk], byId));
      });
      results.textContent = "";
      if (numbers.length) results.appendChild(box);
      if (numbers.length > read.shown) results.appendChild(steps(read, filters, numbers, start));
      results.hidden = false;
    });
  }

  function steps(read, filters, numbers, start) {
    var nav = element("nav", "pager");
    nav.setAttribute("aria-label", "거른 사건 쪽");
    var last = Math.min(start + read.shown, numbers.length);
    if (start > 0) nav.appendChild(stepButton("← 앞의 " + read.shown + "건", function () { show(read, filters, numbers, start - read.shown); }));
    nav.appendChild(element("span", "pager-where", (start + 1) + "–" + last + "번째 / " + numbers.length + "건"));
    if (last < numbers.length) nav.appendChild(stepButton("다음 " + Math.min(read.shown, numbers.length - last) + "건 →", function () { show(read, filters, numbers, last); }));
    return nav;
  }

  function stepButton(text, action) {
    var button = element("button", "pager-step", text);
    button.type = "button";
    button.addEventListener("click", function () {
      action().then(function () {  // the new slice's first heading takes the focus, so reading goes on from there
        var first = results.querySelector("h3");
        if (first) first.focus();
      });
    });
    return button;
  }

  function show(read, filters, numbers, start) {
    current = { filters: filters, numbers: numbers, start: start };
    return drawList(read, filters, numbers, start);
  }

  // The overview's bars and years, counted for the numbers shown (all events when none).
  function recount(read, numbers) {
    if (!overview) return;
    var counts = {}, years = {};
    if (numbers) {
      numbers.forEach(function (n) {
        var section = sectionOf(read, n);
        counts[section[0]] = (counts[section[0]] || 0) + 1;
        years[section[0].slice(1, 5)] = (years[section[0].slice(1, 5)] || 0) + 1;
      });
    } else {
      read.sections.forEach(function (section) {
        counts[section[0]] = section[3];
        years[section[0].slice(1, 5)] = (years[section[0].slice(1, 5)] || 0) + section[3];
      });
    }
    var bars = overview.querySelectorAll("a.bar[data-section]");
    var peak = 1;
    Array.prototype.forEach.call(bars, function (bar) { peak = Math.max(peak, counts[bar.dataset.section] || 0); });
    Array.prototype.forEach.call(bars, function (bar) {
      var n = counts[bar.dataset.section] || 0;
      var level = n ? Math.max(1, Math.ceil(n * 8 / peak)) : 0;
      bar.className = "bar lv" + level;
      bar.querySelector(".n").textContent = String(n);
    });
    Array.prototype.forEach.call(overview.querySelectorAll(".chart-year[data-year]"), function (year) {
      year.querySelector(".chart-year-count").textContent = (years[year.dataset.year] || 0) + "건";
    });
  }

  function apply(filters) {
    var mine = ++drawn;
    showForm(filters);
    if (!active(filters)) {
      current = null;
      results.hidden = true;
      results.textContent = "";
      list.hidden = false;
      if (pager) pager.hidden = false;
      statusLine.textContent = "";
      if (manifest) manifest.then(function (read) { if (mine === drawn) recount(read, null); });
      return Promise.resolve();
    }
    list.hidden = true;
    if (pager) pager.hidden = true;
    statusLine.textContent = "거르는 중…";
    return manifest.then(function (read) {
      return matching(read, filters).then(function (numbers) {
        if (mine !== drawn) return;
        var what = describe(read, filters);
        statusLine.textContent = numbers.length ? what + ": 사건 " + numbers.length + "건" :
          what + ": 조건에 맞는 사건이 없습니다. 필터를 바꾸거나 해제해 보세요.";
        recount(read, numbers);
        return show(read, filters, numbers, 0);
      });
    }).catch(function () {
      if (mine !== drawn) return;
      statusLine.textContent = "연표 자료를 불러오지 못했습니다. 필터를 해제하면 전체 목록을 볼 수 있습니다.";
      list.hidden = false;
      if (pager) pager.hidden = false;
    });
  }

  // A bar, in a filtered list, leads to its section there (drawing the slice that holds it).
  if (overview) {
    overview.addEventListener("click", function (event) {
      var bar = event.target.closest("a.bar[data-section], a.chart-year[data-year]");
      if (!bar || !current) return;
      event.preventDefault();
      manifest.then(function (read) {
        var key = bar.dataset.section, year = bar.dataset.year;
        var at = -1;
        current.numbers.some(function (n, i) {
          var section = sectionOf(read, n);
          if (key ? section[0] === key : section[0].slice(1, 5) === year) { at = i; return true; }
          return false;
        });
        if (at < 0) return;
        var start = at - at % read.shown;
        var ready = start === current.start ? Promise.resolve() : show(read, current.filters, current.numbers, start);
        ready.then(function () {
          var target = document.getElementById(key ? "f-" + key : "f-y" + year);
          if (target) { target.tabIndex = -1; target.scrollIntoView(); target.focus({ preventScroll: true }); }
        });
      });
    });
  }

  form.addEventListener("change", function () {
    var filters = {};
    FIELDS.forEach(function (name) { filters[name] = form.elements[name].value; });
    history.pushState(null, "", addressFor(filters));
    apply(filters);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  clear.addEventListener("click", function () {
    history.pushState(null, "", addressFor({}));
    apply(filtersFrom(""));
    form.elements.entity.focus();
  });
  window.addEventListener("popstate", function () { apply(filtersFrom(location.search)); });

  manifest = get("index.json");
  manifest.then(function (read) {
    fillForm(read);
    form.hidden = false;
    return apply(filtersFrom(location.search));
  }).catch(function () {
    statusLine.textContent = active(filtersFrom(location.search)) ? "연표 자료를 불러오지 못해 모든 사건을 보여 줍니다." : "";
  });
})();
