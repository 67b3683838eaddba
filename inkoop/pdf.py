"""HTML to PDF with WeasyPrint, shared by the yearly report and the advice letter.

WeasyPrint is imported lazily (it loads Pango through cffi, which costs time and memory in every
process that merely imports a view module). The URL fetcher only serves the application's own
static files: report data (a crediteur's name, a narrative paragraph) ends up in the HTML, so an
`<img src="file:///etc/passwd">` or `http://intern-systeem/` in that data must never be fetched.

Usage::

    from inkoop.pdf import html_naar_pdf
    pdf_bytes = html_naar_pdf(render_to_string("app/pdf/brief.html", context))

In templates, refer to assets with `{% static 'app/print.css' %}` (a path under STATIC_URL).
"""

from __future__ import annotations

import mimetypes
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings

# A made-up origin under the reserved .invalid TLD (RFC 2606): relative URLs in the HTML resolve
# against it, and the fetcher answers only for this origin's STATIC_URL path.
BASIS_URL = "https://inkoop.invalid/"


class GeweigerdeUrl(ValueError):
    """A URL the PDF renderer may not fetch (WeasyPrint logs it and leaves the resource out)."""


def _statisch_bestand(pad: str) -> Path | None:
    """Find `pad` (relative to STATIC_URL) among the static files, never outside them."""
    from django.contrib.staticfiles import finders

    schoon = posixpath.normpath(unquote(pad)).lstrip("/")
    if not schoon or schoon.startswith("..") or "/../" in f"/{schoon}/" or "\x00" in schoon:
        return None
    gevonden = finders.find(schoon)
    if gevonden:
        return Path(gevonden)
    root = getattr(settings, "STATIC_ROOT", None)
    if root:
        kandidaat = (Path(root) / schoon).resolve()
        if kandidaat.is_file() and Path(root).resolve() in kandidaat.parents:
            return kandidaat
    return None


def lokaal_bestand_voor_url(url: str) -> Path | None:
    """The static file that `url` points to, or None when the fetcher must refuse it.

    Only `https://inkoop.invalid/<STATIC_URL>...` (what a relative `/static/...` becomes) is
    served. file://, http(s):// to any other host, ftp:, and static paths outside the static
    directories are refused.
    """
    delen = urlsplit(url)
    basis = urlsplit(BASIS_URL)
    if (delen.scheme, delen.netloc) != (basis.scheme, basis.netloc):
        return None
    static_pad = urlsplit(settings.STATIC_URL).path or "/static/"
    if not static_pad.endswith("/"):
        static_pad += "/"
    if not delen.path.startswith(static_pad):
        return None
    return _statisch_bestand(delen.path[len(static_pad):])


def url_fetcher():
    """A WeasyPrint URL fetcher that serves the application's own static files and data: URIs."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StatischeUrlFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                # Self-contained (inline SVG charts); reading it touches no file and no network.
                return super().fetch(url, headers)
            bestand = lokaal_bestand_voor_url(url)
            if bestand is None:
                raise GeweigerdeUrl(f"PDF-generator haalt deze URL niet op: {url[:200]}")
            mime, _ = mimetypes.guess_type(bestand.name)
            return URLFetcherResponse(url, bestand.read_bytes(),
                                      headers={"Content-Type": mime or "application/octet-stream"})

    return StatischeUrlFetcher(timeout=5, allowed_protocols=("https", "data"), allow_redirects=False)


def html_naar_pdf(html: str, *, variant: str | None = "pdf/ua-1", stylesheets: list | None = None) -> bytes:
    """Render `html` to PDF bytes.

    `variant` asks WeasyPrint for a tagged PDF (PDF/UA-1: headings, tables and reading order
    for screen readers); when the installed WeasyPrint cannot make that variant the plain PDF
    is made instead, so a document never fails for the sake of tagging.
    """
    return html_naar_pdf_met_paginas(html, variant=variant, stylesheets=stylesheets)[0]


def html_naar_pdf_met_paginas(html: str, *, variant: str | None = "pdf/ua-1",
                              stylesheets: list | None = None) -> tuple[bytes, int]:
    """Like html_naar_pdf, and also the number of pages (laid out once)."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=BASIS_URL, url_fetcher=url_fetcher())
    opties = {"stylesheets": stylesheets or None}
    if variant:
        try:
            opgemaakt = document.render(pdf_variant=variant, **opties)
            return opgemaakt.write_pdf(pdf_variant=variant, **opties), len(opgemaakt.pages)
        except (ValueError, KeyError, TypeError, NotImplementedError):
            pass
    opgemaakt = document.render(**opties)
    return opgemaakt.write_pdf(**opties), len(opgemaakt.pages)


def render_document(html: str):
    """The laid-out WeasyPrint document (pages, bookmarks), e.g. to count pages in a benchmark."""
    from weasyprint import HTML

    return HTML(string=html, base_url=BASIS_URL, url_fetcher=url_fetcher()).render()
