"""The timeline of a melding lists every event, including attachments added along the way."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from meldingen import services
from meldingen.selectors import tijdlijn

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.mark.django_db
def test_an_attachment_added_after_submitting_is_in_the_timeline(maak_melding, budgethouder, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    m = maak_melding(ingediend=True)
    services.bijlagen_toevoegen(melding=m, door=budgethouder,
                                bestanden=[SimpleUploadedFile("offerte.pdf", PDF, content_type="application/pdf")])
    g = tijdlijn(m)[-1]
    assert (g.soort, g.wie, g.tekst) == ("bijlage", budgethouder, "Bijlage toegevoegd: offerte.pdf")


@pytest.mark.django_db
def test_an_event_of_another_app_keeps_its_order_among_the_transitions(maak_melding, budgethouder, inkoper):
    m = maak_melding()
    services.melding_indienen(melding=m, door=budgethouder)
    services.tijdlijn_vastleggen(melding_id=m.pk, soort="traject_gestart", door=inkoper,
                                 tekst="Traject T2026-0001 gestart", url="/contracten/trajecten/1/")
    services.melding_toewijzen(melding=m, inkoper=inkoper, door=inkoper)
    assert [g.soort for g in tijdlijn(m)] == ["status", "traject_gestart", "toewijzing", "status"]
