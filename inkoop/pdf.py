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


class PdfNietToegankelijk(RuntimeError):
    """The document could not be made as an accessible PDF (PDF/UA-1); no untagged PDF instead."""


def html_naar_pdf(html: str, *, stylesheets: list | None = None) -> bytes:
    """Render `html` to a tagged PDF/UA-1 document (headings, tables, reading order, alt texts).

    Raises PdfNietToegankelijk when that is not possible: the municipality publishes these
    documents, and the Digitoegankelijkheid decree (Besluit digitale toegankelijkheid overheid)
    requires them accessible, so a silent untagged fallback would hide a defect.
    """
    return html_naar_pdf_met_paginas(html, stylesheets=stylesheets)[0]


def html_naar_pdf_met_paginas(html: str, *, stylesheets: list | None = None,
                              variant: str = "pdf/ua-1") -> tuple[bytes, int]:
    """Like html_naar_pdf, and also the number of pages (laid out once)."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=BASIS_URL, url_fetcher=url_fetcher())
    opties = {"stylesheets": stylesheets or None}
    try:
        opgemaakt = document.render(pdf_variant=variant, **opties)
        pdf = opgemaakt.write_pdf(pdf_variant=variant, **opties)
    except (ValueError, KeyError, TypeError, NotImplementedError) as exc:
        raise PdfNietToegankelijk(
            f"De PDF kon niet als toegankelijke PDF ({variant}) worden gemaakt: "
            f"{exc.__class__.__name__}: {exc}") from exc
    return _toegankelijk_afmaken(pdf), len(opgemaakt.pages)


def _toegankelijk_afmaken(pdf: bytes) -> bytes:
    """Check the tagging WeasyPrint wrote and add what it leaves out.

    - Every header cell gets a /Scope (PDF/UA-1 §7.5, ISO 32000-1 §14.8.5.7): Column for a
      header in the table head, Row for one in the body (our templates use `<th scope="row">`
      there). WeasyPrint links data cells to headers with /Headers but sets no /Scope.
    - A document without a structure tree, or a figure without alternative text (§7.3), cannot
      be PDF/UA: that is an error, not a warning.
    """
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        wortel = doc.Root.get("/StructTreeRoot")
        if wortel is None or not doc.Root.get("/MarkInfo", {}).get("/Marked", False):
            raise PdfNietToegankelijk("De PDF heeft geen structuur (tags): hij is niet toegankelijk.")
        zonder_alt = []
        for element, ouders in _structuur(wortel):
            soort = element.get("/S")
            if soort == "/Figure" and not str(element.get("/Alt", "")).strip():
                zonder_alt.append(element)
            elif soort == "/TH":
                scope = "/Column" if "/THead" in ouders[-2:] else "/Row"
                attributen = element.get("/A")
                if not isinstance(attributen, pikepdf.Dictionary):
                    attributen = pikepdf.Dictionary(O=pikepdf.Name.Table)
                    element.A = attributen
                if attributen.get("/O") == "/Table" and "/Scope" not in attributen:
                    attributen.Scope = pikepdf.Name(scope)
        if zonder_alt:
            raise PdfNietToegankelijk(
                f"De PDF bevat {len(zonder_alt)} afbeelding(en) zonder alternatieve tekst (alt): "
                "zo is hij niet toegankelijk.")
        uit = io.BytesIO()
        doc.save(uit)
        return uit.getvalue()


def _structuur(element, ouders=()):
    """Every structure element below `element` with the types (/S) of its ancestors."""
    import pikepdf

    kinderen = element.get("/K")
    if kinderen is None:
        return
    if not isinstance(kinderen, pikepdf.Array):
        kinderen = [kinderen]
    eigen = (*ouders, str(element.get("/S", "")))
    for kind in kinderen:
        if isinstance(kind, pikepdf.Dictionary) and kind.get("/Type", "/StructElem") == "/StructElem" \
                and "/S" in kind:
            yield kind, eigen
            yield from _structuur(kind, eigen)


def render_document(html: str):
    """The laid-out WeasyPrint document (pages, bookmarks), e.g. to count pages in a benchmark."""
    from weasyprint import HTML

    return HTML(string=html, base_url=BASIS_URL, url_fetcher=url_fetcher()).render()
