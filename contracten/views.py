"""Pages of the contracten app. Thin: parse with a form, call a service, render a selector."""

from datetime import date, timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from beleid.selectors import beleid_voor
from inkoop import cijfercache
from inkoop.formatting import getal
from inkoop.models import Lidmaatschap
from inkoop.permissies import vereist
from inkoop.services import notificaties_gelezen_voor

from . import selectors, services
from .datums import maandgrenzen, plus_maanden
from .export import REGISTER_KOLOMMEN, register_rijen, werkboek
from .forms import (
    BibobForm,
    ContractForm,
    DocumentForm,
    InschrijvingForm,
    KandidaatForm,
    KlachtForm,
    MvoiForm,
    PerceelForm,
    RealisatieForm,
    RegisterFilterForm,
    TrajectFilterForm,
    TrajectForm,
    TrajectStatusForm,
    TrajectUitAdviesForm,
    UitnodigingForm,
    VerplichtingForm,
    WerkpaktForm,
    traject_zoekfilter,
)
from .models import (
    BibobToets,
    Contract,
    ContractDocument,
    Inschrijving,
    KalenderToken,
    Klacht,
    MvoiThema,
    MvoiToepassing,
    Perceel,
    Procedure,
    SroiRealisatie,
    Traject,
    Uitnodiging,
    WerkpaktKeurmerkhouder,
)

PER_PAGINA = 50
# The calendar's list of deadlines: a page fits a phone screen a few times over.
KALENDER_PER_PAGINA = 25


def _fouten_naar_form(form, fout: ValidationError):
    """Put a service's ValidationError on the form, on the field when the form has it."""
    if hasattr(fout, "error_dict"):
        for veld, lijst in fout.message_dict.items():
            form.add_error(veld if veld in form.fields else None, lijst)
    else:
        form.add_error(None, fout.messages)


def _contract(request, pk, perm="contracten.bekijken") -> Contract:
    contract = get_object_or_404(Contract.objects.select_related("crediteur", "inkooppakket", "eigenaar", "traject",
                                                                  "perceel", "melding"),
                                 pk=pk, organisatie=request.organisatie)
    if not request.user.has_perm(perm, contract):
        raise PermissionDenied
    return contract


def _traject(request, pk, perm="contracten.bekijken") -> Traject:
    traject = get_object_or_404(Traject.objects.select_related("melding", "inkoper"), pk=pk,
                                organisatie=request.organisatie)
    if not request.user.has_perm(perm, traject):
        raise PermissionDenied
    return traject


# --------------------------------------------------------------------------------------------
# Contract register


def _register_form(request):
    """The filters; without any, the register shows the current contracts (running or to come)."""
    data = request.GET.copy()
    data.pop("pagina", None)
    if not data:
        data["status"] = "actueel"
    return RegisterFilterForm(data, organisatie=request.organisatie, afdelingen=_afdelingen(request))


def _register_queryset(request, form):
    d = form.cleaned_data if form.is_valid() else {}
    return selectors.contractregister(gebruiker=request.user, organisatie=request.organisatie,
                                      zoek=(d.get("zoek") or "").strip(), status=d.get("status") or "",
                                      pakket=d.get("pakket"), afdeling=d.get("afdeling") or "", sroi=d.get("sroi") or "",
                                      vandaag=timezone.localdate())


def _afdelingen(request):
    return list(selectors.zichtbare_contracten(gebruiker=request.user, organisatie=request.organisatie)
                .exclude(afdeling="").order_by("afdeling").values_list("afdeling", flat=True).distinct())


@vereist("contracten.bekijken")
def register(request):
    form = _register_form(request)
    pagina = Paginator(_register_queryset(request, form), PER_PAGINA).get_page(request.GET.get("pagina"))
    zonder_pagina = request.GET.copy()
    zonder_pagina.pop("pagina", None)
    return render(request, "contracten/register.html", {
        "form": form, "pagina": pagina, "query": zonder_pagina.urlencode(), "vandaag": timezone.localdate()})


@vereist("contracten.bekijken")
@require_GET
def export(request):
    form = _register_form(request)
    inhoud = werkboek("Contracten", REGISTER_KOLOMMEN, register_rijen(_register_queryset(request, form)))
    antwoord = HttpResponse(inhoud, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    antwoord["Content-Disposition"] = f'attachment; filename="contractregister-{timezone.localdate():%Y%m%d}.xlsx"'
    return antwoord


def _contract_context(request, contract, **formen):
    stand = selectors.sroi_stand(contract)
    # P-30: the SROI limit and percentage of the policy in force when the contract started.
    beleid = beleid_voor(contract.organisatie, op=contract.startdatum)
    sroi_geldt = (beleid is not None and contract.soort in beleid.sroi_soorten
                  and contract.waarde_incl_opties >= beleid.sroi_vanaf)
    context = {
        "contract": contract, "sroi": stand, "sroi_geldt": sroi_geldt,
        "sroi_vanaf": beleid.sroi_vanaf if beleid is not None else None,
        "realisaties": list(contract.sroi.realisaties.select_related("vastgelegd_door")) if stand else [],
        "documenten": list(contract.documenten.select_related("geupload_door")),
        "mag_beheren": request.user.has_perm("contracten.beheren", contract),
        "vandaag": timezone.localdate(),
        "verplichting_form": VerplichtingForm(initial={"percentage": getal(beleid.sroi_percentage, 2).rstrip("0").rstrip(",")}
                                              if beleid is not None else {}),
        "realisatie_form": RealisatieForm(initial={"datum": timezone.localdate()}),
        "kandidaat_form": KandidaatForm(initial={"geplaatst_op": timezone.localdate()}),
        "document_form": DocumentForm(),
        "open": "",
    }
    if stand:
        v = stand["verplichting"]
        context["verplichting_form"] = VerplichtingForm(initial={"percentage": str(v.percentage).rstrip("0").rstrip(".").replace(".", ","),
                                                                 "grondslag": v.grondslag, "bedrag": v.bedrag,
                                                                 "toelichting": v.toelichting})
    context.update(formen)
    return context


@vereist("contracten.bekijken")
def contract_detail(request, pk):
    contract = _contract(request, pk)
    notificaties_gelezen_voor(gebruiker=request.user, organisatie=request.organisatie, pad=request.path)
    return render(request, "contracten/contract.html", _contract_context(request, contract))


def _voorstel_uit_traject(request) -> dict:
    """Initial values for a contract that follows a traject (and its awarded bid, per lot)."""
    initial = {}
    traject_id, perceel_id = request.GET.get("traject"), request.GET.get("perceel")
    if not (traject_id and traject_id.isdigit()):
        return initial
    traject = Traject.objects.filter(pk=traject_id, organisatie=request.organisatie).first()
    if traject is None:
        return initial
    perceel = (Perceel.objects.filter(pk=perceel_id, traject=traject).first()
               if perceel_id and perceel_id.isdigit() else None)
    gegund = traject.inschrijvingen.filter(gegund=True, perceel=perceel).select_related("crediteur").first()
    omschrijving = traject.omschrijving + (f" – perceel {perceel.nummer}: {perceel.naam}" if perceel else "")
    initial.update({"traject": traject, "perceel": perceel, "omschrijving": omschrijving[:300],
                    "soort": traject.soort, "afdeling": traject.afdeling,
                    "startdatum": traject.afgerond_op})
    if traject.melding_id:
        initial["meldingnummer"] = traject.melding.nummer
        initial["inkooppakket"] = traject.melding.inkooppakket_id
    if gegund:
        initial["waarde_totaal"] = gegund.bedrag
        if gegund.crediteur_id:
            initial["crediteur"] = gegund.crediteur.nummer
            initial["inkooppakket"] = initial.get("inkooppakket") or gegund.crediteur.inkooppakket_id
        else:
            initial["leverancier_naam"] = gegund.naam
    return initial


@vereist("contracten.beheren")
def contract_nieuw(request):
    voorstel = _voorstel_uit_traject(request)
    traject, perceel = voorstel.pop("traject", None), voorstel.pop("perceel", None)
    form = ContractForm(request.POST or None, initial=voorstel, organisatie=request.organisatie)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        velden = {k: d[k] for k in form.Meta.fields if k not in ("meldingnummer", "sroi_percentage")}
        try:
            contract = services.contract_registreren(organisatie=request.organisatie, door=request.user,
                                                     traject=traject, perceel=perceel, melding=d["meldingnummer"],
                                                     sroi_percentage=d["sroi_percentage"], sleutel=d.get("sleutel"),
                                                     **velden)
        except ValidationError as fout:
            _fouten_naar_form(form, fout)
        else:
            messages.success(request, f"Contract {contract.nummer} is vastgelegd.")
            return redirect("contracten:contract", pk=contract.pk)
    return render(request, "contracten/contract_form.html", {"form": form, "traject": traject, "perceel": perceel})


@vereist("contracten.beheren")
def contract_wijzigen(request, pk):
    contract = _contract(request, pk, "contracten.beheren")
    form = ContractForm(request.POST or None, instance=contract, organisatie=request.organisatie, nieuw=False)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        velden = {k: d[k] for k in form.Meta.fields if k in form.fields and k != "meldingnummer"}
        try:
            contract = services.contract_wijzigen(contract=Contract.objects.get(pk=contract.pk), door=request.user,
                                                  melding=d["meldingnummer"], **velden)
        except ValidationError as fout:
            _fouten_naar_form(form, fout)
        else:
            messages.success(request, "De wijzigingen zijn opgeslagen.")
            return redirect("contracten:contract", pk=contract.pk)
    return render(request, "contracten/contract_form.html", {"form": form, "contract": contract})


def _historie(records, velden_labels):
    """Each version with the fields that changed against the one before (simple-history diff)."""
    regels = []
    vorige = None
    for record in reversed(records):
        wijzigingen = []
        if vorige is not None:
            for change in record.diff_against(vorige).changes:
                wijzigingen.append({"veld": velden_labels.get(change.field, change.field),
                                    "oud": change.old, "nieuw": change.new})
        regels.append({"record": record, "wijzigingen": wijzigingen})
        vorige = record
    regels.reverse()
    return regels


def _labels(model):
    return {f.name: str(f.verbose_name) for f in model._meta.fields}


@vereist("contracten.bekijken")
def contract_historie(request, pk):
    contract = _contract(request, pk)
    records = list(contract.history.select_related("history_user").order_by("-history_date", "-history_id"))
    return render(request, "contracten/historie.html", {
        "object": contract, "regels": _historie(records, _labels(Contract)),
        "terug": reverse("contracten:contract", kwargs={"pk": contract.pk})})


@vereist("contracten.beheren")
@require_POST
def contract_verlenging(request, pk):
    contract = _contract(request, pk, "contracten.beheren")
    actie = request.POST.get("actie")
    try:
        if actie == "benutten":
            contract = services.verlenging_benutten(contract=contract, door=request.user)
            messages.success(request, f"Verlengd: het contract loopt nu tot {contract.einddatum:%d-%m-%Y}.")
        elif actie == "niet":
            services.niet_verlengen(contract=contract, door=request.user)
            messages.success(request, "Vastgelegd: het contract wordt niet verlengd.")
        else:
            messages.error(request, "Kies verlengen of niet verlengen.")
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    return redirect("contracten:contract", pk=contract.pk)


def _contract_post(request, pk, formklasse, actie, contextnaam, open_sectie, **form_kw):
    contract = _contract(request, pk, "contracten.beheren")
    form = formklasse(request.POST, request.FILES, **form_kw) if request.FILES else formklasse(request.POST, **form_kw)
    if form.is_valid():
        try:
            tekst = actie(contract, form.cleaned_data)
        except ValidationError as fout:
            _fouten_naar_form(form, fout)
        else:
            messages.success(request, tekst)
            return redirect(reverse("contracten:contract", kwargs={"pk": contract.pk}) + f"#{open_sectie}")
    return render(request, "contracten/contract.html",
                  _contract_context(request, contract, **{contextnaam: form, "open": open_sectie}), status=400)


@vereist("contracten.beheren")
@require_POST
def sroi_verplichting(request, pk):
    def actie(contract, d):
        services.sroi_vastleggen(contract=contract, percentage=d["percentage"], grondslag=d["grondslag"],
                                 bedrag=d["bedrag"], toelichting=d["toelichting"])
        return "De SROI-verplichting is vastgelegd."

    return _contract_post(request, pk, VerplichtingForm, actie, "verplichting_form", "sroi")


@vereist("contracten.beheren")
@require_POST
def sroi_realisatie(request, pk):
    def actie(contract, d):
        services.sroi_realisatie_vastleggen(contract=contract, door=request.user, **d)
        return "De realisatie is vastgelegd."

    return _contract_post(request, pk, RealisatieForm, actie, "realisatie_form", "sroi")


@vereist("contracten.beheren")
@require_POST
def sroi_realisatie_verwijderen(request, pk, rpk):
    contract = _contract(request, pk, "contracten.beheren")
    realisatie = get_object_or_404(SroiRealisatie, pk=rpk, verplichting__contract=contract)
    realisatie.delete()
    messages.success(request, "De realisatie is verwijderd.")
    return redirect(reverse("contracten:contract", kwargs={"pk": contract.pk}) + "#sroi")


@vereist("contracten.beheren")
@require_POST
def sroi_kandidaat(request, pk):
    def actie(contract, d):
        n = len(services.sroi_kandidaat_vastleggen(contract=contract, **d))
        return f"{n} geplaatste kandida{'at' if n == 1 else 'ten'} vastgelegd."

    return _contract_post(request, pk, KandidaatForm, actie, "kandidaat_form", "sroi")


@vereist("contracten.beheren")
@require_POST
def document_toevoegen(request, pk):
    def actie(contract, d):
        services.document_toevoegen(contract=contract, bestand=d["bestand"], omschrijving=d["omschrijving"],
                                    door=request.user)
        return "Het document is toegevoegd."

    return _contract_post(request, pk, DocumentForm, actie, "document_form", "documenten")


@vereist("contracten.bekijken")
def document_downloaden(request, pk, dpk):
    contract = _contract(request, pk)
    document = get_object_or_404(ContractDocument, pk=dpk, contract=contract)
    try:
        bestand = document.bestand.open("rb")
    except FileNotFoundError as fout:
        raise Http404("Het bestand is niet meer aanwezig.") from fout
    return FileResponse(bestand, as_attachment=True, filename=document.naam)


# --------------------------------------------------------------------------------------------
# Trajecten


@vereist("contracten.bekijken")
def trajecten(request):
    form = TrajectFilterForm(request.GET or None)
    qs = selectors.zichtbare_trajecten(gebruiker=request.user, organisatie=request.organisatie)
    d = form.cleaned_data if form.is_valid() else {}
    if d.get("zoek"):
        qs = qs.filter(traject_zoekfilter(d["zoek"].strip()))
    if d.get("status"):
        qs = qs.filter(status=d["status"])
    if d.get("procedure"):
        qs = qs.filter(procedure=d["procedure"])
    if d.get("jaar"):
        begin, eind = date(d["jaar"], 1, 1), date(d["jaar"], 12, 31)
        qs = qs.filter(Q(startdatum__lte=eind) & (Q(afgerond_op__isnull=True) | Q(afgerond_op__gte=begin))
                       & (Q(ingetrokken_op__isnull=True) | Q(ingetrokken_op__gte=begin)))
    qs = qs.select_related("inkoper").annotate(n_percelen=Count("percelen", distinct=True)).order_by("-startdatum", "-id")
    pagina = Paginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))
    zonder_pagina = request.GET.copy()
    zonder_pagina.pop("pagina", None)
    return render(request, "contracten/trajecten.html", {"form": form, "pagina": pagina,
                                                         "query": zonder_pagina.urlencode()})


def _traject_velden(form):
    d = dict(form.cleaned_data)
    d["melding"] = d.pop("meldingnummer")
    return d


@vereist("contracten.beheren")
def traject_nieuw(request):
    initial = {"startdatum": timezone.localdate(), "begeleid_door_inkoop": True, "inkoper": request.user.pk}
    melding_id = request.GET.get("melding")
    if melding_id and melding_id.isdigit():
        from meldingen.models import Inkoopmelding

        melding = Inkoopmelding.objects.filter(pk=melding_id, organisatie=request.organisatie).first()
        if melding:
            initial.update({"meldingnummer": melding.nummer, "omschrijving": melding.omschrijving, "soort": melding.soort,
                            "afdeling": melding.afdeling, "geraamde_waarde": melding.geraamde_waarde})
    form = TrajectForm(request.POST or None, initial=initial, organisatie=request.organisatie)
    if request.method == "POST" and form.is_valid():
        try:
            traject = services.traject_registreren(organisatie=request.organisatie, door=request.user,
                                                   **_traject_velden(form))
        except ValidationError as fout:
            _fouten_naar_form(form, fout)
        else:
            messages.success(request, f"Traject {traject.nummer} is vastgelegd.")
            return redirect("contracten:traject", pk=traject.pk)
    return render(request, "contracten/traject_form.html", {"form": form})


def _voorstel_uit_advies(advies, gebruiker, door_inkoop: bool) -> dict:
    """The traject as the advice describes it, for the form to start from."""
    melding = advies.melding
    berekend = advies.berekend or {}
    initial = {
        "omschrijving": melding.omschrijving, "startdatum": timezone.localdate(), "afdeling": melding.afdeling,
        "soort": melding.soort,
        "geraamde_waarde": advies.geraamde_waarde if advies.geraamde_waarde is not None else melding.geraamde_waarde,
        "toelichting": f"Volgens inkoopadvies versie {advies.versie} bij melding {melding.nummer}.",
    }
    if advies.procedure in Procedure.values:
        initial["procedure"] = advies.procedure
    if door_inkoop:
        initial.update({
            "begeleid_door_inkoop": True,
            "inkoper": melding.inkoper_id or (gebruiker.pk if gebruiker.rol == "inkoper" else advies.uitgebracht_door_id),
            "gouden_aanbesteding": bool(berekend.get("gouden_aanbesteding")),
            "tenderboard_advies_gevraagd": bool(berekend.get("tenderboard")),
        })
    return initial


@login_required
def traject_uit_advies(request, advies_pk):
    """The next step after an accepted advice: start its traject from a prefilled form."""
    from adviezen.models import Advies

    advies = get_object_or_404(Advies.objects.select_related("melding__inkoper", "beleid"), pk=advies_pk,
                               organisatie=request.organisatie)
    bestaand = selectors.traject_van_melding(advies.melding_id)
    if bestaand is not None:
        messages.info(request, f"Voor deze melding is traject {bestaand.nummer} al gestart.")
        return redirect(_na_start(request, bestaand))
    if not request.user.has_perm("contracten.traject_starten", advies):
        raise PermissionDenied
    door_inkoop = request.user.rol == "inkoper"
    form = TrajectUitAdviesForm(request.POST or None, initial=_voorstel_uit_advies(advies, request.user, door_inkoop),
                                organisatie=request.organisatie, advies=advies, door_inkoop=door_inkoop)
    if request.method == "POST" and form.is_valid():
        velden = dict(form.cleaned_data)
        if not door_inkoop:
            # The budget holder runs it; the melding's inkoper stays their contact.
            velden.update(begeleid_door_inkoop=False, inkoper=advies.melding.inkoper)
        try:
            traject = services.traject_starten_uit_advies(advies=advies, door=request.user, **velden)
        except ValidationError as fout:
            _fouten_naar_form(form, fout)
        else:
            messages.success(request, f"Traject {traject.nummer} is gestart. De melding staat nu op ‘traject gestart’.")
            return redirect(_na_start(request, traject))
    return render(request, "contracten/traject_uit_advies.html", {
        "form": form, "advies": advies, "melding": advies.melding, "door_inkoop": door_inkoop})


def _na_start(request, traject):
    if request.user.has_perm("contracten.bekijken", traject):
        return reverse("contracten:traject", kwargs={"pk": traject.pk})
    return reverse("meldingen:detail", kwargs={"pk": traject.melding_id})


@vereist("contracten.beheren")
def traject_wijzigen(request, pk):
    traject = _traject(request, pk, "contracten.beheren")
    form = TrajectForm(request.POST or None, instance=traject, organisatie=request.organisatie)
    if request.method == "POST" and form.is_valid():
        try:
            services.traject_wijzigen(traject=Traject.objects.get(pk=traject.pk), door=request.user,
                                      **_traject_velden(form))
        except ValidationError as fout:
            _fouten_naar_form(form, fout)
        else:
            messages.success(request, "De wijzigingen zijn opgeslagen.")
            return redirect("contracten:traject", pk=traject.pk)
    return render(request, "contracten/traject_form.html", {"form": form, "traject": traject})


def _mvoi_overzicht(traject, percelen):
    """Per scope (the traject, each lot) and theme: how it was applied (for the detail page)."""
    toepassingen = {(t.perceel_id, t.thema): t for t in traject.mvoi.all()}
    scopes = [(None, "Hele traject")] + [(p.pk, f"Perceel {p.nummer}") for p in percelen]
    scopes = [s for s in scopes if any((s[0], t.value) in toepassingen for t in MvoiThema)] or []
    rijen = []
    for thema in MvoiThema:
        rijen.append({"thema": thema, "cellen": [toepassingen.get((pid, thema.value)) for pid, _ in scopes]})
    return {"scopes": scopes, "rijen": rijen}


def _traject_context(request, traject, **formen):
    percelen = list(traject.percelen.annotate(n_mvoi=Count("mvoi")))
    context = {
        "traject": traject, "percelen": percelen,
        "uitnodigingen": list(traject.uitnodigingen.select_related("perceel", "crediteur")),
        "inschrijvingen": list(traject.inschrijvingen.select_related("perceel", "crediteur")),
        "bibob": list(traject.bibob.all()), "klachten": list(traject.klachten.all()),
        "contracten": list(traject.contracten.select_related("crediteur", "perceel")),
        "mvoi": _mvoi_overzicht(traject, percelen),
        "traject_mvoi_vastgelegd": traject.mvoi.filter(perceel__isnull=True).exists(),
        "mag_beheren": request.user.has_perm("contracten.beheren", traject),
        "status_form": TrajectStatusForm(traject=traject, initial={"datum": timezone.localdate()}),
        "perceel_form": PerceelForm(), "uitnodiging_form": UitnodigingForm(traject=traject),
        "inschrijving_form": InschrijvingForm(traject=traject), "bibob_form": BibobForm(),
        "klacht_form": KlachtForm(initial={"ontvangen_op": timezone.localdate()}),
        "open": "",
    }
    context.update(formen)
    return context


@vereist("contracten.bekijken")
def traject_detail(request, pk):
    traject = _traject(request, pk)
    notificaties_gelezen_voor(gebruiker=request.user, organisatie=request.organisatie, pad=request.path)
    return render(request, "contracten/traject.html", _traject_context(request, traject))


@vereist("contracten.bekijken")
def traject_historie(request, pk):
    traject = _traject(request, pk)
    records = list(traject.history.select_related("history_user").order_by("-history_date", "-history_id"))
    return render(request, "contracten/historie.html", {
        "object": traject, "regels": _historie(records, _labels(Traject)),
        "terug": reverse("contracten:traject", kwargs={"pk": traject.pk})})


def _traject_post(request, pk, formklasse, actie, contextnaam, sectie, traject_in_form=False):
    traject = _traject(request, pk, "contracten.beheren")
    kw = {"traject": traject} if traject_in_form else {}
    form = formklasse(request.POST, **kw)
    if form.is_valid():
        try:
            tekst = actie(traject, form.cleaned_data)
        except ValidationError as fout:
            _fouten_naar_form(form, fout)
        else:
            messages.success(request, tekst)
            return redirect(reverse("contracten:traject", kwargs={"pk": traject.pk}) + f"#{sectie}")
    return render(request, "contracten/traject.html",
                  _traject_context(request, traject, **{contextnaam: form, "open": sectie}), status=400)


@vereist("contracten.beheren")
@require_POST
def traject_status(request, pk):
    def actie(traject, d):
        traject = services.traject_status_wijzigen(traject=traject, status=d["status"], datum=d["datum"],
                                                   door=request.user, reden=d["reden"])
        return f"De status is nu ‘{traject.get_status_display().lower()}’."

    return _traject_post(request, pk, TrajectStatusForm, actie, "status_form", "status", traject_in_form=True)


@vereist("contracten.beheren")
@require_POST
def perceel_toevoegen(request, pk):
    def actie(traject, d):
        p = services.perceel_toevoegen(traject=traject, naam=d["naam"], geraamde_waarde=d["geraamde_waarde"])
        return f"Perceel {p.nummer} is toegevoegd."

    return _traject_post(request, pk, PerceelForm, actie, "perceel_form", "percelen")


@vereist("contracten.beheren")
@require_POST
def uitnodiging_toevoegen(request, pk):
    def actie(traject, d):
        services.uitnodiging_toevoegen(traject=traject, **d)
        return f"{d['naam']} staat bij de uitgenodigde ondernemingen."

    return _traject_post(request, pk, UitnodigingForm, actie, "uitnodiging_form", "uitnodigingen", traject_in_form=True)


@vereist("contracten.beheren")
@require_POST
def inschrijving_toevoegen(request, pk):
    def actie(traject, d):
        services.inschrijving_toevoegen(traject=traject, **d)
        return f"De inschrijving van {d['naam']} is vastgelegd."

    return _traject_post(request, pk, InschrijvingForm, actie, "inschrijving_form", "inschrijvingen",
                         traject_in_form=True)


@vereist("contracten.beheren")
@require_POST
def gunnen(request, pk, ipk):
    traject = _traject(request, pk, "contracten.beheren")
    inschrijving = get_object_or_404(Inschrijving, pk=ipk, traject=traject)
    try:
        if request.POST.get("actie") == "intrekken":
            services.gunning_intrekken(inschrijving=inschrijving, door=request.user)
            messages.success(request, f"De gunning aan {inschrijving.naam} is ingetrokken.")
        else:
            services.gunnen(inschrijving=inschrijving, door=request.user)
            messages.success(request, f"Gegund aan {inschrijving.naam}.")
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    return redirect(reverse("contracten:traject", kwargs={"pk": traject.pk}) + "#inschrijvingen")


@vereist("contracten.beheren")
@require_POST
def bibob_toevoegen(request, pk):
    def actie(traject, d):
        services.bibob_toets_vastleggen(traject=traject, **d)
        return "De Bibob-toets is vastgelegd."

    return _traject_post(request, pk, BibobForm, actie, "bibob_form", "bibob")


@vereist("contracten.beheren")
@require_POST
def klacht_toevoegen(request, pk):
    def actie(traject, d):
        services.klacht_vastleggen(traject=traject, **d)
        return "De klacht is vastgelegd."

    return _traject_post(request, pk, KlachtForm, actie, "klacht_form", "klachten")


@vereist("contracten.beheren")
def klacht_wijzigen(request, pk, kpk):
    """Record the handling and outcome of a complaint later on."""
    traject = _traject(request, pk, "contracten.beheren")
    klacht = get_object_or_404(Klacht, pk=kpk, traject=traject)
    return _onderdeel_wijzigen(request, traject, klacht, KlachtForm, "klachten", "De klacht is bijgewerkt.",
                               "Klacht bijwerken")


@vereist("contracten.beheren")
def bibob_wijzigen(request, pk, bpk):
    """Record the outcome of a Bibob screening (and an advice asked from the LBB) later on."""
    traject = _traject(request, pk, "contracten.beheren")
    toets = get_object_or_404(BibobToets, pk=bpk, traject=traject)
    return _onderdeel_wijzigen(request, traject, toets, BibobForm, "bibob", "De Bibob-toets is bijgewerkt.",
                               "Bibob-toets bijwerken")


def _onderdeel_wijzigen(request, traject, obj, formklasse, sectie, tekst, titel):
    form = formklasse(request.POST or None, instance=obj)
    if request.method == "POST" and form.is_valid():
        velden = form.cleaned_data
        try:
            if isinstance(obj, Klacht):
                services.klacht_bijwerken(klacht=obj, **velden)
            else:
                services.bibob_toets_bijwerken(toets=obj, **velden)
        except ValidationError as fout:
            _fouten_naar_form(form, fout)
        else:
            messages.success(request, tekst)
            return redirect(reverse("contracten:traject", kwargs={"pk": traject.pk}) + f"#{sectie}")
    return render(request, "contracten/onderdeel_form.html", {"traject": traject, "form": form, "titel": titel,
                                                              "sectie": sectie})


ONDERDELEN = {"perceel": (Perceel, "percelen"), "uitnodiging": (Uitnodiging, "uitnodigingen"),
              "inschrijving": (Inschrijving, "inschrijvingen"), "bibob": (BibobToets, "bibob"),
              "klacht": (Klacht, "klachten")}


@vereist("contracten.beheren")
@require_POST
def onderdeel_verwijderen(request, pk, soort, opk):
    traject = _traject(request, pk, "contracten.beheren")
    if soort not in ONDERDELEN:
        raise Http404
    model, sectie = ONDERDELEN[soort]
    obj = get_object_or_404(model, pk=opk, traject=traject)
    if soort == "perceel" and obj.contracten.exists():
        messages.error(request, "Dit perceel heeft een contract; verwijder of ontkoppel eerst het contract.")
    else:
        obj.delete()
        if soort in ("perceel", "inschrijving"):
            services._gegunde_waarde_bijwerken(traject)
        messages.success(request, "Verwijderd.")
    return redirect(reverse("contracten:traject", kwargs={"pk": traject.pk}) + f"#{sectie}")


@vereist("contracten.beheren")
def traject_mvoi(request, pk):
    """The MVOI grid of the traject or one of its lots."""
    traject = _traject(request, pk, "contracten.beheren")
    perceel = None
    perceel_id = request.GET.get("perceel") or request.POST.get("perceel")
    if perceel_id:
        perceel = get_object_or_404(Perceel, pk=perceel_id, traject=traject) if str(perceel_id).isdigit() else None
        if perceel is None:
            raise Http404
    bestaand = {t.thema: t for t in MvoiToepassing.objects.filter(traject=traject, perceel=perceel)}
    form = MvoiForm(request.POST or None, bestaand=bestaand)
    if request.method == "POST" and form.is_valid():
        try:
            services.mvoi_vastleggen(traject=traject, perceel=perceel, toepassingen=form.toepassingen())
        except ValidationError as fout:
            for thema, lijst in fout.message_dict.items():
                form.add_error(None, lijst)
                form.errors.setdefault(thema, form.error_class()).extend(lijst)
        else:
            messages.success(request, f"MVOI vastgelegd voor {f'perceel {perceel.nummer}' if perceel else 'het traject'}.")
            return redirect(reverse("contracten:traject", kwargs={"pk": traject.pk}) + "#mvoi")
    return render(request, "contracten/mvoi_form.html", {"traject": traject, "perceel": perceel, "form": form,
                                                         "percelen": traject.percelen.all()})


# --------------------------------------------------------------------------------------------
# Inkoopkalender


@vereist("contracten.bekijken")
def kalender(request):
    vandaag = timezone.localdate()
    maanden = selectors.kalender_maanden(gebruiker=request.user, organisatie=request.organisatie, vandaag=vandaag)
    tot = plus_maanden(date(vandaag.year, vandaag.month, 1), 12) - timedelta(days=1)
    zoek = request.GET.get("zoek", "").strip()[:100]
    items = selectors.kalender_items(gebruiker=request.user, organisatie=request.organisatie, van=vandaag, tot=tot,
                                     zoek=zoek)
    achterstallig = selectors.achterstallige_beslissingen(gebruiker=request.user, organisatie=request.organisatie,
                                                          vandaag=vandaag)
    pagina = Paginator(items, KALENDER_PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(request, "contracten/kalender.html", {
        "maanden": maanden, "items": pagina.object_list, "pagina": pagina, "zoek": zoek,
        "query": urlencode({"zoek": zoek}) if zoek else "", "vandaag": vandaag, "tot": tot,
        "achterstallig": achterstallig})


@vereist("contracten.bekijken")
def kalender_maand(request):
    """One month of the calendar: `?maand=2026-12` (default: this month)."""
    vandaag = timezone.localdate()
    try:
        jaar, maand = (int(x) for x in request.GET.get("maand", "").split("-"))
        if not (1 <= maand <= 12 and 2000 <= jaar <= 2100):
            raise ValueError
    except ValueError:
        jaar, maand = vandaag.year, vandaag.month
    van, tot = maandgrenzen(jaar, maand)
    items = selectors.kalender_items(gebruiker=request.user, organisatie=request.organisatie, van=van, tot=tot)
    vorige, volgende = plus_maanden(van, -1), plus_maanden(van, 1)
    return render(request, "contracten/kalender_maand.html", {
        "items": items, "van": van, "tot": tot, "vorige": vorige, "volgende": volgende, "vandaag": vandaag})


@vereist("contracten.bekijken")
def kalender_abonnement(request):
    """Show (once) or renew the secret iCal URL of this user."""
    sleutel = None
    if request.method == "POST":
        sleutel = services.kalender_token_maken(organisatie=request.organisatie, gebruiker=request.user)
        messages.success(request, "Er is een nieuwe abonnementslink gemaakt; een eerdere link werkt niet meer.")
    token = KalenderToken.objects.filter(organisatie=request.organisatie, gebruiker=request.user).first()
    url = (request.build_absolute_uri(reverse("contracten:kalender_ical", kwargs={"sleutel": sleutel}))
           if sleutel else None)
    return render(request, "contracten/kalender_abonnement.html", {"token": token, "url": url})


@never_cache
@require_GET
def kalender_ical(request, sleutel):
    """The iCal feed: no session (calendar apps cannot log in), the secret in the URL identifies
    the user; their current role decides what the feed holds, as on the calendar page."""
    token = (KalenderToken.objects.select_related("gebruiker", "organisatie")
             .filter(sleutel_hash=services.kalender_sleutel_hash(sleutel)).first())
    if token is None or not token.gebruiker.is_active:
        raise Http404
    lid = Lidmaatschap.objects.filter(gebruiker=token.gebruiker, organisatie=token.organisatie).first()
    if lid is None:
        raise Http404
    gebruiker = token.gebruiker
    gebruiker.lidmaatschap, gebruiker.organisatie = lid, token.organisatie
    if not gebruiker.has_perm("contracten.bekijken"):
        raise Http404
    from .ical import kalender_ics

    vandaag = timezone.localdate()
    items = selectors.kalender_items(gebruiker=gebruiker, organisatie=token.organisatie,
                                     van=plus_maanden(vandaag, -1), tot=plus_maanden(vandaag, 12))
    KalenderToken.objects.filter(pk=token.pk).update(laatst_gebruikt_op=timezone.now())
    antwoord = HttpResponse(kalender_ics(items=items, organisatie=token.organisatie),
                            content_type="text/calendar; charset=utf-8")
    antwoord["Content-Disposition"] = 'inline; filename="inkoopkalender.ics"'
    return antwoord


# --------------------------------------------------------------------------------------------
# Werkpakt, MVOI self-evaluation


@vereist("contracten.werkpakt_bekijken")
def werkpakt(request):
    vandaag = timezone.localdate()
    try:
        peildatum = date.fromisoformat(request.GET.get("peildatum", "")) if request.GET.get("peildatum") else vandaag
    except ValueError:
        peildatum = vandaag
    houders = (WerkpaktKeurmerkhouder.objects.filter(organisatie=request.organisatie).select_related("crediteur")
               .order_by("naam"))
    actief = [h for h in houders if h.verleend_op <= peildatum and (h.ingetrokken_op is None or h.ingetrokken_op > peildatum)]
    return render(request, "contracten/werkpakt.html", {
        "houders": houders, "aantal_actief": len(actief), "peildatum": peildatum,
        "actief_ids": {h.pk for h in actief},
        "mag_beheren": request.user.has_perm("contracten.werkpakt_beheren")})


def _werkpakt_form(request, houder=None):
    form = WerkpaktForm(request.POST or None, instance=houder, organisatie=request.organisatie)
    if request.method == "POST" and form.is_valid():
        try:
            services.werkpakt_opslaan(organisatie=request.organisatie, houder=houder, **form.cleaned_data)
        except ValidationError as fout:
            _fouten_naar_form(form, fout)
        else:
            messages.success(request, f"{form.cleaned_data['naam']} is opgeslagen in het Werkpakt-register.")
            return redirect("contracten:werkpakt")
    return render(request, "contracten/werkpakt_form.html", {"form": form, "houder": houder})


@vereist("contracten.werkpakt_beheren")
def werkpakt_nieuw(request):
    return _werkpakt_form(request)


@vereist("contracten.werkpakt_beheren")
def werkpakt_wijzigen(request, pk):
    houder = get_object_or_404(WerkpaktKeurmerkhouder, pk=pk, organisatie=request.organisatie)
    return _werkpakt_form(request, houder)


@vereist("contracten.cijfers_bekijken")
def zelfevaluatie(request):
    vandaag = timezone.localdate()
    try:
        jaar = int(request.GET.get("jaar", vandaag.year - 1))
    except ValueError:
        jaar = vandaag.year - 1
    jaar = min(max(jaar, 2000), 2100)
    # The MVOI aggregate (one query with some forty EXISTS) changes only with a traject, lot, award or
    # MVOI application: kept per (organisation, year) until then (inkoop.cijfercache).
    groepen = cijfercache.bewaard(organisatie=request.organisatie, naam="mvoi", jaar=jaar,
                                  berekenen=lambda: selectors.mvoi_zelfevaluatie(organisatie=request.organisatie,
                                                                                 jaar=jaar))
    return render(request, "contracten/zelfevaluatie.html", {
        "jaar": jaar, "groepen": groepen, "alle": groepen[0][2], "jaren": range(vandaag.year, vandaag.year - 6, -1),
        "sroi": selectors.sroi_cijfers(organisatie=request.organisatie, jaar=jaar),
        "afdeling": selectors.afdeling_inkoop_cijfers(organisatie=request.organisatie, jaar=jaar),
        "integriteit": selectors.integriteit_cijfers(organisatie=request.organisatie, jaar=jaar),
        "werkpakt": selectors.werkpakt_aantal(organisatie=request.organisatie, jaar=jaar)})


# -- Importing an existing contract register (interfaces.md §8): check first, then confirm --------

REGISTER_MAP = "contractregister"
REGISTER_SESSIE = "contractregister_upload"


def _registerpad(request):
    import uuid
    from pathlib import Path

    from django.conf import settings

    map_ = Path(settings.MEDIA_ROOT) / REGISTER_MAP
    map_.mkdir(parents=True, exist_ok=True)
    return map_ / f"{request.organisatie.pk}-{uuid.uuid4().hex}"


@vereist("contracten.beheren")
def register_importeren(request):
    """Upload the register; it is checked (nothing stored) and shown; the inkoper then confirms."""
    from pathlib import Path

    from .importeren import KOLOMMEN, contracten_importeren

    context = {"kolommen": KOLOMMEN["contracten"]}
    opgeslagen = request.session.get(REGISTER_SESSIE)
    if request.method == "POST" and request.POST.get("actie") == "bevestigen" and opgeslagen:
        pad, naam = Path(opgeslagen["pad"]), opgeslagen["naam"]
        if not pad.is_file():
            messages.error(request, "Het gecontroleerde bestand is er niet meer; upload het opnieuw.")
            return redirect("contracten:register_importeren")
        resultaat = contracten_importeren(organisatie=request.organisatie, paden=[(pad, naam)], door=request.user)
        if resultaat.geslaagd:
            pad.unlink(missing_ok=True)
            del request.session[REGISTER_SESSIE]
            messages.success(request, resultaat.samenvatting())
            return redirect("contracten:register")
        context.update(resultaat=resultaat, naam=naam)
    elif request.method == "POST":
        bestand = request.FILES.get("bestand")
        if bestand is None:
            context["fout"] = "Kies een bestand (CSV of xlsx) met het contractregister."
        else:
            pad = _registerpad(request)
            with open(pad, "wb") as f:
                for deel in bestand.chunks():
                    f.write(deel)
            resultaat = contracten_importeren(organisatie=request.organisatie, paden=[(pad, bestand.name)],
                                              proefrun=True)
            if resultaat.geslaagd:
                request.session[REGISTER_SESSIE] = {"pad": str(pad), "naam": bestand.name}
            else:
                pad.unlink(missing_ok=True)
            context.update(resultaat=resultaat, naam=bestand.name)
    return render(request, "contracten/register_importeren.html", context)
