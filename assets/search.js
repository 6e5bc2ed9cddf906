// The search page. Over HTTP it queries Pagefind's index; opened from disk (file://),
// where module scripts and fetch are blocked, it searches a compact index shipped as a
// classic script (search-index.js) made from the same pages and terms.
// The contract (README, "Search"): a word finds the pages it is a term of (the word, its
// stem, a compound's nouns, an entity's names; see microsite/search/terms.py), and a word
// typed with particles finds its stem's pages too; a "quoted phrase" finds the pages where
// its words stand together; several find the pages that have all of them. Membership is
// decided by exact lookups: an unquoted Pagefind search also returns the pages of the
// longest indexed prefix of a word that is nowhere (its backtracking has no cap), so it
// only orders what the lookups found. Filters and their counts are applied here too, from
// each filter value's pages, so the counts follow the query and the other filters.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL(script.getAttribute("data-root") || "./", location.href);
  var code = window.MicrositeSearchCode;  // assets/searchcode.js
  var stem = code.stemmer(JSON.parse(script.getAttribute("data-endings") || "[]"), script.getAttribute("data-stem") || "[^]{2,}?");
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
  var PAGE = 10;
  var latest = 0;

  // The query's units: each word, and each "quoted phrase", as the index keys its words.
  function queryUnits(query) {
    var units = [];
    query.replace(/"([^"]*)"?|(\S+)/g, function (all, phrase, word) {
      var words = code.words(phrase === undefined ? word : phrase);
      if (words.length) units.push(words);
      return all;
    });
    return units;
  }

  // The words to mark on the pages: each word as typed and its stem.
  function markedWords(units) {
    var marked = [];
    units.forEach(function (words) {
      words.forEach(function (word) { [word, stem(word)].forEach(function (w) { if (marked.indexOf(w) < 0) marked.push(w); }); });
    });
    return marked;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function union(sets) {
    var all = {};
    sets.forEach(function (set) { for (var key in set) all[key] = true; });
    return all;
  }

  // The keys of the pages that hold every unit, in the engine's order, and the filter counts.
  function find(search, units, sort) {
    return Promise.all(units.map(function (words) {
      if (words.length > 1) return search.phrase(words);
      var forms = [words[0]];
      if (stem(words[0]) !== words[0]) forms.push(stem(words[0]));
      return Promise.all(forms.map(search.lookup)).then(union);
    })).then(function (sets) {
      var matched = sets.reduce(function (kept, set) {
        var both = {};
        for (var key in kept) if (set[key]) both[key] = true;
        return both;
      });
      return Promise.all([search.filterSets(), search.order(units, sort, Object.keys(matched))]).then(function (done) {
        var facets = done[0], order = done[1];
        var active = currentFilters();
        var allowed = function (key, except) {  // the page passes every chosen filter but *except*'s
          return Object.keys(active).every(function (name) {
            return name === except || active[name].some(function (value) { return (facets[name] || {})[value] && facets[name][value][key]; });
          });
        };
        var kept = Object.keys(matched).filter(function (key) { return allowed(key, null); });
        var counts = {};
        FILTER_ORDER.filter(function (name) { return facets[name]; }).forEach(function (name) {  // the ones shown
          counts[name] = {};
          var base = Object.keys(matched).filter(function (key) { return allowed(key, name); });
          Object.keys(facets[name]).forEach(function (value) {
            counts[name][value] = base.filter(function (key) { return facets[name][value][key]; }).length;
          });
        });
        var rank = {};
        order.forEach(function (key, at) { if (!(key in rank)) rank[key] = at; });
        var byRank = function (a, b) {  // the engine's order; pages it did not rank last, by key
          var ra = a in rank ? rank[a] : Infinity, rb = b in rank ? rank[b] : Infinity;
          return ra - rb || (a < b ? -1 : a > b ? 1 : 0);
        };
        kept.sort(byRank);
        var entityPages = (facets["종류"] || {})["색인"] || {};
        var entities = Object.keys(matched).filter(function (key) { return entityPages[key]; }).sort(byRank);
        return { keys: kept, counts: counts, entities: entities };  // entities: also those the filters leave out
      });
    });
  }

  function keySet(found) {
    var keys = {};
    found.results.forEach(function (result) { keys[result.id] = true; });
    return keys;
  }

  // The elements with an id (a paragraph #p-N, a chronology event) that hold the matches,
  // in page order, each the nearest one that starts before a match, with its text.
  function matchAnchors(data) {
    var anchors = (data.anchors || []).filter(function (a) { return a.id; }).sort(function (a, b) { return a.location - b.location; });
    var words = code.decode(data.content || "").split(" "), found = [];
    (data.locations || []).slice().sort(function (a, b) { return a - b; }).forEach(function (at) {
      var best = -1;
      anchors.forEach(function (anchor, i) { if (anchor.location <= at) best = i; });
      if (best < 0 || found.some(function (f) { return f.id === anchors[best].id; })) return;
      var end = best + 1 < anchors.length ? anchors[best + 1].location : anchors[best].location + 40;
      found.push({ id: anchors[best].id, element: anchors[best].element, text: words.slice(anchors[best].location, end).join(" ") });
    });
    return found;
  }

  // Pagefind's own ?highlight= carries decomposed Hangul (jamo), which never matches the
  // page's text; the words as typed (and their stems) do.
  function highlightUrl(url, words, anchor) {
    return url.split("?")[0] + "?" + words.map(function (w) { return "highlight=" + encodeURIComponent(w); }).join("&") +
      (anchor ? "#" + anchor.id : "");
  }

  function pagefindEngine() {
    return import(new URL("pagefind/pagefind.js", root).href).then(function (pagefind) {
      var results = {}, facetData = null;
      function remembered(found) {  // an exact result, until a ranked one replaces it
        found.results.forEach(function (result) { if (!results[result.id]) results[result.id] = result; });
        return found;
      }
      function exact(words) {
        return pagefind.search('"' + code.encode(words.join(" ")) + '"').then(remembered).then(keySet);
      }
      // Each filter value's pages and the pages in date order, by result id (written with
      // the bundle, see microsite/search/index.py: Pagefind's own filter counts and sorting
      // need a search without words, which loads every index chunk).
      function facets() {
        if (!facetData) facetData = fetch(new URL("pagefind/facets.json", root)).then(function (response) {
          if (!response.ok) throw new Error("facets.json: " + response.status);
          return response.json();
        }).then(function (read) {
          function pages(numbers, steps) {  // base-36 page numbers (steps between them, when ascending) → ids
            var at = 0;
            return numbers ? numbers.split(",").map(function (n) {
              at = (steps ? at : 0) + parseInt(n, 36);
              return read.pages[at];
            }) : [];
          }
          var filters = {}, sorts = {};
          Object.keys(read.filters).forEach(function (name) {
            filters[name] = {};
            Object.keys(read.filters[name]).forEach(function (value) {
              var ids = {};
              pages(read.filters[name][value], true).forEach(function (id) { ids[id] = true; });
              filters[name][value] = ids;
            });
          });
          Object.keys(read.sorts).forEach(function (name) { sorts[name] = pages(read.sorts[name], false); });
          return { filters: filters, sorts: sorts, parts: read.parts || [] };
        });
        return facetData;
      }
      // A large archive's index comes in parts (microsite/search/index.py), searched as one.
      return pagefind.options({ baseUrl: root.pathname }).then(facets).then(function (read) {
        return Promise.all(read.parts.map(function (part) {
          return pagefind.mergeIndex(new URL("pagefind/" + part, root).pathname, { baseUrl: root.pathname });
        }));
      }).then(function () {
        return {
          lookup: function (word) { return exact([word]); },
          phrase: exact,
          order: function (units, sort) {  // by date, or ranked by Pagefind: the words as typed first, then their stems
            var typed = units.map(function (words) { return words.join(" "); }).join(" ");
            var stems = units.map(function (words) { return words.map(stem).join(" "); }).join(" ");
            var ranked = [typed, stems].filter(function (q, at, all) { return all.indexOf(q) === at; }).map(function (q) {
              return pagefind.search(code.encode(q));
            });
            return Promise.all([facets()].concat(ranked)).then(function (all) {
              var order = [];
              all.slice(1).forEach(function (found) {
                found.results.forEach(function (result) {
                  results[result.id] = result;  // a ranked result carries where the words are
                  order.push(result.id);
                });
              });
              if (!sort) return order;
              var dated = all[0].sorts.date.slice();
              return sort === "desc" ? dated.reverse() : dated;
            });
          },
          filterSets: function () { return facets().then(function (read) { return read.filters; }); },
          load: function (key, words) {
            return results[key].data().then(function (data) {
              var anchors = matchAnchors(data), kind = (data.filters["종류"] || [""])[0];
              return { url: highlightUrl(data.url, words, anchors[0]), title: code.decode(data.meta.title || data.url),
                       outlet: code.decode(data.meta["매체"] || data.meta["분류"] || ""), date: code.decode(data.meta["날짜"] || ""),
                       kind: kind, language: code.decode(data.meta["언어"] || ""), excerpt: code.decode(data.excerpt),
                       parts: kind === "연표" ? anchors.filter(function (a) { return a.element === "li"; }).map(function (anchor) {
                         return { url: highlightUrl(data.url, words, anchor), text: anchor.text };
                       }) : [] };
            });
          }
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
      var byTerm = {}, facets = {};
      pages.forEach(function (page, key) {
        page.terms.split(" ").forEach(function (term) { (byTerm[term] = byTerm[term] || {})[key] = true; });
        Object.keys(page.filters).forEach(function (name) {
          facets[name] = facets[name] || {};
          page.filters[name].forEach(function (value) { (facets[name][value] = facets[name][value] || {})[key] = true; });
        });
      });
      function standsIn(words, text) {  // the words, in this order, one after another
        var all = code.positions(text);
        for (var i = 0; i + words.length <= all.length; i++) {
          if (words.every(function (word, j) { return all[i + j].indexOf(word) >= 0; })) return true;
        }
        return false;
      }
      function fields(page) { return [page.text].concat(Object.keys(page.meta).map(function (name) { return page.meta[name]; })); }
      return {
        lookup: function (word) { return Promise.resolve(byTerm[word] || {}); },
        phrase: function (words) {
          var found = {};
          Object.keys(byTerm[words[0]] || {}).forEach(function (key) {  // a phrase's every word is a term of its pages
            if (!words.every(function (word) { return (byTerm[word] || {})[key]; })) return;
            if (fields(pages[key]).some(function (text) { return standsIn(words, text); })) found[key] = true;
          });
          return Promise.resolve(found);
        },
        order: function (units, sort, keys) {  // by date, or by how often the words stand in the page (title first)
          if (sort) {
            var sign = sort === "desc" ? -1 : 1;
            return Promise.resolve(keys.sort(function (a, b) { return sign * pages[a].date_sort.localeCompare(pages[b].date_sort); }));
          }
          var words = markedWords(units), score = {};
          keys.forEach(function (key) {
            var page = pages[key];
            if (!page.words) page.words = code.words(page.text);  // read once, on its first match
            var title = code.words(page.meta.title || ""), text = page.words;
            score[key] = words.reduce(function (sum, word) {
              return sum + 10 * (title.indexOf(word) >= 0) + text.filter(function (w) { return w.indexOf(word) === 0; }).length;
            }, 0);
          });
          return Promise.resolve(keys.sort(function (a, b) { return score[b] - score[a]; }));
        },
        filterSets: function () { return Promise.resolve(facets); },
        load: function (key, words) {
          var page = pages[key], text = page.text, lowered = text.toLowerCase(), at = -1;
          for (var i = 0; i < words.length && at < 0; i++) at = lowered.indexOf(words[i]);
          var start = Math.max(0, at - 40), piece = escapeHtml(text.slice(start, start + 160));
          words.forEach(function (word) {
            piece = piece.replace(new RegExp(escapeHtml(word).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi"), function (m) { return "<mark>" + m + "</mark>"; });
          });
          var kind = (page.filters["종류"] || [""])[0];
          return Promise.resolve({ url: new URL(page.url, root).href, title: page.meta.title || page.url,
                                   outlet: page.meta["매체"] || page.meta["분류"] || "", date: page.meta["날짜"] || "",
                                   kind: kind, language: page.meta["언어"] || "", excerpt: (start > 0 ? "…" : "") + piece + "…",
                                   parts: [] });
        }
      };
    });
  }

  function ready() {
    if (!engine) engine = offline ? diskEngine() : pagefindEngine();
    return engine;
  }

  function currentFilters() {  // filter name → the values chosen (a page must have one of them)
    var filters = {};
    Object.keys(chosen).forEach(function (name) {
      var values = Object.keys(chosen[name]).filter(function (v) { return chosen[name][v]; });
      if (values.length) filters[name] = values;
    });
    return filters;
  }

  function run(query) {
    var ticket = ++latest;
    var units = queryUnits(query);
    if (!units.length) {
      list.innerHTML = "";
      statusLine.textContent = "검색어를 입력하세요.";
      controls.hidden = true;
      return Promise.resolve();
    }
    var shownQuery = query.trim();
    statusLine.textContent = "찾는 중…";
    return ready().then(function (search) {
      var marked = markedWords(units);
      return find(search, units, sortBox.value).then(function (found) {
        return namedEntityFirst(search, found, units);
      }).then(function (found) {
        if (ticket !== latest) return;
        (found.names || []).forEach(function (name) { if (marked.indexOf(name) < 0) marked.push(name); });
        drawFilters(found.counts);
        var shown = [];
        var more = function () {
          var next = found.keys.slice(shown.length, shown.length + PAGE);
          return Promise.all(next.map(function (key) { return search.load(key, marked); })).then(function (items) {
            if (ticket !== latest) return;
            items.forEach(function (item, at) { item.card = next[at] === found.card; });
            shown = shown.concat(items);
            draw(shown, found.keys.length, shownQuery, shown.length < found.keys.length ? more : null);
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

  // A one-word search that names an entity (its name or an alias, in any language) puts that
  // entity's page first, drawn as a card: the entity pages carry each form of their name
  // as a filter value ("이름"), so no result has to be read to know.
  function namedEntityFirst(search, found, units) {
    found.card = null;
    found.names = [];
    if (units.length !== 1 || units[0].length !== 1) return found;
    return search.filterSets().then(function (facets) {
      var names = facets["이름"] || {}, forms = [units[0][0], stem(units[0][0])];
      var named = found.entities.filter(function (key) { return forms.some(function (form) { return (names[form] || {})[key]; }); });
      if (named.length) {
        if (found.keys.indexOf(named[0]) >= 0) {  // unless the filters leave it out
          found.card = named[0];
          found.keys = [named[0]].concat(found.keys.filter(function (key) { return key !== named[0]; }));
        }
        // its other names are marked on the pages too: "Nvidia" finds a report that writes 엔비디아
        found.names = Object.keys(names).filter(function (name) { return names[name][named[0]]; });
      }
      return found;
    });
  }

  function draw(items, total, query, more) {
    controls.hidden = false;
    moreButton.hidden = !more;
    moreButton.onclick = more && function () { moreButton.disabled = true; more().then(function () { moreButton.disabled = false; }); };
    if (!total) {
      list.innerHTML = "";
      statusLine.textContent = "‘" + query + "’에 대한 검색 결과가 없습니다. 다른 낱말로 찾아보세요.";
      return;
    }
    statusLine.textContent = "‘" + query + "’ 검색 결과 " + total + "건" +
      (total > items.length ? ", 앞의 " + items.length + "건" : "");
    list.innerHTML = items.map(function (item) {
      var meta = [item.kind, item.outlet, item.date, item.language].filter(Boolean).map(escapeHtml).join(" · ");
      var parts = item.parts.slice(0, 3).map(function (part) {
        var text = part.text.length > 140 ? part.text.slice(0, 140) + "…" : part.text;
        return '<li><a href="' + escapeHtml(part.url) + '">' + escapeHtml(text) + "</a></li>";
      }).join("");
      return '<li class="search-result' + (item.card ? " search-card" : "") + '"><a class="search-result-link" href="' +
        escapeHtml(item.url) + '">' + escapeHtml(item.title) + "</a>" + (meta ? '<p class="meta">' + meta + "</p>" : "") +
        '<p class="excerpt">' + item.excerpt + "</p>" +
        (parts ? '<ul class="search-parts" aria-label="맞는 사건">' + parts + "</ul>" : "") + "</li>";
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
      filters[name].forEach(function (value) { url.searchParams.append("filter", name + ":" + value); });
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
