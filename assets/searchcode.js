// What the search page shares with the indexer, kept in step with it (tests/test_search_index.py
// runs both on the same strings):
// - Hangul spelled in Latin letters, as the search index holds it (microsite/search/latin.py
//   explains why): each syllable is "q" + three letters, a literal q is "qq". The search
//   page encodes queries with it and decodes what Pagefind returns.
// - words as the index keys them (microsite/search/terms.py): split on spaces, letters and
//   digits only, lower-cased, accents dropped;
// - a word's stem: up to two endings off it (microsite/lang/ko/grammar.py, strip_endings).
(function (scope) {
  "use strict";
  var FIRST = "abcdefghijklmnoprstuvwxyz", LETTERS = "abcdefghijklmnopqrstuvwxyz";

  function encode(text) {
    return String(text).replace(/[가-힣qQ]/g, function (c) {
      if (c === "q" || c === "Q") return c + c;
      var n = c.charCodeAt(0) - 0xAC00;
      return "q" + FIRST[Math.floor(n / 676)] + LETTERS[Math.floor(n / 26) % 26] + LETTERS[n % 26];
    });
  }

  function decode(text) {
    return String(text).replace(/&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);|([qQ])([qQ]|[a-pr-z][a-z]{2})/g, function (all, q, code) {
      if (!q) return all;  // a character reference, left alone
      if (code.length === 1) return code;
      return String.fromCharCode(0xAC00 + FIRST.indexOf(code[0]) * 676 + LETTERS.indexOf(code[1]) * 26 + LETTERS.indexOf(code[2]));
    });
  }

  function key(piece) {
    var word = (piece.match(/[\p{L}\p{N}]/gu) || []).join("").toLowerCase();
    return /^[a-z0-9]*$/.test(word) ? word : word.normalize("NFD").replace(/\p{Mn}/gu, "").normalize("NFC");
  }

  function pieces(text) {
    return String(text).split(/\s+/).filter(Boolean);
  }

  function words(text) {
    return pieces(text).map(key).filter(Boolean);
  }

  // The keys at each position, for finding a phrase as Pagefind does (see terms.positions).
  function positions(text) {
    var punctuation = /[!-/:-@[-`{-~]/g;
    return pieces(text).map(function (piece) {
      var keys = [key(piece)];
      if (piece.search(punctuation) >= 0) keys = keys.concat(pieces(piece.replace(punctuation, " ")).map(key));
      return keys.filter(function (k, at) { return k && keys.indexOf(k) === at; });
    });
  }

  // The stem finder for *endings* and the stem's pattern (both given by the page).
  function stemmer(endings, stem) {
    var ending = "(?:" + endings.join("|") + ")?";
    var pattern = new RegExp("^(" + stem + ")" + ending + ending + "$");
    return function (word) {
      var match = pattern.exec(word);
      return match ? match[1] : word;
    };
  }

  scope.MicrositeSearchCode = { encode: encode, decode: decode, words: words, positions: positions, stemmer: stemmer };
})(typeof window !== "undefined" ? window : globalThis);
