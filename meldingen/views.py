"""Views of the meldingen app: thin; parse, call a service or selector, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from inkoop.invoer import id_of_none
from inkoop.models import Notificatie
from inkoop.permissies import vereist
from inkoop.services import notificaties_gelezen_voor
from inkoop.uploads import upload_grens
from uitgaven.models import Domein

from . import selectors, services
from .bijlagen import MAX_BYTES, OngeldigeBijlage
from .forms import (
    AntwoordForm,
    BijlagenForm,
    MeldingForm,
    RamingForm,
    StatusForm,
    ToewijzenForm,
    VraagForm,
)
from .models import Bijlage, Inkoopmelding, SoortOpdracht, Status, Vraag
from .rules import handmatige_overgangen
from .validatie import MeldingOngeldig
from .waarde import meldingsdrempel, uitleg
from .workflow import TOELICHTING_VERPLICHT, OngeldigeOvergang

PER_PAGINA = 25


def _melding(request, pk):
    """The melding within the active organisation (404 otherwise), once per request."""
    gecached = getattr(request, "_melding", None)
    if gecached is None or gecached.pk != int(pk):
        request._melding = selectors.melding_voor_detail(organisatie=request.organisatie, pk=pk)
    return request._melding


def _vraag(request, pk):
    if getattr(request, "_vraag", None) is None:
        request._vraag = get_object_or_404(Vraag.objects.select_related("melding__budgethouder", "melding__inkoper",
                                                                        "gesteld_door"),
                                           pk=pk, melding__organisatie=request.organisatie)
    return request._vraag


def _bijlage(request, pk):
    if getattr(request, "_bijlage", None) is None:
        request._bijlage = get_object_or_404(Bijlage.objects.select_related("melding"), pk=pk,
                                             organisatie=request.organisatie)
    return request._bijlage


def _terug(request, standaard):
    volgende = request.POST.get("volgende") or request.GET.get("volgende") or ""
    if volgende and url_has_allowed_host_and_scheme(volgende, allowed_hosts={request.get_host()},
                                                    require_https=request.is_secure()):
        return volgende
    return standaard


def _zonder_pagina(request):
    q = request.GET.copy()
    q.pop("pagina", None)
    return q


def _notificaties(request):
    items, meer = selectors.ongelezen_notificaties(gebruiker=request.user, organisatie=request.organisatie)
    return {"notificaties": items, "notificaties_meer": meer}


# --- lists -----------------------------------------------------------------------------------


@login_required
def begin(request):
    """/meldingen/: the budget holder's list, or the inkoper's queue."""
    if request.user.has_perm("meldingen.behandelen"):
        return redirect("meldingen:werkvoorraad")
    if request.user.has_perm("meldingen.bekijk_eigen"):
        return redirect("meldingen:mijn")
    raise PermissionDenied


@vereist("meldingen.bekijk_eigen")
def mijn(request):
    groep = request.GET.get("groep", "")
    alleen_eigen = request.GET.get("wie") == "eigen"
    zoek = request.GET.get("zoek", "").strip()[:100]
    overzicht = selectors.mijn_meldingen(gebruiker=request.user, organisatie=request.organisatie, groep=groep,
                                         alleen_eigen=alleen_eigen, zoek=zoek)
    pagina = selectors.pagineren(overzicht.meldingen, organisatie=request.organisatie,
                                 nummer=request.GET.get("pagina"), per_pagina=PER_PAGINA)
    groepen = [("", "Alle", overzicht.totaal), ("vraag", "Vraag voor u", overzicht.vragen_open)] + [
        (k, label, overzicht.aantallen[k]) for k, (label, _f) in selectors.MIJN_GROEPEN.items()]
    return render(request, "meldingen/mijn.html", {
        "pagina": pagina, "groepen": groepen, "groep": groep, "alleen_eigen": alleen_eigen, "zoek": zoek,
        "overzicht": overzicht, "querystring": _zonder_pagina(request).urlencode(),
        "meldingsdrempel": meldingsdrempel(request.organisatie), **_notificaties(request)})


@vereist("meldingen.behandelen")
def werkvoorraad(request):
    g = request.GET
    tab = g.get("tab") if g.get("tab") in selectors.TABBLADEN else "nieuw"

    def getal(naam):
        return id_of_none(g.get(naam))

    filters = {"zoek": g.get("zoek", "").strip()[:100], "soort": g.get("soort", "") if g.get("soort") in SoortOpdracht.values else "",
               "domein": getal("domein"), "status": g.get("status", "") if g.get("status") in Status.values else "",
               "inkoper": getal("inkoper"),
               "sortering": g.get("sortering") if g.get("sortering") in selectors.SORTERINGEN else "oudste"}
    wv = selectors.werkvoorraad(gebruiker=request.user, organisatie=request.organisatie, tab=tab, **filters)
    pagina = selectors.pagineren(wv.meldingen, organisatie=request.organisatie, nummer=g.get("pagina"),
                                 per_pagina=PER_PAGINA)
    zonder_pagina = _zonder_pagina(request)
    zonder_tab = zonder_pagina.copy()
    zonder_tab.pop("tab", None)
    return render(request, "meldingen/werkvoorraad.html", {
        "pagina": pagina, "tab": tab, "filters": filters, "aantallen": wv.aantallen, "grens": wv.grens,
        "tabbladen": [(k, label, wv.aantallen[k]) for k, label in selectors.TABBLADEN.items()],
        "sorteringen": [(k, v[0]) for k, v in selectors.SORTERINGEN.items()],
        "soorten": SoortOpdracht.choices, "statussen": Status.choices[1:],
        "domeinen": Domein.objects.filter(organisatie=request.organisatie).order_by("naam"),
        "inkopers": selectors.inkopers(organisatie=request.organisatie),
        "querystring": zonder_pagina.urlencode(), "querystring_zonder_tab": zonder_tab.urlencode(),
        "termijn": wv.termijn, **_notificaties(request)})


# --- the form ----------------------------------------------------------------------------------


def _foutoverzicht(form):
    """[(label, message, field id)] for the summary at the top of the form (WCAG 3.3.1)."""
    regels = []
    for naam, fouten in form.errors.items():
        veld = form.fields.get(naam)
        for fout in fouten:
            if naam == "__all__" or veld is None:
                regels.append(("", fout, ""))
            else:
                label = str(veld.label)
                tekst = fout if str(fout).startswith(label) else f"{label}: {fout}"
                regels.append((label, tekst, form[naam].id_for_label or f"id_{naam}"))
    return regels


def _render_formulier(request, form, melding, *, status=200, conflict=None):
    u = form.uitleg()
    soort = (form.cleaned_data.get("soort", "") if form.is_bound and hasattr(form, "cleaned_data")
             else getattr(melding, "soort", ""))
    return render(request, "meldingen/formulier.html", {
        "soort": soort,
        "form": form, "melding": melding, "uitleg": u, "raming_fouten": form.raming_fouten() if form.is_bound else [],
        "drempel": u.drempel, "fouten": _foutoverzicht(form) if form.is_bound else [],
        "conflict": conflict, "bijlagen": list(melding.bijlagen.all()) if melding and melding.pk else [],
        "mag_verwijderen": bool(melding and melding.pk and request.user.has_perm("meldingen.verwijderen", melding)),
    }, status=status)


def _formulier(request, melding):
    kw = {"organisatie": request.organisatie, "gebruiker": request.user}
    if request.method != "POST":
        return _render_formulier(request, MeldingForm(instance=melding, **kw), melding)
    actie = request.POST.get("actie", "opslaan")
    if actie == "bereken":  # without JavaScript: recalculate, store nothing
        form = RamingForm(request.POST, instance=melding, **kw)
        form.full_clean()
        return _render_formulier(request, form, melding)
    form = MeldingForm(request.POST, request.FILES, instance=melding, **kw)
    # Submitting checks everything at once, before anything is stored: a melding that cannot be
    # submitted is not silently kept as a concept.
    form.indienen = actie == "indienen"
    if getattr(request, "upload_fout", None):
        # The upload was stopped while it arrived (inkoop/uploads.py): nothing is stored.
        form.is_valid()
        form.add_error("bijlagen", request.upload_fout)
        return _render_formulier(request, form, melding, status=413)
    if not form.is_valid():
        return _render_formulier(request, form, melding)
    # An inkoper files on behalf of the chosen budget holder; a budget holder for themselves.
    try:
        opgeslagen = services.melding_opslaan(
            organisatie=request.organisatie, door=request.user, gegevens=form.gegevens(),
            melding=Inkoopmelding.objects.get(pk=melding.pk) if melding else None,
            versie=form.cleaned_data.get("versie"), sleutel=form.cleaned_data.get("sleutel"),
            bijlagen=form.cleaned_data.get("bijlagen") or [])
    except services.MeldingConflict as conflict:
        data = request.POST.copy()
        data["versie"] = str(conflict.huidige.versie)  # saving again is now a deliberate choice
        # The form gets its own copy: validating writes the posted values onto its instance.
        form = MeldingForm(data, instance=Inkoopmelding.objects.get(pk=conflict.huidige.pk), **kw)
        form.is_valid()
        return _render_formulier(request, form, conflict.huidige, status=409,
                                 conflict={"tekst": str(conflict), "verschillen": _verschillen(form, conflict.huidige)})
    except OngeldigeBijlage as fout:
        form.add_error("bijlagen", str(fout))
        return _render_formulier(request, form, melding)
    except MeldingOngeldig as fout:
        form._fouten_toevoegen(fout.velden)
        return _render_formulier(request, form, melding)
    except OngeldigeOvergang as fout:
        messages.info(request, str(fout))
        return redirect("meldingen:detail", pk=melding.pk)
    if opgeslagen.herhaald:
        # The same form arrived twice (double click, back button): one melding, no second save.
        if opgeslagen.status != Status.CONCEPT:
            messages.info(request, f"Melding {opgeslagen.nummer} was al ingediend.")
            return redirect("meldingen:detail", pk=opgeslagen.pk)
        if actie != "indienen":
            messages.info(request, "Deze melding was al opgeslagen.")
            return redirect("meldingen:bewerken", pk=opgeslagen.pk)
    if actie == "indienen":
        try:
            services.melding_indienen(melding=opgeslagen, door=request.user)
        except services.MeldingOnvolledig as fout:
            data = request.POST.copy()
            data["versie"] = str(opgeslagen.versie)
            data["sleutel"] = ""
            form = MeldingForm(data, instance=opgeslagen, **kw)
            form.is_valid()
            for veld, teksten in fout.velden.items():
                for tekst in teksten:
                    form.add_error(veld if veld in form.fields else None, tekst)
            # Only when the stored melding differs from what was checked (someone saved meanwhile).
            messages.warning(request, "Uw wijzigingen zijn als concept opgeslagen, maar de melding is nog niet "
                                      "ingediend. Vul aan wat hieronder gevraagd wordt.")
            return _render_formulier(request, form, opgeslagen)
        except OngeldigeOvergang as fout:
            messages.info(request, str(fout))
            return redirect("meldingen:detail", pk=opgeslagen.pk)
        messages.success(request, f"Uw melding {opgeslagen.nummer} is ingediend. Inkoop is op de hoogte gebracht "
                                  f"en stuurt u binnen {selectors.advies_termijn(request.organisatie)} werkdagen een inkoopadvies.")
        return redirect("meldingen:detail", pk=opgeslagen.pk)
    messages.success(request, "Opgeslagen als concept. U kunt later verder gaan via ‘Mijn meldingen’."
                     if request.user.rol == "budgethouder" else "Opgeslagen als concept.")
    return redirect("meldingen:bewerken", pk=opgeslagen.pk)


def _verschillen(form, huidige):
    """The fields where what is stored now differs from what this user typed."""
    from .services import BEWERKBARE_VELDEN

    uit = []
    nieuw = form.cleaned_data if hasattr(form, "cleaned_data") else {}
    for naam in BEWERKBARE_VELDEN:
        if naam not in form.fields or naam not in nieuw:
            continue
        opgeslagen = getattr(huidige, naam)
        ingevuld = nieuw[naam]
        if naam == "percelen":
            opgeslagen = [str(p) for p in opgeslagen or []]
            ingevuld = [str(p) for p in ingevuld or []]
        if (opgeslagen or None) != (ingevuld or None):
            uit.append({"veld": form.fields[naam].label, "opgeslagen": _tekst(form, naam, opgeslagen),
                        "ingevuld": _tekst(form, naam, ingevuld)})
    return uit


def _tekst(form, naam, waarde):
    from decimal import Decimal

    from inkoop.formatting import euro

    if waarde in (None, "", []):
        return "(leeg)"
    if isinstance(waarde, Decimal):
        return euro(waarde, 2)
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    keuzes = dict(getattr(form.fields[naam], "choices", []) or [])
    if isinstance(waarde, list):
        return ", ".join(str(keuzes.get(w, w)) for w in waarde)
    return str(keuzes.get(waarde, waarde))


@upload_grens(MAX_BYTES)
@vereist("meldingen.aanmaken")
def nieuw(request):
    return _formulier(request, None)


@upload_grens(MAX_BYTES)
@vereist("meldingen.bekijken", fn=_melding)
def bewerken(request, pk):
    melding = _melding(request, pk)
    if not request.user.has_perm("meldingen.wijzigen", melding):
        if not (request.user.has_perm("meldingen.aanmaken") and melding.status != Status.CONCEPT):
            raise PermissionDenied
        if melding.status != Status.CONCEPT:
            messages.info(request, f"Melding {melding.nummer} is al ingediend en kan niet meer worden gewijzigd.")
        return redirect("meldingen:detail", pk=melding.pk)
    return _formulier(request, melding)


@require_POST
@vereist("meldingen.aanmaken")
def raming(request):
    """The live estimate (htmx partial): posts the value fields, stores nothing."""
    form = RamingForm(request.POST, organisatie=request.organisatie, gebruiker=request.user)
    form.full_clean()
    u = form.uitleg()
    return render(request, "meldingen/_raming.html", {
        "uitleg": u, "raming_fouten": form.raming_fouten(), "drempel": u.drempel,
        "soort": form.cleaned_data.get("soort", ""), "oob": True})


# --- detail and actions ------------------------------------------------------------------------


@vereist("meldingen.bekijken", fn=_melding)
def detail(request, pk):
    melding = _melding(request, pk)
    user = request.user
    notificaties_gelezen_voor(gebruiker=user, organisatie=request.organisatie, pad=request.path)
    overgangen = [(s, Status(s).label, s in TOELICHTING_VERPLICHT) for s in handmatige_overgangen(user, melding)]
    vragen = list(melding.vragen.select_related("gesteld_door", "beantwoord_door"))
    return render(request, "meldingen/detail.html", {
        "melding": melding,
        "uitleg": uitleg(melding, meldingsdrempel(melding.organisatie, op=(melding.ingediend_op or _nu()).date())),
        "tijdlijn": selectors.tijdlijn(melding),
        "bijlagen": list(melding.bijlagen.select_related("geupload_door")),
        "vragen": vragen,
        "overgangen": overgangen,
        "ontbreekt": services.controleer_indienbaar(melding) if melding.status == Status.CONCEPT else {},
        "mag": {p: user.has_perm(f"meldingen.{p}", melding) for p in (
            "wijzigen", "indienen", "verwijderen", "toewijzen", "vraag_stellen", "vraag_beantwoorden", "bijlage_toevoegen")},
        "toewijzen_form": ToewijzenForm(organisatie=request.organisatie, initial={"inkoper": melding.inkoper_id or user.pk})
        if user.has_perm("meldingen.toewijzen", melding) else None,
        "vraag_form": VraagForm(), "antwoord_form": AntwoordForm(), "bijlagen_form": BijlagenForm(),
        "werkdagen_wachtend": selectors.werkdagen_tussen(melding.ingediend_op, _nu())
        if melding.status in ("ingediend", "in_behandeling") else None,
        "termijn": selectors.advies_termijn(request.organisatie),
        "mvoi_labels": _mvoi_labels(melding),
    })


def _nu():
    from django.utils import timezone

    return timezone.now()


def _mvoi_labels(melding):
    from .models import MvoiThema

    labels = dict(MvoiThema.choices)
    return [labels.get(t, t) for t in melding.mvoi_themas or []]


@require_POST
@vereist("meldingen.indienen", fn=_melding)
def indienen(request, pk):
    melding = _melding(request, pk)
    try:
        services.melding_indienen(melding=melding, door=request.user)
    except services.MeldingOnvolledig as fout:
        messages.error(request, "De melding is nog niet compleet: " + " ".join(
            t for ts in fout.velden.values() for t in ts))
        return redirect("meldingen:bewerken", pk=melding.pk)
    except OngeldigeOvergang as fout:
        messages.info(request, str(fout))
        return redirect("meldingen:detail", pk=melding.pk)
    messages.success(request, f"Uw melding {melding.nummer} is ingediend. Inkoop is op de hoogte gebracht.")
    return redirect("meldingen:detail", pk=melding.pk)


@vereist("meldingen.verwijderen", fn=_melding)
def verwijderen(request, pk):
    """Ask first (GET), then delete the concept (POST)."""
    melding = _melding(request, pk)
    if request.method != "POST":
        return render(request, "meldingen/verwijderen.html", {"melding": melding})
    try:
        services.concept_verwijderen(melding=melding, door=request.user)
    except OngeldigeOvergang as fout:
        messages.error(request, str(fout))
        return redirect("meldingen:detail", pk=melding.pk)
    messages.success(request, f"Het concept ‘{melding.omschrijving}’ is verwijderd.")
    return redirect("meldingen:begin")


@require_POST
@vereist("meldingen.status_wijzigen", fn=_melding)
def status(request, pk):
    melding = _melding(request, pk)
    form = StatusForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("Kies een status.")
    naar = form.cleaned_data["naar"]
    if naar not in handmatige_overgangen(request.user, melding):
        raise PermissionDenied
    try:
        services.melding_status_wijzigen(melding=melding, naar=naar, door=request.user,
                                         toelichting=form.cleaned_data["toelichting"])
    except OngeldigeOvergang as fout:
        messages.error(request, str(fout))
    else:
        messages.success(request, f"De melding is nu ‘{Status(naar).label.lower()}’.")
    return redirect("meldingen:detail", pk=melding.pk)


@require_POST
@vereist("meldingen.toewijzen", fn=_melding)
def toewijzen(request, pk):
    melding = _melding(request, pk)
    form = ToewijzenForm(request.POST, organisatie=request.organisatie)
    if not form.is_valid():
        messages.error(request, "Kies een inkoper van uw organisatie.")
    else:
        inkoper = form.cleaned_data["inkoper"]
        try:
            services.melding_toewijzen(melding=melding, inkoper=inkoper, door=request.user)
        except (ValueError, OngeldigeOvergang) as fout:
            messages.error(request, str(fout))
        else:
            messages.success(request, f"Melding {melding.nummer} is toegewezen aan "
                                      f"{'u' if inkoper.pk == request.user.pk else inkoper}.")
    return redirect(_terug(request, reverse("meldingen:detail", kwargs={"pk": melding.pk})))


@require_POST
@vereist("meldingen.vraag_stellen", fn=_melding)
def vraag(request, pk):
    melding = _melding(request, pk)
    form = VraagForm(request.POST)
    if form.is_valid():
        try:
            services.vraag_stellen(melding=melding, door=request.user, tekst=form.cleaned_data["tekst"])
        except ValueError as fout:
            messages.error(request, str(fout))
        else:
            messages.success(request, f"Uw vraag is naar {melding.budgethouder} gestuurd.")
    else:
        messages.error(request, "Schrijf uw vraag.")
    return redirect(reverse("meldingen:detail", kwargs={"pk": melding.pk}) + "#vragen")


@require_POST
@vereist("meldingen.vraag_beantwoorden", fn=_vraag)
def antwoord(request, pk):
    v = _vraag(request, pk)
    form = AntwoordForm(request.POST)
    if form.is_valid():
        try:
            services.vraag_beantwoorden(vraag=v, door=request.user, antwoord=form.cleaned_data["antwoord"])
        except ValueError as fout:
            messages.error(request, str(fout))
        else:
            messages.success(request, "Uw antwoord is naar Inkoop gestuurd.")
    else:
        messages.error(request, "Schrijf uw antwoord.")
    return redirect(reverse("meldingen:detail", kwargs={"pk": v.melding_id}) + "#vragen")


@upload_grens(MAX_BYTES)
@require_POST
@vereist("meldingen.bijlage_toevoegen", fn=_melding)
def bijlagen(request, pk):
    melding = _melding(request, pk)
    form = BijlagenForm(request.POST, request.FILES)
    if getattr(request, "upload_fout", None):
        messages.error(request, request.upload_fout)
    elif not form.is_valid():
        for fout in form.errors.get("bijlagen", []):
            messages.error(request, fout)
    elif not form.cleaned_data["bijlagen"]:
        messages.error(request, "Kies een of meer bestanden.")
    else:
        try:
            nieuw_ = services.bijlagen_toevoegen(melding=melding, door=request.user,
                                                 bestanden=form.cleaned_data["bijlagen"])
        except OngeldigeBijlage as fout:
            messages.error(request, str(fout))
        else:
            messages.success(request, f"{len(nieuw_)} bijlage(n) toegevoegd.")
    return redirect(reverse("meldingen:detail", kwargs={"pk": melding.pk}) + "#bijlagen")


@vereist("meldingen.bijlage_bekijken", fn=_bijlage)
def bijlage(request, pk):
    b = _bijlage(request, pk)
    antwoord_ = FileResponse(b.bestand.open("rb"), as_attachment=True, filename=b.naam, content_type=b.inhoudstype)
    antwoord_["X-Content-Type-Options"] = "nosniff"
    return antwoord_


@require_POST
@vereist("meldingen.bijlage_verwijderen", fn=_bijlage)
def bijlage_verwijderen(request, pk):
    b = _bijlage(request, pk)
    services.bijlage_verwijderen(bijlage=b, door=request.user)
    messages.success(request, f"Bijlage ‘{b.naam}’ is verwijderd.")
    return redirect(_terug(request, reverse("meldingen:bewerken", kwargs={"pk": b.melding_id})))


# --- notifications -------------------------------------------------------------------------------


@vereist("inkoop.wissel_organisatie")
def notificatie(request, pk):
    """Open a notification: mark it read and go to the page it points to."""
    n = get_object_or_404(Notificatie, pk=pk, ontvanger=request.user, organisatie=request.organisatie)
    services.notificatie_openen(notificatie=n)
    doel = n.url if n.url.startswith("/") and not n.url.startswith("//") else reverse("start")
    return redirect(doel)


@require_POST
@vereist("inkoop.wissel_organisatie")
def notificaties_gelezen(request):
    aantal = services.notificaties_gelezen(gebruiker=request.user, organisatie=request.organisatie)
    messages.success(request, f"{aantal} bericht(en) als gelezen gemarkeerd.")
    return redirect(_terug(request, reverse("start")))
