// Filters of a long list through the address, shared by the chronology (chronology.js),
// the home page's reports (home.js) and an entity's mentions (entity.js). The address says what is shown
// (?entity=nvidia&outlet=…&year=2024, any of them together); the form changes the address
// (back and forward step through the filters). A filtered list is drawn from the data
// files the build writes for the list (microsite/output/filterdata.py): the manifest, one
// list of item numbers per chosen name, outlet or status, and the few files of items the
// list shows — never the whole archive. The overview's bars follow the filter's counts.
// Without JavaScript, or opened from disk, the form stays hidden and the pages list everything.
(function () {
  "use strict";

  // The filters a list may have, as the manifest lists their values: [value, label, count]
  // (entities, statuses) or [name, count, file] (outlets); a short list's outlets carry
  // their numbers instead of a file: [name, count, "", numbers]. A year is a run of sections.
  var CHOICES = {
    entity: { rows: "entities", label: 1, count: 2, file: function (row) { return "entity/" + row[0]; } },
    outlet: { rows: "outlets", label: 0, count: 1, file: function (row) { return "outlet/" + row[2]; } },
    status: { rows: "statuses", label: 1, count: 2, file: function (row) { return "status/" + row[0]; } }
  };

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

  function yearOf(section) { return parseInt(section[0].slice(1, 5), 10); }  // "m2024-07" → 2024; NaN for "undated"

  function yearsOf(read) {  // the years in the list's order, each a run of numbers
    var years = [];
    read.sections.forEach(function (section) {
      var year = yearOf(section);
      if (isNaN(year)) return;
      if (!years.length || years[years.length - 1].year !== year) years.push({ year: year, first: section[2], count: 0 });
      years[years.length - 1].count += section[3];
    });
    return years;
  }

  function sectionOf(read, number) {  // the section that holds item *number* (binary search)
    var lo = 0, hi = read.sections.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (read.sections[mid][2] <= number) lo = mid; else hi = mid - 1;
    }
    return read.sections[lo];
  }

  // A report's title and its "outlet · date" line as the static lists draw them, from a
  // record's u (address, from *root*), t (title), o (outlet), d (date label), p (ISO date).
  function reportArticle(report, root) {
    var article = element("article");
    var title = element("h4");
    title.appendChild(link(new URL(report.u, root).href, report.t));
    article.appendChild(title);
    var meta = element("p", "meta");
    meta.appendChild(element("span", "outlet", report.o || "매체 미상"));
    meta.appendChild(document.createTextNode(" · "));
    var time = element("time", "", report.d);
    if (report.p) time.setAttribute("datetime", report.p);
    meta.appendChild(time);
    article.appendChild(meta);
    return article;
  }

  // The items shown ([{item, section}]) under their months' headings (h3, "f-m2024-07"),
  // each drawn by item(record) as the static list draws it.
  function byMonth(shown, item) {
    var box = document.createDocumentFragment();
    var items = null, count = null, last = null;
    shown.forEach(function (entry) {
      var section = entry.section;
      if (section[0] !== last) {
        var part = element("section", "report-month");
        var title = element("h3", "month-title", section[1] + " ");
        title.id = "f-" + section[0];
        title.tabIndex = -1;
        count = element("span", "count");
        count.dataset.n = "0";
        title.appendChild(count);
        part.appendChild(title);
        items = element("ol", "report-list");
        part.appendChild(items);
        box.appendChild(part);
        last = section[0];
      }
      count.dataset.n = String(+count.dataset.n + 1);
      count.textContent = count.dataset.n + "건";
      items.appendChild(item(entry.item));
    });
    return box;
  }

  // options: data (URL of the list's data folder), items (its folder of items, "events/"),
  // noun ("사건"), empty (what to say when nothing matches), failed (when the data cannot
  // be read), the page's elements (form, clear, status, results, list, pager, overview)
  // and draw(read, shown) → the nodes of the items shown ([{number, item, section}]).
  function listFilters(options) {
    var form = options.form, statusLine = options.status, results = options.results;
    var list = options.list, pager = options.pager, clear = options.clear, overview = options.overview;
    if (!form || location.protocol === "file:" || !window.fetch) return;
    var fields = Array.prototype.map.call(form.querySelectorAll("select"), function (select) { return select.name; });
    var files = {};
    var manifest = null;
    var current = null;  // what is shown: {filters, numbers, start}
    var drawn = 0;  // the latest drawing wins

    function get(path) {
      if (!files[path]) {
        files[path] = fetch(new URL(path, options.data)).then(function (response) {
          if (!response.ok) throw new Error(path + ": " + response.status);
          return response.json();
        });
        files[path].catch(function () { delete files[path]; });
      }
      return files[path];
    }

    function filtersFrom(search) {
      var params = new URLSearchParams(search), filters = {};
      fields.forEach(function (name) { filters[name] = (params.get(name) || "").trim(); });
      return filters;
    }

    function active(filters) { return fields.some(function (name) { return filters[name]; }); }

    function addressFor(filters) {
      var params = new URLSearchParams();
      fields.forEach(function (name) { if (filters[name]) params.set(name, filters[name]); });
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

    function rowOf(read, name, value) {
      return read[CHOICES[name].rows].filter(function (row) { return row[0] === value; })[0];
    }

    function fillForm(read) {
      fields.forEach(function (name) {
        var select = form.elements[name], choice = CHOICES[name];
        if (name === "year") {
          yearsOf(read).forEach(function (year) { option(select, year.year, year.year + "년 (" + year.count + ")"); });
        } else if (select.options.length > 1) {  // values written in the page: counted, or dropped when none
          Array.prototype.slice.call(select.options, 1).forEach(function (item) {
            var row = rowOf(read, name, item.value);
            if (row) item.textContent += " (" + row[choice.count] + ")"; else item.remove();
          });
        } else {
          read[choice.rows].forEach(function (row) { option(select, row[0], row[choice.label] + " (" + row[choice.count] + ")"); });
        }
      });
    }

    function showForm(filters) {
      fields.forEach(function (name) {
        var select = form.elements[name];
        if (filters[name] && !Array.prototype.some.call(select.options, function (o) { return o.value === filters[name]; })) {
          option(select, filters[name], filters[name] + " (0)");  // a value the archive does not have: shown, and it finds nothing
        }
        select.value = filters[name];
      });
      clear.hidden = !active(filters);
    }

    // The numbers of the items that pass every filter, ascending.
    function matching(read, filters) {
      var wanted = fields.filter(function (name) { return name !== "year" && filters[name]; }).map(function (name) {
        var row = rowOf(read, name, filters[name]);
        if (!row) return Promise.resolve({ n: "" });
        return row.length > 3 ? Promise.resolve({ n: row[3] }) : get(CHOICES[name].file(row) + ".json");
      });
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

    function describe(read, filters) {
      return fields.filter(function (name) { return filters[name]; }).map(function (name) {
        if (name === "year") return filters.year + "년";
        var row = rowOf(read, name, filters[name]);
        return row ? row[CHOICES[name].label] : filters[name];
      }).join(" · ");
    }

    // Draws numbers[start … start + shown], fetching only the files of items they are in.
    function show(read, filters, numbers, start) {
      current = { filters: filters, numbers: numbers, start: start };
      var shown = numbers.slice(start, start + read.shown);
      var chunks = [];
      shown.forEach(function (n) {
        var chunk = Math.floor(n / read.chunk);
        if (chunks.indexOf(chunk) < 0) chunks.push(chunk);
      });
      return Promise.all(chunks.map(function (chunk) { return get(options.items + chunk + ".json"); })).then(function (loaded) {
        var items = {};
        chunks.forEach(function (chunk, i) { items[chunk] = loaded[i]; });
        var box = options.draw(read, shown.map(function (n) {
          return { number: n, item: items[Math.floor(n / read.chunk)][n % read.chunk], section: sectionOf(read, n) };
        }));
        results.textContent = "";
        if (numbers.length) results.appendChild(box);
        if (numbers.length > read.shown) results.appendChild(steps(read, filters, numbers, start));
        results.hidden = false;
      });
    }

    function steps(read, filters, numbers, start) {
      var nav = element("nav", "pager");
      nav.setAttribute("aria-label", "거른 " + options.noun + " 쪽");
      var last = Math.min(start + read.shown, numbers.length);
      if (start > 0) nav.appendChild(stepButton("← 앞의 " + read.shown + "건", function () { return show(read, filters, numbers, start - read.shown); }));
      nav.appendChild(element("span", "pager-where", (start + 1) + "–" + last + "번째 / " + numbers.length + "건"));
      if (last < numbers.length) nav.appendChild(stepButton("다음 " + Math.min(read.shown, numbers.length - last) + "건 →", function () { return show(read, filters, numbers, last); }));
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

    // The overview's bars and years, counted for the numbers shown (all items when none).
    function recount(read, numbers) {
      if (!overview) return;
      var counts = {}, years = {};
      function add(section, n) {
        counts[section[0]] = (counts[section[0]] || 0) + n;
        years[yearOf(section)] = (years[yearOf(section)] || 0) + n;
      }
      if (numbers) numbers.forEach(function (n) { add(sectionOf(read, n), 1); });
      else read.sections.forEach(function (section) { add(section, section[3]); });
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

    function showAll(shown) {
      list.hidden = !shown;
      if (pager) pager.hidden = !shown;
    }

    function apply(filters) {
      var mine = ++drawn;
      showForm(filters);
      if (!active(filters)) {
        current = null;
        results.hidden = true;
        results.textContent = "";
        showAll(true);
        statusLine.textContent = "";
        if (manifest) manifest.then(function (read) { if (mine === drawn) recount(read, null); });
        return Promise.resolve();
      }
      showAll(false);
      statusLine.textContent = "거르는 중…";
      return manifest.then(function (read) {
        return matching(read, filters).then(function (numbers) {
          if (mine !== drawn) return;
          var what = describe(read, filters);
          statusLine.textContent = numbers.length ? what + ": " + options.noun + " " + numbers.length + "건" :
            what + ": " + options.empty + " 필터를 바꾸거나 해제해 보세요.";
          recount(read, numbers);
          return show(read, filters, numbers, 0);
        });
      }).catch(function () {
        if (mine !== drawn) return;
        statusLine.textContent = options.failed + " 필터를 해제하면 전체 목록을 볼 수 있습니다.";
        showAll(true);
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
            if (key ? section[0] === key : String(yearOf(section)) === year) { at = i; return true; }
            return false;
          });
          if (at < 0) return;
          var start = at - at % read.shown;
          var ready = start === current.start ? Promise.resolve() : show(read, current.filters, current.numbers, start);
          ready.then(function () {
            var target = document.getElementById(key ? "f-" + key : "f-y" + year) ||
              document.getElementById("f-" + sectionOf(read, current.numbers[at])[0]);
            if (target) { target.tabIndex = -1; target.scrollIntoView(); target.focus({ preventScroll: true }); }
          });
        });
      });
    }

    form.addEventListener("change", function () {
      var filters = {};
      fields.forEach(function (name) { filters[name] = form.elements[name].value; });
      history.pushState(null, "", addressFor(filters));
      apply(filters);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    clear.addEventListener("click", function () {
      history.pushState(null, "", addressFor({}));
      apply(filtersFrom(""));
      form.elements[fields[0]].focus();
    });
    window.addEventListener("popstate", function () { apply(filtersFrom(location.search)); });

    manifest = get("index.json");
    manifest.then(function (read) {
      fillForm(read);
      form.hidden = false;
      return apply(filtersFrom(location.search));
    }).catch(function () {
      statusLine.textContent = active(filtersFrom(location.search)) ? options.failed + " 전체 목록을 보여 줍니다." : "";
    });
  }

  window.listFilters = { start: listFilters, element: element, link: link, byMonth: byMonth, reportArticle: reportArticle };
})();
