"""The beheerder sets the organisation's name, address and logo; the logo is checked and re-encoded."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from inkoop.models import Organisatie


def _beeld(formaat="PNG", maat=(400, 120), kleur=(11, 83, 148)) -> bytes:
    uit = io.BytesIO()
    Image.new("RGB", maat, kleur).save(uit, format=formaat)
    return uit.getvalue()


@pytest.fixture
def als_beheerder(client_als):
    return client_als("beheerder")


def _opslaan(client, organisatie, bestand=None, **velden):
    data = {"naam": organisatie.naam, "adres": "Postbus 1\n1234 AB Testdorp"} | velden
    if bestand is not None:
        data["logo_bestand"] = bestand
    return client.post(reverse("organisatie_instellingen"), data)


def test_the_beheerder_sets_name_address_and_logo(als_beheerder, organisatie):
    jpeg = SimpleUploadedFile("logo.jpg", _beeld("JPEG", (1800, 600)), content_type="image/jpeg")
    antwoord = _opslaan(als_beheerder, organisatie, jpeg, naam="Gemeente Testdorp-Noord")
    assert antwoord.status_code == 302
    organisatie.refresh_from_db()
    assert organisatie.naam == "Gemeente Testdorp-Noord" and organisatie.adres.startswith("Postbus 1")
    with Image.open(io.BytesIO(bytes(organisatie.logo))) as opgeslagen:
        assert opgeslagen.format == "PNG" and opgeslagen.size == (900, 300)  # re-encoded and scaled down
    pagina = als_beheerder.get(reverse("organisatie_instellingen")).content.decode()
    assert 'src="data:image/png;base64,' in pagina and 'alt="Huidig logo van Gemeente Testdorp-Noord"' in pagina


@pytest.mark.parametrize(("bestand", "melding"), [
    # not an image at all, whatever its name says
    (SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", content_type="image/png"), "geldige afbeelding"),
    # an image, but not a format we print
    (SimpleUploadedFile("logo.gif", _beeld("GIF"), content_type="image/gif"), "Alleen PNG of JPEG; dit bestand is GIF"),
    # more than 1 MB (an uncompressed BMP would also be refused for its format; a noisy PNG is big)
    (SimpleUploadedFile("logo.png", b"", content_type="image/png"), None),
])
def test_an_unusable_logo_is_refused_with_a_dutch_reason(bestand, melding, als_beheerder, organisatie):
    if melding is None:
        import os

        ruis = Image.frombytes("RGB", (1000, 1000), os.urandom(3_000_000))
        uit = io.BytesIO()
        ruis.save(uit, format="PNG")
        bestand = SimpleUploadedFile("groot.png", uit.getvalue(), content_type="image/png")
        melding = "hoogstens 1 MB is toegestaan"
    antwoord = _opslaan(als_beheerder, organisatie, bestand, naam="Andere naam")
    assert antwoord.status_code == 200 and melding in antwoord.content.decode()
    organisatie.refresh_from_db()
    assert organisatie.naam == "Gemeente Testdorp" and not organisatie.logo  # nothing half-stored


def test_the_logo_can_be_removed(als_beheerder, organisatie):
    Organisatie.objects.filter(pk=organisatie.pk).update(logo=_beeld())
    _opslaan(als_beheerder, organisatie, logo_verwijderen="on")
    organisatie.refresh_from_db()
    assert not organisatie.logo

