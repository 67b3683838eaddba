// uitgaven: "select all" for the bulk classification of crediteuren (no inline script: CSP).
document.addEventListener("change", function (event) {
  const alles = event.target.closest("[data-alles]");
  if (!alles) { return; }
  const naam = alles.getAttribute("data-alles");
  alles.form.querySelectorAll("input[type=checkbox][name='" + naam + "']").forEach(function (vakje) {
    vakje.checked = alles.checked;
  });
});
