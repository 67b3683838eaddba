"""Demo data of rechtmatigheid: the signaleringslijst 2024, one steekproef 2024 and the
verantwoordingsgrens of the demo council.

Runs after the demos of uitgaven, adviezen, meldingen and contracten (inkoop demo command), so
the signals see the demo ledger, meldingen and contracts. The controller has judged the
deliberate findings of the demo (docs/demo.md) terecht, so the rechtmatigheidsverantwoording
shows figures; every other signal is left for Inkoop to work through. Idempotent: recomputing
keeps every assessment, and the same sample on the same data is found again instead of drawn twice.
"""

from datetime import date
from decimal import Decimal

from beleid.selectors import beleid_als_dict, beleid_voor, heeft_eigen_beleid
from beleid.services import beleid_versie_opslaan
from inkoop.models import Lidmaatschap, Rol
from uitgaven.models import Factuurregel

from .models import Beoordeling, Soort
from .services import signalen_beoordelen, signalen_berekenen, steekproef_trekken

DEMO_JAAR = 2024
DEMO_OMVANG = 60
DEMO_ZAAD = "20250131"  # fixed, so the demo sample is the same on every machine
# The demo council's verantwoordingsgrens (an example: about 1 % of the lasten of a city of
# Enschede's size; the BBV maximum is 3 %).
VERANTWOORDINGSGRENS = Decimal("10000000.00")


def _verantwoordingsgrens(organisatie):
    if heeft_eigen_beleid(organisatie):
        return
    gegevens = beleid_als_dict(beleid_voor(organisatie, op=date(2023, 1, 1)))
    gegevens["verantwoordingsgrens"] = str(VERANTWOORDINGSGRENS)
    beleid_versie_opslaan(organisatie=organisatie, gegevens=gegevens, geldig_vanaf=date(2023, 1, 1),
                          toelichting="Verantwoordingsgrens rechtmatigheid vastgesteld door de raad "
                                      "(kadernota rechtmatigheid); verder gelijk aan het standaardbeleid.",
                          door=None)


def laad(organisatie, *, stdout):
    if not Factuurregel.objects.filter(organisatie=organisatie, boekjaar=DEMO_JAAR).exists():
        stdout.write(f"rechtmatigheid: geen uitgaven {DEMO_JAAR}, signalen en steekproef overgeslagen")
        return
    _verantwoordingsgrens(organisatie)
    signalen = signalen_berekenen(organisatie=organisatie, jaar=DEMO_JAAR)
    controller = (Lidmaatschap.objects.filter(organisatie=organisatie, rol=Rol.CONTROLLER)
                  .select_related("gebruiker").first())
    bewust = [s.pk for s in signalen if s.beoordeling == Beoordeling.OPEN and (
        s.soort == Soort.UITGAVEN_ZONDER_CONTRACT
        or (s.soort == Soort.PROCEDURE_TE_LICHT and "Bewuste bevinding" in _toelichting_contract(s)))]
    if bewust and controller:
        signalen_beoordelen(organisatie=organisatie, ids=bewust, beoordeling=Beoordeling.TERECHT,
                            toelichting="Geen contract of te lichte procedure; opgenomen in de "
                                        "rechtmatigheidsverantwoording.", door=controller.gebruiker)
    sp = steekproef_trekken(organisatie=organisatie, jaar=DEMO_JAAR, omvang=DEMO_OMVANG, zaad=DEMO_ZAAD)
    stdout.write(f"rechtmatigheid: {len(signalen)} signalen {DEMO_JAAR} ({len(bewust)} bewuste bevindingen "
                 f"beoordeeld); steekproef van {sp.omvang} uit {sp.populatie_aantal} factuurregels (zaad {sp.zaad})")


def _toelichting_contract(signaal) -> str:
    from contracten.models import Contract

    contract_id = signaal.details.get("contract_id")
    return (Contract.objects.filter(pk=contract_id).values_list("toelichting", flat=True).first() or "") \
        if contract_id else ""
