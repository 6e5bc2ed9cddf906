// A report's cite block: copy buttons for each reference and file, and downloads of the
// BibTeX, RIS and CSL-JSON the page shows, made here from those texts (no file per
// report on the server). Without it the texts stay on the page, selectable.
(function () {
  "use strict";
  var block = document.getElementById("cite");
  if (!block) return;
  var status = block.querySelector(".cite-status");

  function say(message) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);  // a repeated message is announced again
  }

  block.querySelectorAll("button[data-copy]").forEach(function (button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var source = document.getElementById(button.getAttribute("data-copy"));
      navigator.clipboard.writeText(source.textContent).then(function () {
        say(button.getAttribute("data-label") + " 형식을 클립보드에 복사했습니다.");
      }, function () {
        say("복사하지 못했습니다. 글을 직접 선택해 복사해 주세요.");
      });
    });
  });

  block.querySelector(".cite-downloads").hidden = false;
  block.querySelectorAll("button[data-download]").forEach(function (button) {
    button.addEventListener("click", function () {
      var source = document.getElementById(button.getAttribute("data-download"));
      var blob = new Blob([source.textContent], { type: source.getAttribute("data-type") + ";charset=utf-8" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = source.getAttribute("data-name");
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    });
  });
}());
