"""An organisation that changes its policy sees every page, signal and the report follow it:
melding threshold (P-01), advice term and SROI limit (P-30) come only from the Beleid in force."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from adviezen.services import concept_advies_maken_uitvoeren
from beleid.selectors import beleid_als_dict, beleid_voor
from beleid.services import beleid_versie_opslaan
from jaarverslag.rapport import kernpunten
from jaarverslag.selectors import jaarverslag_gegevens
from meldingen.selectors import aantal_meldingen
from rechtmatigheid.drempels import drempels_voor
from rechtmatigheid.signalen import melding_zonder_advies

from ..meldingen.factories import MeldingFactory

VANAF = date(2024, 1, 1)


def _eigen_beleid(organisatie, **wijzigingen):
    gegevens = {**beleid_als_dict(beleid_voor(None, op=VANAF)), "naam": "Inkoopbeleid Testdorp", **wijzigingen}
    return beleid_versie_opslaan(organisatie=organisatie, gegevens=gegevens, geldig_vanaf=VANAF,
                                 toelichting="Raadsbesluit", door=None)


def _ingediend(organisatie, budgethouder, waarde, op: datetime, **kw):
    return MeldingFactory(organisatie=organisatie, budgethouder=budgethouder, waarde_totaal=Decimal(waarde),
                          looptijd_maanden=12, status="ingediend", ingediend_op=op,
                          nummer=f"2024-{MeldingFactory._meta.model.objects.count() + 1:04d}", **kw)


@pytest.mark.django_db
@pytest.mark.parametrize(("melding_vanaf", "termijn", "sroi_vanaf"), [
    ("25000", 10, "100000"),   # the default policy (adviesregels.md)
    ("50000", 5, "200000"),    # an organisation with a higher threshold, a shorter term, a higher SROI limit
])
def test_pages_signals_and_report_follow_the_policy(organisatie, budgethouder, inkoper, client,
                                                    melding_vanaf, termijn, sroi_vanaf):
    _eigen_beleid(organisatie, melding_vanaf=melding_vanaf, advies_termijn_werkdagen=termijn, sroi_vanaf=sroi_vanaf)
    # The budget holder's start page (no meldingen yet) names the threshold.
    client.force_login(budgethouder)
    mijn = client.get(reverse("meldingen:mijn")).content.decode().replace("\u00a0", " ")
    assert f"Gaat u iets inkopen van € {int(Decimal(melding_vanaf)):,}".replace(",", ".") in mijn
    moment = timezone.make_aware(datetime(2024, 3, 4, 10, 0))
    klein = _ingediend(organisatie, budgethouder, "30000", moment)  # between the two thresholds
    groot = _ingediend(organisatie, budgethouder, "150000", moment)  # between the two SROI limits
    drempel = Decimal(melding_vanaf)

    # Report: the count and the sentence under the threshold of the policy.
    assert aantal_meldingen(organisatie=organisatie, jaar=2024) == (2 if drempel <= 30000 else 1)
    g = jaarverslag_gegevens(organisatie=organisatie, jaar=2024, met_prestaties=False)
    tekst = f"vanaf € {int(drempel):,}".replace(",", ".")
    assert g.afdeling_inkoop.meldgrens.replace("\u00a0", " ") == tekst
    assert any(tekst in z.replace("\u00a0", " ") for zinnen in kernpunten(g).values() for z in zinnen)

    # Pages: the melding page names the term.
    client.force_login(inkoper)
    detail = client.get(reverse("meldingen:detail", args=[klein.pk])).content.decode()
    assert f"termijn {termijn})" in detail

    # The advice: SROI under the policy's limit.
    advies = concept_advies_maken_uitvoeren(melding_id=groot.pk)
    assert advies.sroi_verplicht is (Decimal(sroi_vanaf) <= 150000)
    pagina = client.get(reverse("adviezen:advies", args=[advies.pk])).content.decode()
    assert ("Niet verplicht" in pagina) is (Decimal(sroi_vanaf) > 150000)

    # Signals: waiting 7 working days is late only under the shorter term.
    zeven_werkdagen_later = date(2024, 3, 13)
    laat = melding_zonder_advies(organisatie, 2024, drempels_voor(organisatie, zeven_werkdagen_later),
                                 zeven_werkdagen_later)
    assert {b.details["melding_id"] for b in laat} == ({klein.pk, groot.pk} if termijn < 7 else set())
    assert all(b.details["norm_werkdagen"] == termijn for b in laat)
    assert timedelta(days=9) == zeven_werkdagen_later - moment.date()
