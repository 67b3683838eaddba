"""Views of the adviezen app: thin; parse with forms, write with services, read with selectors."""

import logging

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beleid import selectors as beleid_selectors
from beleid import services as beleid_services
from beleid.models import Beleid
from inkoop.export import bijlage_kop
from inkoop.permissies import vereist
from inkoop.services import notificaties_gelezen_voor

from . import selectors, services
from .engine import OngeldigBeleid
from .forms import (
    AdviesForm,
    AntwoordForm,
    BandFormSet,
    BeleidForm,
    EuDrempelFormSet,
    VraagForm,
    beleid_gegevens,
    beleid_initial,
)
from .models import Advies, AdviesVraag, OnveranderlijkAdvies

logger = logging.getLogger(__name__)


def _advies(request, pk):
    return get_object_or_404(Advies.objects.select_related("melding", "melding__budgethouder", "organisatie"),
                             pk=pk, organisatie=request.organisatie)


def _vraag(request, pk):
    return get_object_or_404(AdviesVraag.objects.select_related("advies", "advies__melding"), pk=pk,
                             organisatie=request.organisatie)


def _fouten_melden(request, fout):
    velden = getattr(fout, "velden", None)
    if velden:
        for teksten in velden.values():
            for tekst in teksten:
                messages.error(request, tekst)
    else:
        messages.error(request, str(fout))


# -------------------------------------------------------------------------------------------------
# The advice


@vereist("adviezen.overzicht")
def overzicht(request):
    status = request.GET.get("status", "concept")
    if status not in ("concept", "uitgebracht", "alle"):
        status = "concept"
    qs = selectors.adviezen_overzicht(request.organisatie, status=status)
    pagina = Paginator(qs, 50).get_page(request.GET.get("pagina"))
    return render(request, "adviezen/overzicht.html", {"pagina": pagina, "status": status,
                                                       "aantallen": selectors.adviezen_aantallen(request.organisatie)})


def _melding(request, pk):
    from meldingen.models import Inkoopmelding

    return get_object_or_404(Inkoopmelding, pk=pk, organisatie=request.organisatie)


@require_POST
@vereist("adviezen.concept_maken", fn=_melding)
def concept_maken(request, pk):
    melding = _melding(request, pk)
    a = services.concept_advies_maken_uitvoeren(melding_id=melding.pk)
    if a is None:
        messages.error(request, _("Voor deze melding kan (nog) geen advies worden berekend."))
        return redirect("meldingen:detail", pk=melding.pk)
    return redirect("adviezen:advies", pk=a.pk)


@vereist("adviezen.bekijken", fn=_advies)
def advies(request, pk):
    a = _advies(request, pk)
    user = request.user
    notificaties_gelezen_voor(gebruiker=user, organisatie=request.organisatie, pad=request.path)
    versies = list(selectors.adviezen_van_melding(a.melding))
    if user.rol == "budgethouder":
        versies = [v for v in versies if v.status != Advies.Status.CONCEPT]
    return render(request, "adviezen/advies.html", {
        "advies": a, "melding": a.melding, "versies": versies,
        "vragen": list(a.vragen.select_related("gesteld_door", "beantwoord_door")),
        "weergave": selectors.advies_weergave(a),
        "mag": {p: user.has_perm(f"adviezen.{p}", a) for p in (
            "bewerken", "uitbrengen", "nieuwe_versie", "accepteren", "vraag_stellen", "brief")},
        "mag_antwoorden": user.has_perm("adviezen.vraag_beantwoorden", a),
        "vraag_form": VraagForm(), "antwoord_form": AntwoordForm(),
        "nieuwer_concept": next((v for v in versies if v.versie > a.versie and v.status == "concept"), None),
    })


@vereist("adviezen.bewerken", fn=_advies)
def bewerken(request, pk):
    a = _advies(request, pk)
    if request.method == "POST":
        form = AdviesForm(request.POST, advies=a)
        if form.is_valid():
            try:
                services.advies_bijwerken(advies=a, door=request.user, **form.cleaned_data)
            except services.AdviesOngeldig as fout:
                for veld, teksten in fout.velden.items():
                    for tekst in teksten:
                        form.add_error(veld if veld in form.fields else None, tekst)
            else:
                messages.success(request, _("Het concept is opgeslagen."))
                if "uitbrengen" in request.POST:
                    return _uitbrengen(request, a)
                return redirect("adviezen:advies", pk=a.pk)
    else:
        form = AdviesForm(advies=a, initial={
            "procedure": a.procedure, "uit_te_nodigen_min": a.uit_te_nodigen_min,
            "uit_te_nodigen_max": a.uit_te_nodigen_max, "min_regionaal": a.min_regionaal,
            "uit_te_nodigen": a.uit_te_nodigen, "opmerkingen": a.opmerkingen,
            "afwijking_motivering": a.afwijking_motivering, "grond": a.grond,
            "cpv_code": a.cpv_code or (a.invoer or {}).get("cpv_code") or ""})
    return render(request, "adviezen/bewerken.html", {"advies": a, "melding": a.melding, "form": form,
                                                      "weergave": selectors.advies_weergave(a)})


@require_POST
@vereist("adviezen.bewerken", fn=_advies)
def herberekenen(request, pk):
    a = _advies(request, pk)
    services.advies_herberekenen(advies=a, door=request.user)
    messages.success(request, _("Het advies is opnieuw berekend met de gegevens van de melding en het beleid van vandaag."))
    return redirect("adviezen:advies", pk=a.pk)


def _uitbrengen(request, a):
    try:
        a = services.advies_uitbrengen(advies=a, door=request.user)
    except (services.AdviesOngeldig, OnveranderlijkAdvies) as fout:
        _fouten_melden(request, fout)
        return redirect("adviezen:advies", pk=a.pk)
    except Exception as fout:  # the melding's workflow refused (meldingen.workflow.OngeldigeOvergang)
        if fout.__class__.__name__ != "OngeldigeOvergang":
            raise
        messages.error(request, str(fout))
        return redirect("adviezen:advies", pk=a.pk)
    messages.success(request, _("Het advies is uitgebracht. De budgethouder heeft bericht gekregen."))
    return redirect("adviezen:advies", pk=a.pk)


@require_POST
@vereist("adviezen.uitbrengen", fn=_advies)
def uitbrengen(request, pk):
    return _uitbrengen(request, _advies(request, pk))


@require_POST
@vereist("adviezen.nieuwe_versie", fn=_advies)
def nieuwe_versie(request, pk):
    nieuw = services.nieuwe_versie_maken(advies=_advies(request, pk), door=request.user)
    messages.info(request, _("Versie %(v)s is een concept. Het uitgebrachte advies blijft gelden tot u deze versie "
                             "uitbrengt.") % {"v": nieuw.versie})
    return redirect("adviezen:bewerken", pk=nieuw.pk)


@require_POST
@vereist("adviezen.accepteren", fn=_advies)
def accepteren(request, pk):
    a = _advies(request, pk)
    try:
        services.advies_accepteren(advies=a, door=request.user)
    except OnveranderlijkAdvies as fout:
        messages.error(request, str(fout))
    else:
        messages.success(request, _("U heeft het advies geaccepteerd. Inkoop heeft bericht gekregen."))
    return redirect("adviezen:advies", pk=a.pk)


@require_POST
@vereist("adviezen.vraag_stellen", fn=_advies)
def vraag(request, pk):
    a = _advies(request, pk)
    form = VraagForm(request.POST)
    if form.is_valid():
        services.advies_vraag_stellen(advies=a, door=request.user, tekst=form.cleaned_data["tekst"])
        messages.success(request, _("Uw vraag is verstuurd naar Inkoop."))
    else:
        messages.error(request, _("Schrijf uw vraag (hoogstens 4000 tekens)."))
    return redirect(f"{a.get_absolute_url()}#vragen")


@require_POST
@vereist("adviezen.vraag_beantwoorden", fn=_vraag)
def antwoord(request, pk):
    v = _vraag(request, pk)
    form = AntwoordForm(request.POST)
    if form.is_valid():
        try:
            services.advies_vraag_beantwoorden(vraag=v, door=request.user, antwoord=form.cleaned_data["antwoord"])
        except services.AdviesOngeldig as fout:
            _fouten_melden(request, fout)
        else:
            messages.success(request, _("Uw antwoord is verstuurd."))
    else:
        messages.error(request, _("Schrijf uw antwoord."))
    return redirect(f"{v.advies.get_absolute_url()}#vragen")


def brief_html(a: Advies) -> str:
    """The advice letter as HTML, from the same sentences as the page (selectors.advies_kern)."""
    return render_to_string("adviezen/pdf/brief.html", {
        "advies": a, "melding": a.melding, "organisatie": a.organisatie, "weergave": selectors.advies_weergave(a),
        "vandaag": timezone.localdate()}, request=None)


@vereist("adviezen.brief", fn=_advies)
def brief(request, pk):
    a = _advies(request, pk)
    from inkoop.pdf import PdfNietToegankelijk, html_naar_pdf

    try:
        pdf = html_naar_pdf(brief_html(a))
    except PdfNietToegankelijk as fout:
        # No untagged letter instead: say why and stay on the advice (the log keeps the cause).
        logger.exception("Adviesbrief %s niet toegankelijk te maken", a.pk)
        messages.error(request, _("De adviesbrief kon niet worden gemaakt. %(fout)s Meld dit bij de beheerder.")
                       % {"fout": fout})
        return redirect(a.get_absolute_url())
    naam = f"inkoopadvies-{a.melding.nummer or a.melding_id}-v{a.versie}{'-concept' if a.is_concept else ''}.pdf"
    antwoord_ = HttpResponse(pdf, content_type="application/pdf")
    antwoord_["Content-Disposition"] = bijlage_kop(naam)
    return antwoord_


# -------------------------------------------------------------------------------------------------
# The policy


@vereist("adviezen.beleid_beheren")
def beleid(request):
    huidig = beleid_selectors.beleid_voor(request.organisatie)
    versies = list(beleid_selectors.beleidsversies(request.organisatie))
    return render(request, "adviezen/beleid.html", {
        "huidig": huidig, "versies": versies, "eigen": beleid_selectors.heeft_eigen_beleid(request.organisatie),
        "weergave": selectors.beleid_weergave(huidig) if huidig else None})


@vereist("adviezen.beleid_beheren")
def beleid_versie(request, pk):
    from django.db.models import Q

    versie = get_object_or_404(Beleid.objects.filter(Q(organisatie=request.organisatie) | Q(organisatie__isnull=True)),
                               pk=pk)
    return render(request, "adviezen/beleid_versie.html", {
        "versie": versie, "weergave": selectors.beleid_weergave(versie),
        "verschillen": selectors.beleid_verschillen(versie, organisatie=request.organisatie)})


@vereist("adviezen.beleid_beheren")
def beleid_wijzigen(request):
    huidig = beleid_selectors.beleid_voor(request.organisatie)
    basis = beleid_selectors.beleid_als_dict(huidig)
    algemeen, drempels, banden = beleid_initial(basis)
    if request.method == "POST":
        form = BeleidForm(request.POST)
        drempel_set = EuDrempelFormSet(request.POST, prefix="drempel")
        band_set = BandFormSet(request.POST, prefix="band")
        if form.is_valid() and drempel_set.is_valid() and band_set.is_valid():
            gekozen_drempels = [f.cleaned_data for f in drempel_set.forms
                                if f.cleaned_data and not f.cleaned_data.get("DELETE")]
            gekozen_banden = [f.cleaned_data for f in band_set.forms
                              if f.cleaned_data and not f.cleaned_data.get("DELETE")]
            gegevens = beleid_gegevens(form.cleaned_data, gekozen_drempels, gekozen_banden, basis)
            try:
                with transaction.atomic():
                    nieuw = beleid_services.beleid_versie_opslaan(
                        organisatie=request.organisatie, gegevens=gegevens,
                        geldig_vanaf=form.cleaned_data["geldig_vanaf"], toelichting=form.cleaned_data["toelichting"],
                        door=request.user)
            except OngeldigBeleid as fout:
                for tekst in fout.fouten:
                    form.add_error(None, tekst)
            else:
                messages.success(request, _("Nieuwe beleidsversie opgeslagen, geldig vanaf %(d)s. Bestaande adviezen "
                                            "zijn niet gewijzigd.") % {"d": nieuw.geldig_vanaf.strftime("%d-%m-%Y")})
                return redirect("adviezen:beleid_versie", pk=nieuw.pk)
    else:
        algemeen.update(geldig_vanaf=timezone.localdate(), toelichting="",
                        naam=algemeen["naam"] if beleid_selectors.heeft_eigen_beleid(request.organisatie)
                        else f"Inkoopbeleid {request.organisatie}")
        form = BeleidForm(initial=algemeen)
        drempel_set = EuDrempelFormSet(initial=drempels, prefix="drempel")
        band_set = BandFormSet(initial=banden, prefix="band")
    if request.method == "POST":
        for f in [form, *drempel_set.forms, *band_set.forms]:
            f.markeer_fouten()
    return render(request, "adviezen/beleid_wijzigen.html", {"form": form, "drempel_set": drempel_set,
                                                             "band_set": band_set, "huidig": huidig})
