"""A concept says CONCEPT on every page; the published report prints no working state, and is
published only when its figures are still the reviewed ones."""

import shutil
import subprocess

import pytest

from jaarverslag.services import PublicerenNietMogelijk, versie_genereren_starten, versie_publiceren
from rechtmatigheid.services import steekproef_trekken

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) ontbreekt")


def _paginas(veld) -> list[str]:
    uit = subprocess.run(["pdftotext", "-layout", veld.path, "-"], capture_output=True, text=True, check=True)
    return [p for p in uit.stdout.split("\f") if p.strip()]


def _genereer(org, door, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        versie = versie_genereren_starten(organisatie=org, jaar=2024, door=door)
    versie.refresh_from_db()
    return versie


def test_the_concept_says_so_on_every_page_and_the_published_report_never(klein, controller,
                                                                          django_capture_on_commit_callbacks):
    steekproef_trekken(organisatie=klein, jaar=2024, omvang=2, zaad="12345", door=controller)
    versie = _genereer(klein, controller, django_capture_on_commit_callbacks)
    concept = _paginas(versie.pdf)
    assert len(concept) == versie.paginas
    zonder = [i + 1 for i, p in enumerate(concept) if "CONCEPT" not in p]
    assert not zonder, (zonder, concept[zonder[0] - 1][:300] if zonder else "")
    assert "12345" in "".join(concept)  # the sample's seed, as working state of the concept

    versie = versie_publiceren(versie=versie, door=controller)
    gepubliceerd = "".join(_paginas(versie.pdf))
    assert "CONCEPT" not in gepubliceerd and "concept" not in gepubliceerd.lower().split("inkoopjaarverslag")[0]
    assert "12345" not in gepubliceerd
    assert "nog niet afgerond" in gepubliceerd


def test_a_concept_whose_figures_changed_is_not_published(klein, controller, budgethouder,
                                                         django_capture_on_commit_callbacks):
    from datetime import datetime
    from decimal import Decimal

    from django.utils import timezone

    from ..meldingen.factories import MeldingFactory

    versie = _genereer(klein, controller, django_capture_on_commit_callbacks)
    # One more melding received in 2024: chapter 1.4 changes after the concept was made.
    MeldingFactory(organisatie=klein, budgethouder=budgethouder, waarde_totaal=Decimal("90000"), status="ingediend",
                   ingediend_op=timezone.make_aware(datetime(2024, 6, 3, 9)), nummer="2024-9999")
    with pytest.raises(PublicerenNietMogelijk, match="cijfers zijn gewijzigd"):
        versie_publiceren(versie=versie, door=controller)
