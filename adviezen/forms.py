"""Forms of the adviezen app: parse and check; the services store."""

from decimal import Decimal

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from beleid.begrippen import (
    PROCEDURES_DIDAM,
    PROCEDURES_ZELF_UIT_TE_VOEREN,
    SOORTEN_BANDEN,
    Grond,
    Procedure,
    WerkCategorie,
    keuzes,
)
from beleid.models import Beleid
from inkoop.forms import BedragField

from .services import controleer_advies


class LijstField(forms.CharField):
    """A list of short codes, one per line or separated by commas (Bibob branches)."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        if isinstance(value, list):
            return value
        value = super().to_python(value) or ""
        codes = []
        for deel in value.replace(",", "\n").splitlines():
            code = "_".join(deel.strip().lower().split())
            if code and code not in codes:
                codes.append(code)
        return codes


class BootstrapMixin:
    """Bootstrap classes on every widget (the templates render widgets with `as_widget`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():
            w = veld.widget
            if isinstance(w, (forms.CheckboxInput, forms.RadioSelect)):  # CheckboxSelectMultiple too
                klasse = "form-check-input"
            elif isinstance(w, forms.Select):
                klasse = "form-select"
            else:
                klasse = "form-control"
            w.attrs["class"] = f"{w.attrs.get('class', '')} {klasse}".strip()

    def markeer_fouten(self):
        """After validation: mark the widgets of invalid fields for sighted and screen reader users."""
        for naam in self.errors:
            if naam in self.fields:
                w = self.fields[naam].widget
                w.attrs["class"] = w.attrs.get("class", "") + " is-invalid"
                w.attrs["aria-invalid"] = "true"


# -------------------------------------------------------------------------------------------------
# The inkoper's advice


class AdviesForm(forms.Form):
    procedure = forms.ChoiceField(label=_("Procedure"), choices=Procedure.choices)
    uit_te_nodigen_min = forms.IntegerField(label=_("Minimaal uit te nodigen"), min_value=0, max_value=50,
                                            required=False)
    uit_te_nodigen_max = forms.IntegerField(label=_("Maximaal uit te nodigen"), min_value=0, max_value=50,
                                            required=False)
    min_regionaal = forms.IntegerField(label=_("Waarvan minimaal lokaal of regionaal"), min_value=0, max_value=50,
                                       required=False, initial=0)
    uit_te_nodigen = forms.CharField(
        label=_("Uit te nodigen ondernemers"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Eén per regel, bijvoorbeeld ‘Bouwbedrijf Twente BV (Enschede, Werkpakt-keurmerk)’."))
    opmerkingen = forms.CharField(label=_("Opmerkingen voor de budgethouder"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 4}))
    grond = forms.ChoiceField(
        label=_("Grond voor deze procedure"), required=False, choices=[("", "—"), *Grond.choices],
        help_text=_("Verplicht bij een mededingingsprocedure met onderhandeling, concurrentiegerichte dialoog, "
                    "innovatiepartnerschap of onderhandelingsprocedure zonder aankondiging."))
    cpv_code = forms.CharField(
        label=_("CPV-code van de dienst"), required=False, max_length=12,
        help_text=_("Voor het verlichte regime: de dienst moet in bijlage XIV van Richtlijn 2014/24/EU staan, "
                    "bijvoorbeeld 85311000-2 (maatschappelijk werk)."))
    afwijking_motivering = forms.CharField(
        label=_("Motivering van de afwijking"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Verplicht als u een andere procedure kiest dan de berekende."))

    # When the inkoper opened the draft: a save over someone else's later save is refused.
    gelezen_op = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, advies, **kwargs):
        self.advies = advies
        super().__init__(*args, **kwargs)
        if advies.gewijzigd_op:
            self.fields["gelezen_op"].initial = advies.gewijzigd_op.isoformat()
        didam = (advies.berekend or {}).get("soort") == "verkoop_grond"
        self.fields["procedure"].choices = [(w, label) for w, label in Procedure.choices if (w in PROCEDURES_DIDAM) == didam]

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if data["procedure"] not in (Procedure.ENKELVOUDIG, Procedure.MEERVOUDIG_ONDERHANDS):
            data["uit_te_nodigen_min"] = data["uit_te_nodigen_max"] = None
            data["min_regionaal"] = 0
        fouten = controleer_advies(berekend=self.advies.berekend or {}, procedure=data["procedure"],
                                   afwijking_motivering=data.get("afwijking_motivering", ""),
                                   uit_te_nodigen_min=data.get("uit_te_nodigen_min"),
                                   uit_te_nodigen_max=data.get("uit_te_nodigen_max"),
                                   min_regionaal=data.get("min_regionaal") or 0,
                                   grond=data.get("grond") or "", cpv_code=data.get("cpv_code") or "")
        for veld, teksten in fouten.items():
            for tekst in teksten:
                self.add_error(veld if veld in self.fields else None, tekst)
        return data


class VraagForm(forms.Form):
    tekst = forms.CharField(label=_("Uw vraag aan Inkoop"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)


class AntwoordForm(forms.Form):
    antwoord = forms.CharField(label=_("Antwoord"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)


# -------------------------------------------------------------------------------------------------
# The policy


class BeleidForm(BootstrapMixin, forms.Form):
    """The scalar values of a policy version; thresholds and bands are formsets below."""

    geldig_vanaf = forms.DateField(label=_("Geldig vanaf"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                                   help_text=_("Nieuwe adviezen vanaf deze datum gebruiken deze versie; "
                                               "bestaande adviezen blijven ongewijzigd."))
    toelichting = forms.CharField(label=_("Waarom deze wijziging?"), widget=forms.Textarea(attrs={"rows": 2}),
                                  help_text=_("Bijvoorbeeld het raadsbesluit of de nieuwe EU-verordening."))
    naam = forms.CharField(label=_("Naam van deze versie"), max_length=200)
    melding_vanaf = BedragField(label=_("Inkoopmelding verplicht vanaf (€)"))
    uitnodigen_enkelvoudig = forms.IntegerField(label=_("Enkelvoudig: aantal offertes"), min_value=1, max_value=10)
    uitnodigen_meervoudig_min = forms.IntegerField(label=_("Meervoudig: minimaal uitnodigen"), min_value=1,
                                                   max_value=20)
    uitnodigen_meervoudig_max = forms.IntegerField(label=_("Meervoudig: maximaal uitnodigen"), min_value=1,
                                                   max_value=20)
    min_regionaal_meervoudig = forms.IntegerField(label=_("Meervoudig: minimaal lokaal of regionaal"), min_value=0,
                                                  max_value=20)
    sroi_vanaf = BedragField(label=_("SROI verplicht vanaf (€)"))
    sroi_percentage = forms.DecimalField(label=_("SROI-percentage"), min_value=0, max_value=100, decimal_places=2,
                                         localize=True)
    sroi_percentage_verlaagd = forms.DecimalField(label=_("Verlaagd SROI-percentage"), min_value=0, max_value=100,
                                                  decimal_places=2, required=False, localize=True)
    sroi_verlaagd_arbeidsaandeel_onder = forms.DecimalField(
        label=_("… bij een arbeidsaandeel onder (%)"), min_value=0, max_value=100, decimal_places=2, required=False,
        localize=True)
    bibob_branches = LijstField(label=_("Bibob-branches"), help_text=_("Eén per regel, bijvoorbeeld ‘bouw’."))
    bibob_vanaf = BedragField(label=_("Bibob-toets vanaf (€)"), required=False)
    bibob_risicocategorieen = LijstField(label=_("Bibob-risicocategorieën (alleen waarschuwing)"), required=False)
    percelen_max_leveringen_diensten = BedragField(label=_("Percelenregeling: perceel leveringen/diensten onder (€)"))
    percelen_max_werken = BedragField(label=_("Percelenregeling: perceel werken onder (€)"))
    percelen_max_aandeel_pct = forms.DecimalField(label=_("Percelenregeling: samen hoogstens (% van het totaal)"),
                                                  min_value=0, max_value=100, decimal_places=2, localize=True)
    percelen_selectie = forms.ChoiceField(label=_("Percelenregeling: volgorde"), choices=Beleid.Selectie.choices)
    tenderboard_vanaf = BedragField(label=_("Tenderboard vanaf (€)"), required=False,
                                    help_text=_("Leeg: vanaf de EU-drempel."))
    gouden_aanbesteding_vanaf = BedragField(label=_("Kandidaat Gouden Aanbesteding vanaf (€)"), required=False)
    drempel_marge_pct = forms.DecimalField(label=_("Waarschuw binnen dit % onder de EU-drempel"), min_value=0,
                                           max_value=100, decimal_places=2, localize=True)
    splitsing_venster_maanden = forms.IntegerField(label=_("Splitsing: kijk zoveel maanden terug en vooruit"),
                                                   min_value=1, max_value=60)
    advies_termijn_werkdagen = forms.IntegerField(label=_("Advies binnen zoveel werkdagen na indienen"), min_value=1,
                                                  max_value=60)
    beoordelen_vanaf = BedragField(label=_("Crediteur zonder inkooppakket signaleren vanaf (€ per jaar)"))
    traject_door_budgethouder = forms.MultipleChoiceField(
        label=_("Procedures die de budgethouder zelf uitvoert"), required=False,
        choices=keuzes(*PROCEDURES_ZELF_UIT_TE_VOEREN), widget=forms.CheckboxSelectMultiple,
        help_text=_("Na het accepteren van het advies start de budgethouder dan zelf het traject; "
                    "de andere procedures start de inkoper."))
    verantwoordingsgrens = BedragField(label=_("Verantwoordingsgrens rechtmatigheid (€)"), required=False,
                                       help_text=_("Door de raad vastgesteld; hoogstens 3 % van de totale lasten."))

    def clean(self):
        data = super().clean()
        mn, mx = data.get("uitnodigen_meervoudig_min"), data.get("uitnodigen_meervoudig_max")
        if mn is not None and mx is not None and mn > mx:
            self.add_error("uitnodigen_meervoudig_max", _("Het maximum is kleiner dan het minimum."))
        return data


class EuDrempelForm(BootstrapMixin, forms.Form):
    geldig_vanaf = forms.DateField(label=_("Vanaf"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    geldig_tot = forms.DateField(label=_("Tot en met"), required=False,
                                 widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    leveringen_diensten = BedragField(label=_("Leveringen en diensten"))
    werken = BedragField(label=_("Werken"))
    sociale_diensten = BedragField(label=_("Sociale diensten"))
    bron = forms.CharField(label=_("Bron"), required=False, max_length=300)
    regel = forms.CharField(widget=forms.HiddenInput, required=False, max_length=10)

    def clean(self):
        data = super().clean()
        if data.get("geldig_tot") and data.get("geldig_vanaf") and data["geldig_tot"] < data["geldig_vanaf"]:
            self.add_error("geldig_tot", _("De einddatum ligt voor de begindatum."))
        return data


class BandForm(BootstrapMixin, forms.Form):
    # A blank first choice, so that an untouched extra row stays empty (and is skipped).
    soort = forms.ChoiceField(label=_("Soort"), choices=[("", "—")] + keuzes(*SOORTEN_BANDEN))
    werk_categorie = forms.ChoiceField(label=_("Categorie werk"), required=False,
                                       choices=[("", _("alle"))] + list(WerkCategorie.choices))
    vanaf = BedragField(label=_("Vanaf (€)"))
    procedure = forms.ChoiceField(label=_("Procedure"), choices=[("", "—")] + list(Procedure.choices[:3]))
    altijd_regionaal = forms.BooleanField(label=_("Altijd regionaal"), required=False)


EuDrempelFormSet = formset_factory(EuDrempelForm, extra=1, can_delete=True)
BandFormSet = formset_factory(BandForm, extra=2, can_delete=True)

REGELS_PER_BANDENSET = {"levering": "P-10", "dienst": "P-10", "sociale_dienst": "P-10", "werk": "P-11"}


def _normaal(d: Decimal) -> Decimal:
    """20.0000 -> 20, 2.50 -> 2.5 (without the exponent form normalize() gives 1E+1)."""
    d = d.normalize()
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d


def beleid_initial(gegevens: dict) -> tuple[dict, list[dict], list[dict]]:
    """Initial data for the three forms from the plain policy dict (selectors.beleid_als_dict)."""
    algemeen = {k: v for k, v in gegevens.items() if k not in ("eu_drempels", "banden", "mvoi_themas")}
    algemeen["percelen_max_aandeel_pct"] = _normaal(Decimal(str(gegevens["percelen_max_aandeel"])) * 100)
    for k in ("sroi_percentage", "sroi_percentage_verlaagd", "sroi_verlaagd_arbeidsaandeel_onder", "drempel_marge_pct"):
        if algemeen.get(k) is not None:
            algemeen[k] = _normaal(Decimal(str(algemeen[k])))
    drempels = [{**p} for p in gegevens["eu_drempels"]]
    banden = []
    for s in gegevens["banden"]:
        for cat in s["werk_categorieen"] or [""]:
            for b in s["banden"]:
                banden.append({"soort": s["soort"], "werk_categorie": cat, "vanaf": b["vanaf"],
                               "procedure": b["procedure"], "altijd_regionaal": b["altijd_regionaal"]})
    return algemeen, drempels, banden


def beleid_gegevens(algemeen: dict, drempels: list[dict], banden: list[dict], basis: dict) -> dict:
    """The plain policy dict from cleaned form data (the inverse of beleid_initial)."""
    gegevens = {**basis}
    for k, v in algemeen.items():
        if k in ("geldig_vanaf", "toelichting", "percelen_max_aandeel_pct"):
            continue
        gegevens[k] = str(v) if isinstance(v, Decimal) else v
    gegevens["percelen_max_aandeel"] = str(algemeen["percelen_max_aandeel_pct"] / 100)
    gegevens["bibob_vanaf"] = str(algemeen.get("bibob_vanaf") or 0)
    oud = {p["geldig_vanaf"]: p for p in basis.get("eu_drempels", [])}
    gegevens["eu_drempels"] = []
    for p in drempels:
        vorige = oud.get(p["geldig_vanaf"].isoformat(), {})
        gegevens["eu_drempels"].append({
            **vorige, "geldig_vanaf": p["geldig_vanaf"].isoformat(),
            "geldig_tot": p["geldig_tot"].isoformat() if p.get("geldig_tot") else None,
            "leveringen_diensten": str(p["leveringen_diensten"]), "werken": str(p["werken"]),
            "sociale_diensten": str(p["sociale_diensten"]), "bron": p.get("bron") or "",
            "regel": p.get("regel") or vorige.get("regel") or "L-01"})
    sets: dict[tuple, dict] = {}
    bronnen = {(s["soort"], tuple(s["werk_categorieen"])): s for s in basis.get("banden", [])}
    for b in banden:
        sleutel = (b["soort"], b["werk_categorie"] or "")
        if sleutel not in sets:
            eerder = bronnen.get((b["soort"], (b["werk_categorie"],) if b["werk_categorie"] else ()), {})
            if not eerder and b["werk_categorie"]:
                eerder = next((s for (soort, cats), s in bronnen.items()
                               if soort == b["soort"] and b["werk_categorie"] in cats), {})
            sets[sleutel] = {"soort": b["soort"], "werk_categorieen": [b["werk_categorie"]] if b["werk_categorie"] else [],
                             "regel": eerder.get("regel") or ("P-12" if b["werk_categorie"] else
                                                              REGELS_PER_BANDENSET.get(b["soort"], "P-10")),
                             "bron": eerder.get("bron", ""), "banden": []}
        sets[sleutel]["banden"].append({"vanaf": str(b["vanaf"]), "procedure": b["procedure"],
                                        "altijd_regionaal": bool(b.get("altijd_regionaal"))})
    gegevens["banden"] = list(sets.values())
    return gegevens
