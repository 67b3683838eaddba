"""A concept can be thrown away by its owner, after confirming; a submitted melding cannot."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from inkoop.models import Rol
from meldingen.models import Bijlage, Inkoopmelding, Statuswijziging
from meldingen.services import concept_verwijderen, melding_opslaan
from meldingen.workflow import OngeldigeOvergang


@pytest.mark.django_db
def test_the_owner_confirms_and_the_concept_is_gone_with_its_history(client, maak_melding, budgethouder):
    eigenaar = budgethouder
    client.force_login(eigenaar)
    m = maak_melding(budgethouder=eigenaar, aangemaakt_door=eigenaar)
    Statuswijziging.objects.create(melding=m, naar="concept", door=eigenaar)
    url = reverse("meldingen:verwijderen", kwargs={"pk": m.pk})
    assert url in client.get(reverse("meldingen:detail", kwargs={"pk": m.pk})).content.decode()
    bevestiging = client.get(url)
    assert bevestiging.status_code == 200 and "Ja, verwijder dit concept" in bevestiging.content.decode()
    assert Inkoopmelding.objects.filter(pk=m.pk).exists()  # asking deletes nothing
    antwoord = client.post(url)
    assert antwoord.status_code == 302
    assert not Inkoopmelding.objects.filter(pk=m.pk).exists()
    assert not Statuswijziging.objects.filter(melding_id=m.pk).exists()
    assert "is verwijderd" in client.get(antwoord["Location"], follow=True).content.decode()


@pytest.mark.django_db
def test_a_colleague_of_the_same_afdeling_may_see_but_not_delete(client, maak_melding, collega, budgethouder):
    m = maak_melding(budgethouder=budgethouder, aangemaakt_door=budgethouder)
    client.force_login(collega)
    assert client.get(reverse("meldingen:detail", kwargs={"pk": m.pk})).status_code == 200
    assert client.post(reverse("meldingen:verwijderen", kwargs={"pk": m.pk})).status_code == 403
    assert Inkoopmelding.objects.filter(pk=m.pk).exists()


@pytest.mark.django_db
def test_an_inkoper_deletes_a_concept_they_filed_on_behalf(client, maak_melding, maak_gebruiker, organisatie,
                                                         budgethouder):
    inkoper = maak_gebruiker(organisatie, Rol.INKOPER, naam="iris")
    namens = maak_melding(budgethouder=budgethouder, aangemaakt_door=inkoper)
    van_bh = maak_melding(budgethouder=budgethouder, aangemaakt_door=budgethouder)
    client.force_login(inkoper)
    assert client.post(reverse("meldingen:verwijderen", kwargs={"pk": van_bh.pk})).status_code == 403
    assert client.post(reverse("meldingen:verwijderen", kwargs={"pk": namens.pk})).status_code == 302
    assert list(Inkoopmelding.objects.values_list("pk", flat=True)) == [van_bh.pk]


@pytest.mark.django_db
def test_a_submitted_melding_cannot_be_deleted(client, maak_melding, budgethouder):
    m = maak_melding(ingediend=True, aangemaakt_door=budgethouder)
    client.force_login(budgethouder)
    assert client.post(reverse("meldingen:verwijderen", kwargs={"pk": m.pk})).status_code == 403
    with pytest.raises(OngeldigeOvergang):
        concept_verwijderen(melding=m, door=budgethouder)
    assert Inkoopmelding.objects.filter(pk=m.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_the_attachments_go_with_the_concept(organisatie, budgethouder, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    pdf = SimpleUploadedFile("eisen.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
                             content_type="application/pdf")
    m = melding_opslaan(organisatie=organisatie, door=budgethouder, gegevens={"omschrijving": "Printers"},
                        bijlagen=[pdf])
    pad = tmp_path / Bijlage.objects.get().bestand.name
    assert pad.exists()
    concept_verwijderen(melding=m, door=budgethouder)
    assert not Bijlage.objects.exists() and not pad.exists()
