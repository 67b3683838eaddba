"""Pages of the signaleringslijst, the steekproef and the OCDS download (views stay thin)."""

import json
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inkoop.invoer import jaar_of_none
from inkoop.permissies import vereist

from . import selectors, services
from .export import csv_antwoord, xlsx_antwoord
from .forms import BeoordelingForm, BulkBeoordelingForm, SignaalFilterForm, SteekproefForm
from .models import Beoordeling, Kader, Signaal, Steekproef, Uitkomst
from .ocds.export import GeenGegevens, ocds_pakket
from .steekproef import SteekproefFout


def _jaren(organisatie) -> list[int]:
    return selectors.beschikbare_jaren(organisatie=organisatie) or [timezone.localdate().year]


def _filters(request):
    jaren = _jaren(request.organisatie)
    form = SignaalFilterForm(request.GET or None, jaren=jaren)
    if form.is_bound and form.is_valid():
        f = form.cleaned_data
    else:
        f = {"jaar": jaren[0], "soort": "", "beoordeling": "", "vervallen": False, "zoek": ""}
        form = SignaalFilterForm(initial=f, jaren=jaren)
    beoordeling = {"": None, "open": ""}.get(f["beoordeling"], f["beoordeling"])
    return form, f, beoordeling, jaren


PER_PAGINA = 100


@vereist("rechtmatigheid.bekijken")
def signalen(request):
    form, f, beoordeling, jaren = _filters(request)
    lijst = selectors.signalen_lijst(organisatie=request.organisatie, jaar=f["jaar"], soort=f["soort"],
                                     beoordeling=beoordeling, ook_vervallen=f["vervallen"], zoek=f["zoek"])
    telling = selectors.signalen_telling(organisatie=request.organisatie, jaar=f["jaar"])
    pagina = Paginator(lijst, PER_PAGINA).get_page(request.GET.get("pagina"))
    zonder_pagina = request.GET.copy()
    zonder_pagina.pop("pagina", None)
    return render(request, "rechtmatigheid/signalen.html", {
        "form": form, "jaar": f["jaar"], "signalen": pagina.object_list, "pagina": pagina,
        "paginanummers": pagina.paginator.get_elided_page_range(pagina.number, on_each_side=2, on_ends=1),
        "paginaquery": zonder_pagina.urlencode(), "telling": telling,
        "bulkform": BulkBeoordelingForm() if request.user.has_perm("rechtmatigheid.beoordelen") else None,
        "exportquery": urlencode({k: ("on" if v is True else v) for k, v in f.items() if v}),
        "terug": request.get_full_path(),
    })


@require_POST
@vereist("rechtmatigheid.berekenen")
def signalen_berekenen(request):
    try:
        jaar = int(request.POST.get("jaar", ""))
    except ValueError:
        return HttpResponseBadRequest(_("Kies een jaar."))
    if jaar not in _jaren(request.organisatie):
        return HttpResponseBadRequest(_("Voor dat jaar zijn geen uitgaven ingelezen."))
    lijst = services.signalen_berekenen(organisatie=request.organisatie, jaar=jaar)
    messages.success(request, _("De signaleringslijst %(jaar)s is opnieuw berekend: %(n)s signalen. "
                                "Bestaande beoordelingen zijn bewaard.") % {"jaar": jaar, "n": len(lijst)})
    return redirect(f"{reverse('rechtmatigheid:signalen')}?jaar={jaar}")


@require_POST
@vereist("rechtmatigheid.beoordelen")
def signalen_bulk(request):
    """Assess the ticked signals at once; the note is required for onterecht (form and service)."""
    terug = _veilige_terugweg(request, reverse("rechtmatigheid:signalen"))
    form = BulkBeoordelingForm(request.POST)
    ids = [int(i) for i in request.POST.getlist("signaal") if i.isdigit()]
    if not ids:
        messages.error(request, _("Vink eerst de signalen aan die u wilt beoordelen."))
        return redirect(terug)
    if not form.is_valid():
        for fouten in form.errors.values():
            for fout in fouten:
                messages.error(request, fout)
        return redirect(terug)
    n = services.signalen_beoordelen(organisatie=request.organisatie, ids=ids,
                                     beoordeling=form.cleaned_data["beoordeling"],
                                     toelichting=form.cleaned_data["toelichting"], door=request.user)
    label = dict(Beoordeling.choices)[form.cleaned_data["beoordeling"]].lower()
    messages.success(request, _("%(n)s signalen beoordeeld als %(b)s.") % {"n": n, "b": label})
    return redirect(terug)


@vereist("rechtmatigheid.bekijken")
def verantwoording(request):
    jaren = _jaren(request.organisatie)
    # An unusable year (text, -1, 23 digits) shows the latest year rather than an error.
    jaar = jaar_of_none(request.GET.get("jaar")) or jaren[0]
    v = selectors.verantwoording_van(organisatie=request.organisatie, jaar=jaar)
    return render(request, "rechtmatigheid/verantwoording.html", {"v": v, "jaar": jaar, "jaren": jaren})


@vereist("rechtmatigheid.vooruitblik")
def vooruitblik(request):
    from contracten.selectors import zichtbare_contracten

    from .vooruitblik import aflopende_contracten, prognoses

    vandaag = timezone.localdate()
    contracten = zichtbare_contracten(gebruiker=request.user, organisatie=request.organisatie)
    return render(request, "rechtmatigheid/vooruitblik.html", {
        "vandaag": vandaag, "prognoses": prognoses(organisatie=request.organisatie, peildatum=vandaag),
        "contracten": aflopende_contracten(organisatie=request.organisatie, peildatum=vandaag,
                                           contracten=contracten),
    })


def _signaalrijen(lijst):
    for s in lijst:
        yield [s.jaar, s.get_soort_display(), s.get_kader_display() if s.kader else "", s.crediteurnummer,
               s.crediteurnaam, s.onderwerp, s.bedrag, s.drempel, s.reden, s.toelichting, "ja" if s.actueel else "nee (vervallen)",
               s.get_beoordeling_display() if s.beoordeling else "", s.beoordeling_toelichting,
               str(s.beoordeeld_door) if s.beoordeeld_door_id else "",
               timezone.localtime(s.beoordeeld_op) if s.beoordeeld_op else None]


SIGNAALKOPPEN = ["Jaar", "Soort", "Kader", "Crediteurnummer", "Crediteur", "Onderwerp", "Bedrag", "Drempel",
                 "Reden", "Toelichting", "Actueel", "Beoordeling", "Toelichting beoordeling", "Beoordeeld door",
                 "Beoordeeld op"]


@vereist("rechtmatigheid.exporteren")
def signalen_export(request):
    _form, f, beoordeling, _jaren_ = _filters(request)
    lijst = list(selectors.signalen_lijst(organisatie=request.organisatie, jaar=f["jaar"], soort=f["soort"],
                                          beoordeling=beoordeling, ook_vervallen=f["vervallen"], zoek=f["zoek"]))
    naam = f"signaleringslijst-{f['jaar']}"
    if request.GET.get("formaat") == "xlsx":
        return xlsx_antwoord(naam, f"Signalen {f['jaar']}", SIGNAALKOPPEN, _signaalrijen(lijst), toelichting=[
            f"Signaleringslijst {f['jaar']} – {request.organisatie}",
            f"Geëxporteerd op {timezone.localtime():%d-%m-%Y %H:%M} door {request.user}"])
    return csv_antwoord(naam, SIGNAALKOPPEN, _signaalrijen(lijst))


def _veilige_terugweg(request, standaard):
    terug = request.POST.get("terug") or request.GET.get("terug") or ""
    if terug and url_has_allowed_host_and_scheme(terug, allowed_hosts={request.get_host()}):
        return terug
    return standaard


@vereist("rechtmatigheid.bekijken")
def signaal(request, pk):
    s = get_object_or_404(Signaal.objects.select_related("beoordeeld_door"), pk=pk,
                          organisatie=request.organisatie)
    standaard = f"{reverse('rechtmatigheid:signalen')}?jaar={s.jaar}"
    terug = _veilige_terugweg(request, standaard)
    form = None
    if request.user.has_perm("rechtmatigheid.beoordelen"):
        if request.method == "POST":
            form = BeoordelingForm(request.POST)
            if form.is_valid():
                services.signaal_beoordelen(signaal=s, beoordeling=form.cleaned_data["beoordeling"],
                                            toelichting=form.cleaned_data["toelichting"], door=request.user)
                messages.success(request, _("Signaal beoordeeld als %(b)s.") % {"b": s.get_beoordeling_display().lower()})
                return redirect(terug)
        else:
            form = BeoordelingForm(initial={"beoordeling": s.beoordeling or None,
                                            "toelichting": s.beoordeling_toelichting})
    elif request.method == "POST":
        return HttpResponse(status=403)
    return render(request, "rechtmatigheid/signaal.html", {"signaal": s, "form": form, "terug": terug})


@vereist("rechtmatigheid.bekijken")
def steekproeven(request):
    jaren = _jaren(request.organisatie)
    form = SteekproefForm(jaren=jaren) if request.user.has_perm("rechtmatigheid.steekproef_trekken") else None
    return render(request, "rechtmatigheid/steekproeven.html", {
        "steekproeven": selectors.steekproeven_lijst(organisatie=request.organisatie), "form": form,
    })


@require_POST
@vereist("rechtmatigheid.steekproef_trekken")
def steekproef_trekken(request):
    jaren = _jaren(request.organisatie)
    form = SteekproefForm(request.POST, jaren=jaren)
    if form.is_valid():
        d = form.cleaned_data
        try:
            sp = services.steekproef_trekken(organisatie=request.organisatie, jaar=d["jaar"], omvang=d["omvang"],
                                             zaad=d["zaad"], door=request.user)
        except SteekproefFout as exc:
            form.add_error("omvang", str(exc))
        else:
            messages.success(request, _("Steekproef getrokken: %(n)s factuurregels van %(jaar)s met zaad %(zaad)s.")
                             % {"n": sp.omvang, "jaar": sp.jaar, "zaad": sp.zaad})
            return redirect("rechtmatigheid:steekproef", pk=sp.pk)
    return render(request, "rechtmatigheid/steekproeven.html", {
        "steekproeven": selectors.steekproeven_lijst(organisatie=request.organisatie), "form": form,
    }, status=400)


@vereist("rechtmatigheid.bekijken")
def steekproef(request, pk):
    sp = get_object_or_404(Steekproef.objects.select_related("getrokken_door"), pk=pk,
                           organisatie=request.organisatie)
    mag_beoordelen = request.user.has_perm("rechtmatigheid.beoordelen")
    if request.method == "POST":
        if not mag_beoordelen:
            return HttpResponse(status=403)
        uitkomsten = {}
        geldig = set(Uitkomst.values)
        for regel_id in sp.regels.values_list("pk", flat=True):
            uitkomst = request.POST.get(f"uitkomst-{regel_id}")
            if uitkomst is None:
                continue
            if uitkomst not in geldig:
                return HttpResponseBadRequest(_("Onbekende uitkomst."))
            uitkomsten[regel_id] = (uitkomst, request.POST.get(f"toelichting-{regel_id}", ""),
                                    request.POST.get(f"kader-{regel_id}", ""))
        try:
            n = services.steekproefregels_beoordelen(steekproef=sp, uitkomsten=uitkomsten)
        except services.BeoordelingFout as exc:
            messages.error(request, _("Niets bewaard: %(fout)s") % {"fout": exc})
        else:
            messages.success(request, _("Uitkomsten bewaard (%(n)s regels gewijzigd).") % {"n": n})
        return redirect("rechtmatigheid:steekproef", pk=sp.pk)
    return render(request, "rechtmatigheid/steekproef.html", {
        "steekproef": sp, "regels": sp.regels.order_by("volgnummer"), "mag_beoordelen": mag_beoordelen,
        "uitkomsten": selectors.steekproef_uitkomsten(steekproef=sp), "uitkomstkeuzes": Uitkomst.choices,
        "kaderkeuzes": Kader.choices,
    })


STEEKPROEFKOPPEN = ["Volgnummer", "Stratum", "Crediteurnummer", "Crediteur", "Factuurnummer", "Regel",
                    "Boekdatum", "Bedrag", "Kostenplaats", "Omschrijving", "Uitkomst", "Toelichting"]


@vereist("rechtmatigheid.exporteren")
def steekproef_export(request, pk):
    sp = get_object_or_404(Steekproef, pk=pk, organisatie=request.organisatie)
    rijen = [[r.volgnummer, r.stratum, r.crediteurnummer, r.crediteurnaam, r.factuurnummer, r.factuurregelnummer,
              r.boekdatum, r.bedrag, r.kostenplaats, r.omschrijving,
              r.get_uitkomst_display() if r.uitkomst else "", r.uitkomst_toelichting]
             for r in sp.regels.order_by("volgnummer")]
    naam = f"steekproef-{sp.jaar}-zaad-{sp.zaad}"[:80]
    if request.GET.get("formaat") == "xlsx":
        return xlsx_antwoord(naam, f"Steekproef {sp.jaar}", STEEKPROEFKOPPEN, rijen, toelichting=[
            f"Steekproef {sp.jaar} – {request.organisatie}",
            f"Omvang {sp.omvang} van {sp.populatie_aantal} factuurregels; zaad {sp.zaad}; "
            f"getrokken op {timezone.localtime(sp.getrokken_op):%d-%m-%Y %H:%M}",
            f"Kenmerk van de populatie (SHA-256): {sp.populatie_kenmerk}",
            sp.methode])
    return csv_antwoord(naam, STEEKPROEFKOPPEN, rijen)


@vereist("rechtmatigheid.bekijken")
def ocds_export(request):
    jaren = _jaren(request.organisatie)
    jaar = request.GET.get("jaar")
    if jaar is None:
        return render(request, "rechtmatigheid/ocds.html", {"jaren": jaren})
    try:
        jaar = jaar_of_none(jaar)
        if jaar is None:
            raise ValueError(jaar)
        pakket = ocds_pakket(organisatie=request.organisatie, jaar=jaar)
    except ValueError as exc:  # GeenGegevens is a ValueError too
        melding = str(exc) if isinstance(exc, GeenGegevens) else _("Kies een geldig jaar.")
        return render(request, "rechtmatigheid/ocds.html", {"jaren": jaren, "fout": melding}, status=404
                      if isinstance(exc, GeenGegevens) else 400)
    antwoord = HttpResponse(json.dumps(pakket, ensure_ascii=False, indent=2),
                            content_type="application/json; charset=utf-8")
    antwoord["Content-Disposition"] = f'attachment; filename="ocds-{request.organisatie.slug}-{jaar}.json"'
    return antwoord

