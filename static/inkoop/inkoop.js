// inkoop: behaviour without inline script (CSP). Confirm destructive actions.
document.addEventListener("submit", function (event) {
  const form = event.target;
  const vraag = form.getAttribute("data-bevestig");
  if (vraag && !window.confirm(vraag)) {
    event.preventDefault();
  }
  // Double submissions: disable the submit buttons once the form is sent.
  if (!event.defaultPrevented && !form.hasAttribute("data-geen-blokkade")) {
    form.querySelectorAll("button[type=submit], input[type=submit]").forEach(function (b) {
      window.setTimeout(function () { b.disabled = true; }, 0);
    });
  }
});
// Progress bars: width from data-pct, no inline style (CSP).
function zetVoortgang(root) {
  (root || document).querySelectorAll("[data-pct]").forEach(function (el) {
    el.style.width = Math.max(0, Math.min(100, parseFloat(el.getAttribute("data-pct")) || 0)) + "%";
  });
}
document.addEventListener("DOMContentLoaded", function () { zetVoortgang(document); });
document.addEventListener("htmx:afterSwap", function (e) { zetVoortgang(e.target); });
