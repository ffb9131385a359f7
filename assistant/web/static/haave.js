// Haave browser mode: the "start again" button (no inline scripts: the CSP forbids them).
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const restart = document.getElementById("restart");
  if (restart) {
    restart.addEventListener("click", () => {
      window.location.reload();
    });
  }
  const observer = new MutationObserver(() => {
    if (document.body.classList.contains("-closed") && restart) {
      restart.focus();
    }
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ["class"] });
});
