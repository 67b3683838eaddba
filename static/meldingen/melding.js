// meldingen: progressive enhancement of the melding form (works without it, CSP-safe).
// - data-toon-als="veld=waarde" / "veld": show a block only when it applies.
// - with htmx present the value panel updates by itself: hide the "Waarde berekenen" button.
(function () {
  function waardeVan(form, naam) {
    const velden = form.querySelectorAll('[name="' + naam + '"]');
    for (const v of velden) {
      if (v.type === "radio" || v.type === "checkbox") {
        if (v.checked) { return v.type === "checkbox" && v.value === "on" ? "on" : v.value; }
      } else {
        return v.value;
      }
    }
    return "";
  }

  function bijwerken(form) {
    form.querySelectorAll("[data-toon-als]").forEach(function (blok) {
      const regel = blok.getAttribute("data-toon-als");
      const delen = regel.split("=");
      const huidig = waardeVan(form, delen[0]);
      const zichtbaar = delen.length > 1 ? huidig === delen[1] : huidig !== "";
      const heeftFout = blok.querySelector(".is-invalid") !== null;
      blok.classList.toggle("is-verborgen", !zichtbaar && !heeftFout);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    const form = document.getElementById("melding-form");
    if (!form) { return; }
    bijwerken(form);
    form.addEventListener("change", function () { bijwerken(form); });
    if (window.htmx) {
      form.querySelectorAll(".zonder-js").forEach(function (el) { el.classList.add("is-verborgen"); });
    }
    const overzicht = document.getElementById("foutoverzicht") || document.getElementById("conflict");
    if (overzicht) { overzicht.focus(); }
  });
})();
