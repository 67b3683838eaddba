// The advice form: ask for a motivation only when the procedure differs from the computed one,
// and hide the invitee counts for public procedures (nobody is invited). No inline script (CSP).
(function () {
  "use strict";
  function init() {
    var form = document.querySelector("form.advies-form");
    if (!form) { return; }
    var keuze = form.querySelector("select[name=procedure]");
    var afwijking = document.getElementById("veld-afwijking");
    var uitnodigen = document.getElementById("veld-uitnodigen");
    var berekend = form.getAttribute("data-berekend");
    function bijwerken() {
      var waarde = keuze.value;
      var wijktAf = waarde !== berekend;
      afwijking.classList.toggle("is-verborgen", !wijktAf && !afwijking.querySelector(".is-invalid"));
      afwijking.querySelector("textarea").required = wijktAf;
      var onderhands = waarde === "enkelvoudig" || waarde === "meervoudig_onderhands";
      uitnodigen.querySelectorAll("input[type=number]").forEach(function (el) { el.disabled = !onderhands; });
    }
    keuze.addEventListener("change", bijwerken);
    bijwerken();
    form.querySelectorAll("button[data-bevestig-knop]").forEach(function (knop) {
      knop.addEventListener("click", function (e) {
        if (!window.confirm(knop.getAttribute("data-bevestig-knop"))) { e.preventDefault(); }
      });
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
