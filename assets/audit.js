// The normalization audit of a source page: its counts filter the lines (without this
// script every line is listed), and a line's address opens the fold that holds it.
"use strict";

(() => {
  const audit = document.getElementById("audit");
  if (!audit) return;
  const lines = audit.querySelector(".audit-lines");
  const status = audit.querySelector(".audit-status");
  const buttons = [];

  function matches(row, filter) {
    const [fate, rule] = filter.split(":");
    return row.dataset.fate === fate && (!rule || row.dataset.rule === rule);
  }

  function apply(filter) {
    let shown = 0;
    for (const row of lines.querySelectorAll("li[data-rule]")) {
      const on = !filter || matches(row, filter);
      row.hidden = !on;
      shown += on ? 1 : 0;
    }
    for (const fold of lines.querySelectorAll(".audit-fold")) {
      const rows = [...fold.querySelectorAll("li[data-rule]")];
      fold.hidden = Boolean(filter) && !rows.some((row) => !row.hidden);
      fold.querySelector("details").open = Boolean(filter) && !fold.hidden;
    }
    for (const button of buttons) button.setAttribute("aria-pressed", String(button.dataset.filter === filter));
    const pressed = buttons.find((button) => button.dataset.filter === filter);
    status.textContent = filter ? `${pressed.dataset.label} ${shown}줄만 보입니다.` : "";
  }

  for (const entry of audit.querySelectorAll(".audit-summary [data-filter]")) {
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.filter = entry.dataset.filter;
    button.dataset.label = entry.dataset.label;
    button.setAttribute("aria-pressed", "false");
    const nested = entry.querySelector("ul");
    for (const node of [...entry.childNodes]) if (node !== nested) button.append(node);
    entry.prepend(button);
    button.addEventListener("click", () => apply(button.getAttribute("aria-pressed") === "true" ? "" : button.dataset.filter));
    buttons.push(button);
  }

  function reveal() {
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!target || !lines.contains(target)) return;
    if (target.hidden) apply("");
    const fold = target.closest("details");
    if (fold && !fold.open) {
      fold.open = true;
      target.scrollIntoView();
    }
  }
  addEventListener("hashchange", reveal);
  reveal();
})();
