import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_pages_send_a_strict_content_security_policy(client):
    antwoord = client.get(reverse("login"))
    csp = antwoord["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert antwoord["X-Content-Type-Options"] == "nosniff"
    assert antwoord["Referrer-Policy"] == "same-origin"


def test_no_template_contains_inline_script_or_style():
    import pathlib
    import re

    fouten = []
    for pad in pathlib.Path("templates").rglob("*.html"):
        tekst = pad.read_text()
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", tekst) or re.search(r"\sstyle=\"", tekst) \
                or "<style" in tekst or re.search(r"\son[a-z]+=\"", tekst):
            fouten.append(str(pad))
    # PDF templates are rendered by WeasyPrint, not served to a browser.
    fouten = [f for f in fouten if "/pdf/" not in f]
    assert not fouten
