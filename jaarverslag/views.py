"""Views of the jaarverslag app: thin; parse, call a selector or service, render."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from inkoop.permissies import vereist

from . import rapport, selectors, services
from .forms import InstellingForm, VerhaaltekstForm
from .models import Hoofdstuk, Rapportversie


def _jaren(organisatie) -> list[int]:
    return selectors.beschikbare_jaren(organisatie=organisatie)


def _kies_jaar(request, jaren: list[int]) -> int:
    """The year from ?jaar= (or the form), else the latest year with spend, else last year."""
    tekst = request.POST.get("jaar") or request.GET.get("jaar") or ""
    try:
        jaar = int(tekst)
    except ValueError:
        jaar = None
    if jaar is not None and 1900 <= jaar <= 2999:
        return jaar
    if tekst:
        messages.warning(request, f"‘{tekst[:20]}’ is geen jaartal; het laatste verslagjaar wordt getoond.")
    return jaren[0] if jaren else timezone.localdate().year - 1


def _naar_overzicht(jaar: int, anker: str = "") -> str:
    return f"{reverse('jaarverslag:overzicht')}?jaar={jaar}{'#' + anker if anker else ''}"


def _versies(organisatie, jaar):
    return list(Rapportversie.objects.filter(organisatie=organisatie, jaar=jaar)
                .select_related("gestart_door", "gepubliceerd_door").order_by("-gestart_op", "-id")[:20])


@vereist("jaarverslag.bekijken")
@require_GET
def overzicht(request):
    org = request.organisatie
    jaren = _jaren(org)
    jaar = _kies_jaar(request, jaren)
    ctx = {"jaren": jaren, "jaar": jaar, "versies": _versies(org, jaar), "hoofdstukken": Hoofdstuk}
    if selectors.heeft_uitgaven(organisatie=org, jaar=jaar):
        ctx.update(rapport.context(organisatie=org, jaar=jaar))
        ctx["heeft_gegevens"] = True
    return render(request, "jaarverslag/overzicht.html", ctx)


@vereist("jaarverslag.genereren")
@require_POST
def genereren(request):
    org = request.organisatie
    jaar = _kies_jaar(request, _jaren(org))
    if not selectors.heeft_uitgaven(organisatie=org, jaar=jaar):
        messages.error(request, f"Er zijn geen uitgaven over {jaar}; importeer eerst het grootboek van {jaar}.")
        return redirect(_naar_overzicht(jaar))
    versie = services.versie_genereren_starten(organisatie=org, jaar=jaar, door=request.user)
    messages.info(request, f"Het jaarverslag {jaar} wordt gemaakt (concept {versie.pk}).")
    return redirect(_naar_overzicht(jaar, "versies"))


def _versie(request, pk) -> Rapportversie:
    return get_object_or_404(Rapportversie.objects.select_related("gestart_door", "gepubliceerd_door"),
                             pk=pk, organisatie=request.organisatie)


@vereist("jaarverslag.bekijken")
@require_GET
def voortgang(request, pk):
    """The progress of one version, polled by htmx until it is done."""
    return render(request, "jaarverslag/_versie.html", {"v": _versie(request, pk)})


SOORTEN = {"pdf": ("application/pdf", "pdf"), "json": ("application/json", "json"),
           "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")}


@vereist("jaarverslag.bekijken")
@require_GET
def download(request, pk, soort):
    versie = _versie(request, pk)
    if soort not in SOORTEN:
        raise Http404
    bestand = getattr(versie, soort)
    if not bestand:
        raise Http404("Deze versie heeft (nog) geen bestand van deze soort.")
    inhoudstype, extensie = SOORTEN[soort]
    label = f"v{versie.nummer}" if versie.nummer else f"concept-{versie.pk}"
    antwoord = FileResponse(bestand.open("rb"), content_type=inhoudstype, as_attachment=soort != "pdf",
                            filename=f"inkoopjaarverslag-{versie.jaar}-{label}.{extensie}")
    antwoord["X-Content-Type-Options"] = "nosniff"
    return antwoord


@vereist("jaarverslag.publiceren")
@require_POST
def publiceren(request, pk):
    versie = _versie(request, pk)
    try:
        versie = services.versie_publiceren(versie=versie, door=request.user)
    except services.PublicerenNietMogelijk as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Versie {versie.nummer} van het jaarverslag {versie.jaar} is gepubliceerd "
                                  f"en vastgelegd (SHA-256 van de PDF: {versie.sha256_pdf[:12]}…).")
    return redirect(_naar_overzicht(versie.jaar, "versies"))


@vereist("jaarverslag.genereren")
@require_POST
def opnieuw(request, pk):
    """Retry a version whose generation failed or whose worker died (nothing of it was kept)."""
    versie = _versie(request, pk)
    try:
        services.versie_opnieuw(versie=versie, door=request.user)
    except services.OpnieuwNietMogelijk as exc:
        messages.error(request, str(exc))
    else:
        messages.info(request, f"Concept {versie.pk} van het jaarverslag {versie.jaar} wordt opnieuw gemaakt.")
    return redirect(_naar_overzicht(versie.jaar, "versies"))


@vereist("jaarverslag.bekijken")
@require_GET
def export_xlsx(request):
    org = request.organisatie
    jaar = _kies_jaar(request, _jaren(org))
    if not selectors.heeft_uitgaven(organisatie=org, jaar=jaar):
        messages.error(request, f"Er zijn geen uitgaven over {jaar} om te exporteren.")
        return redirect(_naar_overzicht(jaar))
    from .xlsx import als_xlsx

    inhoud = als_xlsx(selectors.jaarverslag_gegevens(organisatie=org, jaar=jaar))
    antwoord = HttpResponse(inhoud, content_type=SOORTEN["xlsx"][0])
    antwoord["Content-Disposition"] = f'attachment; filename="inkoopjaarverslag-{jaar}-tabellen.xlsx"'
    return antwoord


@vereist("jaarverslag.bekijken")
@require_GET
def export_json(request):
    org = request.organisatie
    jaar = _kies_jaar(request, _jaren(org))
    if not selectors.heeft_uitgaven(organisatie=org, jaar=jaar):
        messages.error(request, f"Er zijn geen uitgaven over {jaar} om te exporteren.")
        return redirect(_naar_overzicht(jaar))
    inhoud = json.dumps(selectors.bereken_json(organisatie=org, jaar=jaar), ensure_ascii=False, indent=1)
    antwoord = HttpResponse(inhoud + "\n", content_type="application/json; charset=utf-8")
    antwoord["Content-Disposition"] = f'attachment; filename="inkoopjaarverslag-{jaar}.json"'
    return antwoord


@vereist("jaarverslag.tekst_bewerken")
def tekst(request):
    """Edit the narrative of one chapter of one year (?jaar=2024&hoofdstuk=mvoi)."""
    from .teksten import markdown_naar_html, teksten_voor

    org = request.organisatie
    jaar = _kies_jaar(request, _jaren(org))
    hoofdstuk = request.POST.get("hoofdstuk") or request.GET.get("hoofdstuk") or Hoofdstuk.VOORWOORD
    if hoofdstuk not in Hoofdstuk.values:
        raise Http404("Onbekend hoofdstuk.")
    huidig = teksten_voor(organisatie=org, jaar=jaar)[hoofdstuk]
    if request.method == "POST":
        form = VerhaaltekstForm(request.POST)
        if form.is_valid():
            try:
                services.verhaaltekst_opslaan(organisatie=org, jaar=jaar, hoofdstuk=hoofdstuk,
                                              tekst=form.cleaned_data["tekst"], door=request.user)
            except ValidationError as exc:
                form.add_error("tekst", exc.message_dict.get("tekst") or exc.messages)
            else:
                messages.success(request, f"De tekst van ‘{Hoofdstuk(hoofdstuk).label}’ ({jaar}) is opgeslagen.")
                return redirect(_naar_overzicht(jaar, f"tekst-{hoofdstuk}"))
    else:
        form = VerhaaltekstForm(initial={"tekst": huidig["markdown"]})
    voorbeeld = markdown_naar_html(form.data.get("tekst", "")) if form.is_bound else huidig["html"]
    return render(request, "jaarverslag/tekst.html", {
        "form": form, "jaar": jaar, "hoofdstuk": hoofdstuk, "hoofdstuk_label": Hoofdstuk(hoofdstuk).label,
        "voorbeeld": voorbeeld, "huidig": huidig, "hoofdstukken": Hoofdstuk.choices})


@vereist("jaarverslag.bekijken")
@require_GET
def dashboard(request):
    """The Inkoop dashboard: the department's own KPIs for a year."""
    org = request.organisatie
    jaren = _jaren(org)
    jaar = _kies_jaar(request, jaren)
    prestaties = selectors.prestaties(organisatie=org, jaar=jaar)
    vorig = selectors.prestaties(organisatie=org, jaar=jaar - 1)
    kerncijfers = None
    if selectors.heeft_uitgaven(organisatie=org, jaar=jaar):
        g = selectors.jaarverslag_gegevens(organisatie=org, jaar=jaar, met_prestaties=False)
        kerncijfers = {"totaal": g.totaal, "ontwikkeling": g.inkoopvolume[-1].ontwikkeling_pct if g.inkoopvolume else None,
                       "lokaal_regionaal": g.lokaal_en_regionaal.pct, "afdeling": g.afdeling_inkoop,
                       "nog_niet_beoordeeld": g.nog_niet_beoordeeld}
    jaarkeuze = sorted(set(jaren) | {jaar, timezone.localdate().year}, reverse=True)
    return render(request, "jaarverslag/dashboard.html", {
        "jaar": jaar, "jaren": jaarkeuze, "p": prestaties, "vorig": vorig, "kerncijfers": kerncijfers,
        "instelling_form": InstellingForm(initial={"tijdig_weken": prestaties.tijdig_weken})})


@vereist("jaarverslag.instellen")
@require_POST
def instelling(request):
    org = request.organisatie
    jaar = _kies_jaar(request, _jaren(org))
    form = InstellingForm(request.POST)
    if form.is_valid():
        services.tijdig_weken_instellen(organisatie=org, weken=form.cleaned_data["tijdig_weken"])
        messages.success(request, f"Een melding telt nu als tijdig bij ten minste {form.cleaned_data['tijdig_weken']} "
                                  "weken vóór de gewenste startdatum.")
    else:
        fouten = "; ".join(f for lijst in form.errors.values() for f in lijst)
        messages.error(request, f"Instelling niet opgeslagen: {fouten}")
    return redirect(f"{reverse('jaarverslag:dashboard')}?jaar={jaar}")
