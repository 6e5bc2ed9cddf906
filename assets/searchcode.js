// Hangul spelled in Latin letters, as the search index holds it (microsite/searchcode.py
// explains why): each syllable is "q" + three letters, a literal q is "qq". The search
// page encodes queries with it and decodes what Pagefind returns. Keep the two in step:
// tests/test_search.py runs both on the same strings.
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

  scope.MicrositeSearchCode = { encode: encode, decode: decode };
})(typeof window !== "undefined" ? window : globalThis);
