"""Attachments: accepted by their content and size, refused with a sentence that says why."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meldingen import bijlagen
from meldingen.bijlagen import OngeldigeBijlage, controleer_bijlage
from meldingen.models import Bijlage, Inkoopmelding


def _zip(bestanden: dict, eerst=None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        if eerst:
            z.writestr(eerst[0], eerst[1], compress_type=zipfile.ZIP_STORED)
        for naam, inhoud in bestanden.items():
            z.writestr(naam, inhoud)
    return buf.getvalue()


DOCX = _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
XLSX = _zip({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
ODT = _zip({"content.xml": "<office/>"}, eerst=("mimetype", "application/vnd.oasis.opendocument.text"))
ODS = _zip({"content.xml": "<office/>"}, eerst=("mimetype", "application/vnd.oasis.opendocument.spreadsheet"))
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"

GOED = [
    ("programma-van-eisen.pdf", PDF), ("offerte.docx", DOCX), ("begroting.xlsx", XLSX), ("notitie.odt", ODT),
    ("raming.ods", ODS), ("kaart.png", PNG), ("foto.jpg", JPG), ("foto.JPEG", JPG),
    ("toelichting.txt", "Eisen: emissievrij, één jaar.\n".encode()),
    ("aantallen.csv", "pakket;aantal\nlaptops;120\ncafé;1\n".encode("cp1252")),
]

FOUT = [
    # (file, content, words in the reason)
    ("setup.exe", b"MZ\x90\x00", "dit bestandstype kan niet"),
    ("factuur.pdf", PNG, "de inhoud is geen pdf-bestand"),
    ("offerte.docx", b"Dit is gewoon tekst", "de inhoud is geen docx-bestand"),
    ("macro.docx", _zip({"[Content_Types].xml": "x", "word/document.xml": "x", "word/vbaProject.bin": "x"}),
     "macro's"),
    ("begroting.xlsx", DOCX, "geen xlsx-bestand"),
    ("notitie.odt", ODS, "geen odt-bestand"),
    ("data.csv", b"\x00\x01\x02binary", "geen csv-bestand"),
    ("leeg.pdf", b"", "is leeg"),
    ("zonder-extensie", PDF, "dit bestandstype kan niet"),
]


@pytest.mark.parametrize(("naam", "inhoud"), GOED)
def test_the_usual_office_formats_are_accepted_by_their_content(naam, inhoud):
    assert controleer_bijlage(SimpleUploadedFile(naam, inhoud)).grootte == len(inhoud)


@pytest.mark.parametrize(("naam", "inhoud", "reden"), FOUT)
def test_a_file_that_is_not_what_it_says_is_refused(naam, inhoud, reden):
    with pytest.raises(OngeldigeBijlage) as fout:
        controleer_bijlage(SimpleUploadedFile(naam, inhoud))
    assert reden in str(fout.value)
    assert naam in str(fout.value)


def test_a_file_over_the_size_limit_is_refused(monkeypatch):
    monkeypatch.setattr(bijlagen, "MAX_BYTES", 1024)
    with pytest.raises(OngeldigeBijlage, match="te groot.*hoogstens"):
        controleer_bijlage(SimpleUploadedFile("groot.pdf", PDF + b"0" * 1024))


def test_the_default_size_limit_is_ten_megabyte():
    assert bijlagen.MAX_BYTES == 10 * 1024 * 1024
    groot = SimpleUploadedFile("groot.pdf", PDF + b"0" * (10 * 1024 * 1024))
    with pytest.raises(OngeldigeBijlage, match="hoogstens 10 MB"):
        controleer_bijlage(groot)


@pytest.mark.django_db
def test_a_refused_attachment_stores_nothing_and_the_form_says_why(client_als):
    client = client_als("budgethouder")
    antwoord = client.post(reverse("meldingen:nieuw"), {
        "omschrijving": "Nieuwe printers", "prijsvorm": "totaal", "actie": "opslaan",
        "bijlagen": [SimpleUploadedFile("offerte.pdf", PDF), SimpleUploadedFile("virus.pdf", b"MZ\x90\x00")]})
    assert antwoord.status_code == 200
    assert "‘virus.pdf’ heeft de extensie .pdf, maar de inhoud is geen pdf-bestand" in antwoord.content.decode()
    assert not Inkoopmelding.objects.exists() and not Bijlage.objects.exists()


@pytest.mark.django_db
def test_accepted_attachments_are_stored_and_downloaded_as_attachment(client_als):
    client = client_als("budgethouder")
    antwoord = client.post(reverse("meldingen:nieuw"), {
        "omschrijving": "Nieuwe printers", "prijsvorm": "totaal", "actie": "opslaan",
        "bijlagen": [SimpleUploadedFile("offerte.pdf", PDF), SimpleUploadedFile("lijst.xlsx", XLSX)]})
    assert antwoord.status_code == 302
    b = Bijlage.objects.get(naam="offerte.pdf")
    assert b.bestand.name.endswith(".pdf") and "offerte" not in b.bestand.name  # random name on disk
    download = client.get(reverse("meldingen:bijlage", kwargs={"pk": b.pk}))
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == PDF


@pytest.mark.django_db
def test_after_submission_attachments_can_be_added_from_the_detail_page(maak_melding, client, budgethouder):
    from meldingen.services import melding_indienen

    m = maak_melding()
    melding_indienen(melding=m, door=budgethouder)
    client.force_login(budgethouder)
    url = reverse("meldingen:bijlagen", kwargs={"pk": m.pk})
    client.post(url, {"bijlagen": [SimpleUploadedFile("antwoord.txt", b"Zie bijlage.")]})
    client.post(url, {"bijlagen": [SimpleUploadedFile("fout.png", PDF)]})
    assert list(m.bijlagen.values_list("naam", flat=True)) == ["antwoord.txt"]
