// Lints the site's JavaScript (assets/), the service worker and the live-reload client
// (microsite/): run by tests/test_lint.py, so by the README's test command.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["assets/**/*.js", "microsite/serve/client.js"],
    languageOptions: { ecmaVersion: 2020, sourceType: "script", globals: { ...globals.browser } },
  },
  {
    files: ["microsite/output/worker.js"],
    languageOptions: { ecmaVersion: 2020, sourceType: "script", globals: { ...globals.serviceworker } },
  },
];
