"""Pages of the uitgaven app: spend dashboard with drill-down and exports, crediteuren for the
inkoper, inkooppakketten, and the import for the controller (check first, then import)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.core.paginator import Paginator
from django.db.models import Sum
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from beleid.begrippen import SOORTEN_AW, keuzes
from inkoop import cijfercache
from inkoop.export import bijlage_kop
from inkoop.permissies import vereist

from . import grafieken, selectors, services
from .export import Kolom, csv_regels, xlsx_bestand
from .forms import CrediteurFilterForm, ImportForm
from .models import Crediteur, Importrun, Inkooppakket, Kostenplaats

PER_PAGINA = 50


def _jaar(request, organisatie) -> tuple[int | None, list[int]]:
    jaren = selectors.jaren(organisatie=organisatie)
    try:
        jaar = int(request.GET.get("jaar", ""))
    except ValueError:
        jaar = None
    if jaar not in jaren:
        jaar = jaren[-1] if jaren else None
    return jaar, jaren


# -- Dashboard ----------------------------------------------------------------------------------

@vereist("uitgaven.bekijken")
def dashboard(request):
    org = request.organisatie
    jaar, jaren = _jaar(request, org)
    context = {"jaar": jaar, "jaren": jaren}
    if jaar is not None:
        # The figures and charts change only with an import or a classification: kept per
        # (organisation, year) until then (inkoop.cijfercache).
        context.update(cijfercache.bewaard(organisatie=org, naam="dashboard", jaar=jaar,
                                           berekenen=lambda: _dashboard_cijfers(org, jaar)))
    return render(request, "uitgaven/dashboard.html", context)


def _dashboard_cijfers(org, jaar: int) -> dict:
    volume = selectors.inkoopvolume(organisatie=org)
    domeinen = selectors.per_domein(organisatie=org, jaar=jaar)
    categorieen = selectors.per_categorie(organisatie=org, jaar=jaar)
    regio = selectors.per_regio(organisatie=org, jaar=jaar)
    top = selectors.top_crediteuren(organisatie=org, jaar=jaar)
    return {
        "volume": volume, "domeinen": domeinen, "categorieen": categorieen, "regio": regio, "top": top,
        "totaal": volume[[int(v.naam) for v in volume].index(jaar)].bedrag,
        "grafiek_volume": grafieken.kolommen([(v.naam, v.bedrag) for v in volume], id_="g-volume",
                                             titel=_("Inkoopvolume per jaar")),
        "grafiek_domeinen": grafieken.taart([(d.naam, d.bedrag) for d in domeinen if not d.totaal], id_="g-domein",
                                            titel=_("Inkoopvolume %(jaar)s per domein") % {"jaar": jaar}),
        "grafiek_categorieen": grafieken.staven([(c.naam, c.bedrag) for c in categorieen if not c.totaal],
                                                id_="g-categorie",
                                                titel=_("Inkoopvolume %(jaar)s per categorie") % {"jaar": jaar}),
        "grafiek_regio": grafieken.staven([(r.naam, r.bedrag) for r in regio if not r.totaal], id_="g-regio",
                                          titel=_("Inkoopvolume %(jaar)s per regio") % {"jaar": jaar}),
    }


def _filters(request) -> dict[str, str]:
    return {k: request.GET.get(k, "").strip() for k in selectors.FILTERS}


def _filteromschrijving(org, filters) -> list[str]:
    """The drill-down's filters in words ("Crediteur 100001 Zorg B.V.")."""
    uit = []
    if filters["domein"]:
        uit.append(_("Domein: %s") % filters["domein"])
    if filters["categorie"] == "geen":
        uit.append(_("Categorie: %s") % selectors.NOG_NIET_BEOORDEELD)
    elif filters["categorie"]:
        uit.append(_("Categorie: %s") % filters["categorie"])
    if filters["regio"]:
        uit.append(_("Regio: %s") % filters["regio"])
    if filters["crediteur"].isdigit():
        c = get_object_or_404(Crediteur, pk=int(filters["crediteur"]), organisatie=org)
        uit.append(_("Crediteur: %s") % c)
    if filters["kostenplaats"].isdigit():
        k = get_object_or_404(Kostenplaats, pk=int(filters["kostenplaats"]), organisatie=org)
        uit.append(_("Kostenplaats: %s") % k)
    return uit


@vereist("uitgaven.bekijken")
def regels(request):
    """Drill-down: the ledger lines behind a cell of the dashboard."""
    org = request.organisatie
    jaar, jaren = _jaar(request, org)
    if jaar is None:
        return redirect("uitgaven:dashboard")
    filters = _filters(request)
    omschrijving = _filteromschrijving(org, filters)
    qs = selectors.factuurregels(organisatie=org, jaar=jaar, **filters)
    pagina = Paginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))
    query = urlencode({"jaar": jaar, **{k: v for k, v in filters.items() if v}})
    return render(request, "uitgaven/regels.html", {
        "jaar": jaar, "jaren": jaren, "pagina": pagina, "query": query, "filters": omschrijving,
        "totaal": selectors._cent(qs.aggregate(s=Sum("bedrag"))["s"]),
    })


# -- Exports ------------------------------------------------------------------------------------

def _tabel(org, jaar, tabel, request):
    """(title, columns, rows) of an exportable table."""
    if tabel == "jaren":
        return (_("Inkoopvolume per jaar"),
                [Kolom(_("Jaar"), "getal"), Kolom(_("Bedrag"), "bedrag"), Kolom(_("Ontwikkeling in €"), "bedrag"),
                 Kolom(_("Ontwikkeling in %"), "procent")],
                [[int(r.naam), r.bedrag, r.ontwikkeling_euro, r.ontwikkeling_pct]
                 for r in selectors.inkoopvolume(organisatie=org)])
    if tabel == "domeinen":
        return (_("Inkoopvolume %(jaar)s per domein") % {"jaar": jaar},
                [Kolom(_("Domein")), Kolom(str(jaar), "bedrag"), Kolom(_("% van totaal"), "procent"),
                 Kolom(str(jaar - 1), "bedrag"), Kolom(_("% vorig jaar"), "procent")],
                [[r.naam, r.bedrag, r.pct, r.vorig_jaar, r.pct_vorig_jaar]
                 for r in selectors.per_domein(organisatie=org, jaar=jaar)])
    if tabel == "categorieen":
        return (_("Inkoopvolume %(jaar)s per categorie") % {"jaar": jaar},
                [Kolom(_("Code")), Kolom(_("Inkoopcategorie")), Kolom(str(jaar - 1), "bedrag"),
                 Kolom(str(jaar), "bedrag"), Kolom(_("Ontwikkeling in €"), "bedrag"),
                 Kolom(_("Ontwikkeling in %"), "procent")],
                [[r.code or "", r.naam, r.vorig_jaar, r.bedrag, r.ontwikkeling_euro, r.ontwikkeling_pct]
                 for r in selectors.per_categorie(organisatie=org, jaar=jaar)])
    if tabel == "regio":
        return (_("Inkoopvolume %(jaar)s per regio") % {"jaar": jaar},
                [Kolom(_("Regio")), Kolom(_("Inkoopvolume"), "bedrag"), Kolom(_("Inkoopvolume als %"), "procent"),
                 Kolom(_("Aantal leveranciers"), "getal"), Kolom(_("Leveranciers als %"), "procent")],
                [[r.naam, r.bedrag, r.pct, r.leveranciers, r.leveranciers_pct]
                 for r in selectors.per_regio(organisatie=org, jaar=jaar)])
    if tabel == "crediteuren":
        return (_("Grootste crediteuren %(jaar)s") % {"jaar": jaar},
                [Kolom(_("Crediteur")), Kolom(_("Inkooppakket")), Kolom(_("Bedrag"), "bedrag"),
                 Kolom(_("% van totaal"), "procent")],
                [[r.naam, r.code, r.bedrag, r.pct]
                 for r in selectors.top_crediteuren(organisatie=org, jaar=jaar, aantal=100)])
    if tabel == "regels":
        filters = _filters(request)
        qs = selectors.factuurregels(organisatie=org, jaar=jaar, **filters)
        return (_("Factuurregels %(jaar)s") % {"jaar": jaar},
                [Kolom(_("Boekdatum"), "datum"), Kolom(_("Factuurnummer")), Kolom(_("Regel"), "getal"),
                 Kolom(_("Crediteurnummer")), Kolom(_("Crediteur")), Kolom(_("Kostenplaats")),
                 Kolom(_("Grootboekrekening")), Kolom(_("Omschrijving")), Kolom(_("Bedrag excl. btw"), "bedrag")],
                ([f.boekdatum, f.factuurnummer, f.volgnummer, f.crediteur.nummer, f.crediteur.naam,
                  f.kostenplaats.code, f.grootboekrekening, f.omschrijving, f.bedrag]
                 for f in qs.iterator(chunk_size=5000)))
    raise Http404("Onbekende tabel")


@vereist("uitgaven.bekijken")
def export(request):
    org = request.organisatie
    jaar, _jaren = _jaar(request, org)
    tabel, formaat = request.GET.get("tabel", ""), request.GET.get("formaat", "csv")
    if jaar is None:
        messages.info(request, _("Er zijn nog geen uitgaven om te exporteren."))
        return redirect("uitgaven:dashboard")
    if formaat not in ("csv", "xlsx"):
        raise Http404("Onbekend formaat")
    titel, kolommen, rijen = _tabel(org, jaar, tabel, request)
    naam = f"uitgaven-{tabel}-{jaar}.{formaat}"
    if formaat == "csv":
        antwoord = StreamingHttpResponse(csv_regels(kolommen, rijen), content_type="text/csv; charset=utf-8")
        antwoord["Content-Disposition"] = bijlage_kop(naam)
        return antwoord
    return FileResponse(xlsx_bestand(titel, kolommen, rijen), as_attachment=True, filename=naam,
                        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


# -- Crediteuren and inkooppakketten (inkoper) --------------------------------------------------

@vereist("uitgaven.classificeren")
def crediteuren(request):
    org = request.organisatie
    pakketten = list(Inkooppakket.objects.filter(organisatie=org).select_related("categorie").order_by("code"))
    if request.method == "POST":
        return _classificeren(request, org, pakketten)
    jaren = selectors.jaren(organisatie=org)
    form = CrediteurFilterForm(request.GET or None, pakketten=pakketten,
                               regio_namen=selectors.regio_namen(organisatie=org), jaren=jaren)
    waarden = form.cleaned_data if form.is_valid() else {}
    jaar = waarden.get("jaar") or (jaren[-1] if jaren else None)
    qs = selectors.crediteuren(organisatie=org, jaar=jaar, zoek=waarden.get("zoek", ""),
                               pakket=waarden.get("pakket", ""), regio=waarden.get("regio", ""),
                               min_bedrag=waarden.get("minimaal"))
    pagina = Paginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))
    query = urlencode({k: v for k, v in request.GET.items() if k != "pagina" and v})
    return render(request, "uitgaven/crediteuren.html", {
        "form": form, "pagina": pagina, "jaar": jaar, "pakketten": pakketten, "query": query,
    })


def _classificeren(request, org, pakketten):
    terug = request.POST.get("terug", "")
    terug = reverse("uitgaven:crediteuren") + (f"?{terug}" if terug else "")
    ids = [int(i) for i in request.POST.getlist("crediteur") if i.isdigit()]
    keuze = request.POST.get("nieuw_pakket", "")
    per_id = {str(p.pk): p for p in pakketten}
    if not ids:
        messages.error(request, _("Kies eerst een of meer crediteuren."))
        return redirect(terug)
    if keuze != "geen" and keuze not in per_id:
        messages.error(request, _("Kies het inkooppakket (of ‘geen pakket’) dat u wilt toewijzen."))
        return redirect(terug)
    pakket = per_id.get(keuze)
    n = services.crediteuren_classificeren(organisatie=org, crediteur_ids=ids, pakket=pakket)
    if pakket:
        messages.success(request, _("%(n)s crediteur(en) ingedeeld in %(pakket)s.") % {"n": n, "pakket": pakket})
    else:
        messages.success(request, _("Bij %(n)s crediteur(en) is het inkooppakket weggehaald.") % {"n": n})
    return redirect(terug)


@vereist("uitgaven.pakketten_beheren")
def pakketten(request):
    org = request.organisatie
    lijst = list(selectors.pakketten_met_aantallen(organisatie=org))
    geldig = {"", *SOORTEN_AW}
    if request.method == "POST":
        gewijzigd = 0
        for p in lijst:
            soort = request.POST.get(f"soort-{p.pk}")
            if soort is not None and soort in geldig:
                gewijzigd += services.pakket_soort_wijzigen(pakket=p, soort=soort)
        messages.success(request, _("%(n)s inkooppakket(ten) bijgewerkt.") % {"n": gewijzigd})
        return redirect("uitgaven:pakketten")
    return render(request, "uitgaven/pakketten.html", {"pakketten": lijst, "soorten": keuzes(*SOORTEN_AW)})


# -- Import (controller) ------------------------------------------------------------------------

class Begrenzer(FileUploadHandler):
    """Stops reading an upload as soon as it is larger than the limit (a client may lie about,
    or not send, its Content-Length)."""

    def __init__(self, request=None, maximum=0):
        super().__init__(request)
        self.maximum, self.gelezen = maximum, 0

    def receive_data_chunk(self, raw_data, start):
        self.gelezen += len(raw_data)
        if self.gelezen > self.maximum:
            self.request.upload_te_groot = True
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None


def _importpagina(request, form, status=200, fout=""):
    runs = list(selectors.importruns(organisatie=request.organisatie)[:5])
    return render(request, "uitgaven/import.html", {
        "form": form, "runs": runs, "fout": fout, "max_mb": settings.UPLOAD_MAX_BYTES // 1024 // 1024},
        status=status)


def _te_groot():
    return _("De upload is groter dan %(max)s MB; kies minder of kleinere bestanden.") % {
        "max": settings.UPLOAD_MAX_BYTES // 1024 // 1024}


@csrf_exempt  # checked below, after the size limit is in place (Django docs, upload handlers)
@vereist("uitgaven.importeren")
def importeren(request):
    if request.method != "POST":
        return _importpagina(request, ImportForm())
    marge = 1024 * 1024  # the form fields and multipart boundaries around the files
    if int(request.META.get("CONTENT_LENGTH") or 0) > settings.UPLOAD_MAX_BYTES + marge:
        return _importpagina(request, ImportForm(), status=413, fout=_te_groot())
    request.upload_handlers.insert(0, Begrenzer(request, settings.UPLOAD_MAX_BYTES + marge))
    return _importeren_post(request)


@csrf_protect
def _importeren_post(request):
    form = ImportForm(request.POST, request.FILES)
    if getattr(request, "upload_te_groot", False) or getattr(request, "upload_fout", None):
        return _importpagina(request, ImportForm(), status=413, fout=_te_groot())
    if not form.is_valid():
        return _importpagina(request, form, status=400)
    run = services.import_voorbereiden(organisatie=request.organisatie, door=request.user,
                                       bestanden=form.cleaned_data["bestanden"],
                                       overschrijf_classificatie=form.cleaned_data["overschrijf_classificatie"])
    return redirect("uitgaven:importrun", pk=run.pk)


def _run(request, pk) -> Importrun:
    return get_object_or_404(Importrun.objects.select_related("gestart_door", "controle"), pk=pk,
                             organisatie=request.organisatie)


def _run_context(run: Importrun) -> dict:
    per_soort = [(soort, run.aantallen[soort]) for soort in ("regio", "inkooppakketten", "kostenplaatsen",
                                                             "crediteuren", "facturen") if soort in run.aantallen]
    aantal = run.aantallen.get("fouten", len(run.fouten)) or len(run.fouten)
    return {"run": run, "per_soort": per_soort, "fouten": run.fouten[:50], "aantal_fouten": aantal,
            "meer_fouten": max(0, aantal - 50)}


@vereist("uitgaven.importeren")
def importrun(request, pk):
    run = _run(request, pk)
    context = _run_context(run)
    context["imports"] = list(run.imports.order_by("-gestart_op")) if run.proefrun else []
    # An import that failed stored nothing: the same files may be confirmed again.
    context["imports_lopend_of_geslaagd"] = any(i.status != Importrun.Status.MISLUKT for i in context["imports"])
    return render(request, "uitgaven/importrun.html", context)


@vereist("uitgaven.importeren")
def importrun_voortgang(request, pk):
    """The progress bar, polled by htmx while the run is busy; when done, the page reloads."""
    run = _run(request, pk)
    antwoord = render(request, "uitgaven/_voortgang.html", {"run": run})
    if not run.loopt:
        antwoord["HX-Refresh"] = "true"
    return antwoord


@require_POST
@vereist("uitgaven.importeren")
def importrun_importeren(request, pk):
    controle = _run(request, pk)
    try:
        run = services.import_bevestigen(controle=controle, door=request.user)
    except ValueError as exc:
        messages.error(request, str(exc))
        return redirect("uitgaven:importrun", pk=controle.pk)
    return redirect("uitgaven:importrun", pk=run.pk)


@require_POST
@vereist("uitgaven.importeren")
def importrun_opnieuw(request, pk):
    """Retry a run whose processing was interrupted (worker or database stopped): nothing was stored."""
    oud = _run(request, pk)
    try:
        run = services.import_opnieuw(importrun=oud, door=request.user)
    except ValueError as exc:
        messages.error(request, str(exc))
        return redirect("uitgaven:importrun", pk=oud.pk)
    return redirect("uitgaven:importrun", pk=run.pk)


@vereist("uitgaven.importeren")
def importhistorie(request):
    qs = selectors.importruns(organisatie=request.organisatie)
    pagina = Paginator(qs, 25).get_page(request.GET.get("pagina"))
    return render(request, "uitgaven/importhistorie.html", {"pagina": pagina})
