"""The PDF renderer fetches nothing but the application's own static files (inkoop.pdf)."""

import logging

import pytest

from inkoop.pdf import BASIS_URL, html_naar_pdf, lokaal_bestand_voor_url


def test_a_static_file_is_served():
    assert lokaal_bestand_voor_url(BASIS_URL + "static/jaarverslag/print.css").name == "print.css"


@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    "http://127.0.0.1:8000/static/jaarverslag/print.css",
    "https://example.org/static/jaarverslag/print.css",
    BASIS_URL + "static/../inkoop/settings/base.py",
    BASIS_URL + "static/%2e%2e/manage.py",
    BASIS_URL + "media/jaarverslag/geheim.pdf",
])
def test_other_urls_are_refused(url):
    assert lokaal_bestand_voor_url(url) is None


def test_rendering_with_hostile_references_still_gives_a_pdf(caplog):
    caplog.set_level(logging.WARNING, logger="weasyprint")
    pdf = html_naar_pdf('<html lang="nl"><head><title>t</title></head><body><p>x</p>'
                        '<img src="file:///etc/passwd" alt="a"><img src="http://127.0.0.1:9/x.png" alt="b">'
                        '<link rel="stylesheet" href="file:///etc/hosts"></body></html>')
    assert pdf.startswith(b"%PDF")
    # WeasyPrint logs each refusal and leaves the resource out; nothing was read or requested.
    assert caplog.text.count("PDF-generator haalt deze URL niet op") >= 2
