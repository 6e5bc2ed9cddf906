// The search page. Over HTTP it queries Pagefind's index; opened from disk (file://),
// where module scripts and fetch are blocked, it searches a compact index shipped as a
// classic script (search-index.js). Korean queries lose their particles ("엔비디아가" →
// "엔비디아") and the original form is searched too, so exact forms rank first.
// Which pages match is decided by exact lookups, one per word or "quoted phrase": an
// unquoted Pagefind search also returns pages for the longest indexed prefix of a word
// that is nowhere (its backtracking has no cap), so it only orders what the lookups found.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL(script.getAttribute("data-root") || "./", location.href);
  var endings = JSON.parse(script.getAttribute("data-particles") || "[]");
  var input = document.getElementById("search-input");
  var form = input.form;
  var statusLine = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var controls = document.getElementById("search-controls");
  var filterBox = document.getElementById("search-filters");
  var sortBox = document.getElementById("search-sort");
  var moreButton = document.getElementById("search-more");
  var offline = location.protocol === "file:";
  var engine = null;
  var chosen = {};
  var FILTER_ORDER = ["종류", "매체", "연도", "개체"];
  var PAGE = 20;
  var latest = 0;

  function stripOnce(word) {
    if (!/[가-힣]$/.test(word)) return word;
    for (var i = 0; i < endings.length; i++) {
      var ending = endings[i];
      if (word.length - ending.length >= 2 && word.slice(-ending.length) === ending) return word.slice(0, -ending.length);
    }
    return word;
  }

  function strip(word) {  // two particles can stack: 상무부+에서+는
    return stripOnce(stripOnce(word));
  }

  var encode = window.MicrositeSearchCode.encode, decode = window.MicrositeSearchCode.decode;  // assets/searchcode.js

  // The query's words and "quoted phrases", each to be found whole.
  function queryUnits(query) {
    var units = [];
    query.replace(/"([^"]+)"|(\S+)/g, function (all, phrase, word) {
      var unit = (phrase || word).replace(/"/g, "").trim();
      if (unit) units.push(unit);
      return all;
    });
    return units;
  }

  // Pagefind's own ?highlight= carries decomposed Hangul (jamo), which never matches the
  // page's text; the words as typed (particles stripped) do.
  function highlightUrl(url, words) {
    return url + "?" + words.map(function (w) { return "highlight=" + encodeURIComponent(w); }).join("&");
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function pagefindEngine() {
    return import(new URL("pagefind/pagefind.js", root).href).then(function (pagefind) {
      return pagefind.options({ baseUrl: root.pathname }).then(function () {
        return pagefind.filters();  // loads the filter data, without which results carry no counts
      }).then(function () {
        function exact(unit, options) {  // the pages that hold a word, or a phrase, as it is
          return pagefind.search('"' + encode(unit) + '"', options);
        }
        return {
          search: function (query, options) {
            var units = queryUnits(query);
            return Promise.all(units.map(function (unit) { return exact(unit, options); })).then(function (lookups) {
              var allowed = lookups.map(function (found) {
                var ids = {};
                found.results.forEach(function (result) { ids[result.id] = true; });
                return ids;
              });
              var holds = function (result) { return allowed.every(function (ids) { return ids[result.id]; }); };
              return pagefind.search(encode(units.join(" ")), options).then(function (ranked) {
                var ids = ranked.results.filter(holds), listed = {};
                ids.forEach(function (result) { listed[result.id] = true; });
                lookups[0].results.forEach(function (result) {  // exact matches the ranking missed, last
                  if (!listed[result.id] && holds(result)) ids.push(result);
                });
                var counted = units.length === 1 ? lookups[0] : ranked;  // a lone word's counts are exact
                return { ids: ids, filters: counted.totalFilters || counted.filters || {} };
              });
            });
          },
          load: function (result, words) {
            return result.data().then(function (data) {
              return { url: highlightUrl(data.url.split("?")[0], words), title: decode(data.meta.title || data.url),
                       outlet: decode(data.meta["매체"] || ""), date: decode(data.meta["날짜"] || ""),
                       kind: (data.filters["종류"] || [""])[0], language: decode(data.meta["언어"] || ""),
                       excerpt: decode(data.excerpt) };
            });
          },
          key: function (result) { return result.id; }
        };
      });
    });
  }

  function diskEngine() {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = new URL("search-index.js", root).href;
      tag.onload = function () { resolve(window.MICROSITE_SEARCH_INDEX); };
      tag.onerror = reject;
      document.head.appendChild(tag);
    }).then(function (pages) {
      return {
        search: function (query, options) {
          var words = queryUnits(query);
          var found = [];
          var counts = { "종류": {}, "매체": {}, "연도": {} };
          var lowered = words.map(function (word) { return word.toLowerCase(); });
          pages.forEach(function (page) {
            var haystack = (page.title + " " + page.text).toLowerCase();
            var score = 0;
            for (var i = 0; i < lowered.length; i++) {
              var hits = haystack.split(lowered[i]).length - 1;
              if (!hits) return;
              score += hits + (page.title.toLowerCase().indexOf(lowered[i]) >= 0 ? 10 : 0);
            }
            var filters = { "종류": [page.kind], "매체": page.outlet ? [page.outlet] : [], "연도": page.year ? [page.year] : [] };
            for (var name in options.filters) {
              var wanted = options.filters[name].any || [];
              if (wanted.length && !wanted.some(function (v) { return filters[name] && filters[name].indexOf(v) >= 0; })) return;
            }
            Object.keys(filters).forEach(function (name) {
              filters[name].forEach(function (value) { counts[name][value] = (counts[name][value] || 0) + 1; });
            });
            found.push({ page: page, score: score, words: words });
          });
          if (options.sort) found.sort(function (a, b) {
            return options.sort.date === "desc" ? b.page.date_sort.localeCompare(a.page.date_sort) : a.page.date_sort.localeCompare(b.page.date_sort);
          });
          else found.sort(function (a, b) { return b.score - a.score; });
          return Promise.resolve({ ids: found, filters: counts });
        },
        load: function (result) {
          var page = result.page, text = page.text, at = -1;
          for (var i = 0; i < result.words.length && at < 0; i++) at = text.indexOf(result.words[i]);
          var start = Math.max(0, at - 40), piece = escapeHtml(text.slice(start, start + 160));
          result.words.forEach(function (word) { piece = piece.split(escapeHtml(word)).join("<mark>" + escapeHtml(word) + "</mark>"); });
          return Promise.resolve({ url: new URL(page.url + (/\/$/.test(page.url) ? "index.html" : ""), root).href,
                                   title: page.title, outlet: page.outlet, date: page.date, kind: page.kind, language: page.language,
                                   excerpt: (start > 0 ? "…" : "") + piece + "…" });
        },
        key: function (result) { return result.page.url; }
      };
    });
  }

  function ready() {
    if (!engine) engine = offline ? diskEngine() : pagefindEngine();
    return engine;
  }

  function currentFilters() {
    var filters = {};
    Object.keys(chosen).forEach(function (name) {
      var values = Object.keys(chosen[name]).filter(function (v) { return chosen[name][v]; });
      if (values.length) filters[name] = { any: values };
    });
    return filters;
  }

  function run(query) {
    var ticket = ++latest;
    var words = queryUnits(query);
    if (!words.length) {
      list.innerHTML = "";
      statusLine.textContent = "검색어를 입력하세요.";
      controls.hidden = true;
      return Promise.resolve();
    }
    var quoted = function (word) { return /\s/.test(word) ? '"' + word + '"' : word; };
    var exact = words.map(quoted).join(" ");
    var broad = words.map(function (word) { return /\s/.test(word) ? quoted(word) : strip(word); }).join(" ");
    var options = { filters: currentFilters() };
    if (sortBox.value) options.sort = { date: sortBox.value };
    statusLine.textContent = "찾는 중…";
    return ready().then(function (search) {
      var searches = [search.search(exact, options)];
      if (broad !== exact) searches.push(search.search(broad, options));
      return Promise.all(searches).then(function (found) {
        if (ticket !== latest) return;
        var seen = {}, merged = [];
        found.forEach(function (one) {
          one.ids.forEach(function (result) {
            var key = search.key(result);
            if (!seen[key]) { seen[key] = true; merged.push(result); }
          });
        });
        drawFilters(found[found.length - 1].filters);
        var marked = words.map(strip);
        var shown = [];
        var more = function () {
          var next = merged.slice(shown.length, shown.length + PAGE);
          return Promise.all(next.map(function (result) { return search.load(result, marked); })).then(function (items) {
            if (ticket !== latest) return;
            shown = shown.concat(items);
            draw(shown, merged.length, exact, broad, shown.length < merged.length ? more : null);
          });
        };
        return more();
      });
    }).catch(function () {
      statusLine.textContent = offline
        ? "이 사본에서는 검색 색인을 읽을 수 없습니다. search-index.js 파일이 사이트 폴더에 있는지 확인하세요."
        : "검색 색인을 불러오지 못했습니다. 네트워크를 확인한 뒤 다시 시도하세요.";
    });
  }

  function draw(items, total, exact, broad, more) {
    controls.hidden = false;
    moreButton.hidden = !more;
    moreButton.onclick = more && function () { moreButton.disabled = true; more().then(function () { moreButton.disabled = false; }); };
    if (!total) {
      list.innerHTML = "";
      statusLine.textContent = "‘" + exact + "’에 대한 검색 결과가 없습니다. 다른 낱말로 찾아보세요.";
      return;
    }
    statusLine.textContent = "‘" + exact + "’" + (broad !== exact ? "(‘" + broad + "’ 포함)" : "") + " 검색 결과 " + total + "건" +
      (total > items.length ? ", 앞의 " + items.length + "건" : "");
    list.innerHTML = items.map(function (item) {
      var meta = [item.kind, item.outlet, item.date, item.language].filter(Boolean).map(escapeHtml).join(" · ");
      return '<li class="search-result"><a class="search-result-link" href="' + escapeHtml(item.url) + '">' + escapeHtml(item.title) +
        "</a>" + (meta ? '<p class="meta">' + meta + "</p>" : "") + '<p class="excerpt">' + item.excerpt + "</p></li>";
    }).join("");
  }

  function drawFilters(counts) {
    var html = "";
    FILTER_ORDER.forEach(function (name) {
      var values = counts[name] || {};
      var keys = Object.keys(values).filter(function (v) { return values[v] > 0 || (chosen[name] && chosen[name][v]); });
      if (!keys.length) return;
      keys.sort(function (a, b) { return name === "연도" ? b.localeCompare(a) : values[b] - values[a] || a.localeCompare(b); });
      html += '<fieldset class="search-filter' + (keys.length > 12 ? " long" : "") + '"><legend>' + escapeHtml(name) + "</legend>" + keys.map(function (value) {
        var on = chosen[name] && chosen[name][value];
        return '<label><input type="checkbox" data-filter="' + escapeHtml(name) + '" value="' + escapeHtml(value) + '"' +
          (on ? " checked" : "") + "> " + escapeHtml(value) + ' <span class="count">' + (values[value] || 0) + "</span></label>";
      }).join("") + "</fieldset>";
    });
    filterBox.innerHTML = html;
  }

  // The address holds the whole search (?q=…&sort=desc&filter=매체:연합뉴스), so it can be shared.
  function remember() {
    var url = new URL(location.href);
    if (input.value) url.searchParams.set("q", input.value); else url.searchParams.delete("q");
    if (sortBox.value) url.searchParams.set("sort", sortBox.value); else url.searchParams.delete("sort");
    url.searchParams.delete("filter");
    var filters = currentFilters();
    Object.keys(filters).sort().forEach(function (name) {
      filters[name].any.forEach(function (value) { url.searchParams.append("filter", name + ":" + value); });
    });
    history.replaceState(null, "", url);
  }

  function recall() {
    var params = new URLSearchParams(location.search);
    if (/^(asc|desc)$/.test(params.get("sort") || "")) sortBox.value = params.get("sort");
    params.getAll("filter").forEach(function (pair) {
      var at = pair.indexOf(":");
      if (at < 1) return;
      var name = pair.slice(0, at);
      chosen[name] = chosen[name] || {};
      chosen[name][pair.slice(at + 1)] = true;
    });
  }

  filterBox.addEventListener("change", function (event) {
    var box = event.target;
    var name = box.getAttribute("data-filter");
    chosen[name] = chosen[name] || {};
    chosen[name][box.value] = box.checked;
    remember();
    run(input.value);
  });
  sortBox.addEventListener("change", function () { remember(); run(input.value); });

  var timer = null;
  input.addEventListener("input", function () {
    remember();
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 200);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run(input.value);
  });

  recall();
  // On a wide screen the filters stand beside the results; on a phone they fold above them.
  controls.open = window.matchMedia("(min-width: 64rem)").matches;
  // What the reader typed while this script was loading wins over the address.
  var query = input.value || new URLSearchParams(location.search).get("q") || "";
  if (query !== input.value) input.value = query;
  else if (query) input.dispatchEvent(new Event("input"));  // the address follows the typed words
  if (query) run(query); else statusLine.textContent = "검색어를 입력하세요.";
})();
