"""Hand-made SVG charts for the spend dashboards.

Inline SVG with presentation attributes only (fill=, x=, ...): the Content-Security-Policy forbids
style attributes, and matplotlib's SVG is full of them. Each chart has a <title> and <desc> for
screen readers and the same numbers stand in a table beside it (WCAG 1.1.1).
"""

from __future__ import annotations

import math
from decimal import Decimal
from xml.sax.saxutils import escape

from django.utils.safestring import mark_safe

from inkoop.formatting import euro, procent

# Colours with enough contrast against white (WCAG 1.4.11: 3:1 for graphical objects).
KLEUREN = ["#0b5394", "#b45f06", "#38761d", "#741b47", "#134f5c", "#7f6000", "#990000", "#351c75", "#274e13",
           "#4c1130", "#5b5b5b"]
LETTER = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif"'


def _e(tekst) -> str:
    return escape(str(tekst), {'"': "&quot;"})


def _afkorten(tekst: str, maximum: int) -> str:
    return tekst if len(tekst) <= maximum else tekst[: maximum - 1] + "…"


def staven(reeks: list[tuple[str, Decimal]], *, titel: str, id_: str, breedte: int = 720) -> str:
    """Horizontal bars, one per (label, amount), amounts written beside them."""
    reeks = [(label, Decimal(w or 0)) for label, w in reeks]
    hoogte_staaf, rij = 22, 30
    label_breedte, waarde_breedte = 300, 120
    hoogte = max(1, len(reeks)) * rij + 10
    maximum = max((abs(w) for _, w in reeks), default=Decimal(0)) or Decimal(1)
    ruimte = breedte - label_breedte - waarde_breedte - 10
    delen = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte} {hoogte}" width="{breedte}" '
             f'height="{hoogte}" role="img" aria-labelledby="{id_}-t {id_}-d" {LETTER} font-size="13">',
             f'<title id="{id_}-t">{_e(titel)}</title>',
             f'<desc id="{id_}-d">{_e("; ".join(f"{label}: {euro(w)}" for label, w in reeks))}</desc>']
    for i, (label, waarde) in enumerate(reeks):
        y = 5 + i * rij
        lengte = max(1.0, float(abs(waarde) / maximum) * ruimte) if waarde else 0
        kleur = KLEUREN[0] if waarde >= 0 else KLEUREN[6]
        delen.append(f'<text x="{label_breedte - 8}" y="{y + 16}" text-anchor="end" fill="#1b1b1b">'
                     f'{_e(_afkorten(label, 38))}</text>')
        delen.append(f'<rect x="{label_breedte}" y="{y}" width="{lengte:.1f}" height="{hoogte_staaf}" '
                     f'fill="{kleur}"/>')
        delen.append(f'<text x="{label_breedte + lengte + 6:.1f}" y="{y + 16}" fill="#1b1b1b">{_e(euro(waarde))}</text>')
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308 - every text is escaped above


def kolommen(reeks: list[tuple[str, Decimal]], *, titel: str, id_: str, breedte: int = 640, hoogte: int = 260) -> str:
    """Vertical bars (spend per year)."""
    reeks = [(label, Decimal(w or 0)) for label, w in reeks]
    onder, boven, links = 30, 24, 10
    maximum = max((w for _, w in reeks), default=Decimal(0)) or Decimal(1)
    n = max(1, len(reeks))
    vak = (breedte - 2 * links) / n
    staaf = min(90.0, vak * 0.6)
    ruimte = hoogte - onder - boven
    delen = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte} {hoogte}" width="{breedte}" '
             f'height="{hoogte}" role="img" aria-labelledby="{id_}-t {id_}-d" {LETTER} font-size="13">',
             f'<title id="{id_}-t">{_e(titel)}</title>',
             f'<desc id="{id_}-d">{_e("; ".join(f"{label}: {euro(w)}" for label, w in reeks))}</desc>',
             f'<line x1="{links}" y1="{hoogte - onder}" x2="{breedte - links}" y2="{hoogte - onder}" stroke="#5b5b5b"/>']
    for i, (label, waarde) in enumerate(reeks):
        h = max(0.0, float(waarde / maximum) * ruimte)
        x = links + i * vak + (vak - staaf) / 2
        y = hoogte - onder - h
        delen.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{staaf:.1f}" height="{h:.1f}" fill="{KLEUREN[0]}"/>')
        delen.append(f'<text x="{x + staaf / 2:.1f}" y="{hoogte - onder + 18}" text-anchor="middle" '
                     f'fill="#1b1b1b">{_e(label)}</text>')
        delen.append(f'<text x="{x + staaf / 2:.1f}" y="{y - 6:.1f}" text-anchor="middle" fill="#1b1b1b">'
                     f'{_e(_miljoen(waarde))}</text>')
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308 - every text is escaped above


def _miljoen(waarde: Decimal) -> str:
    if abs(waarde) >= 1_000_000:
        return f"€ {str(round(waarde / 1_000_000, 1)).replace('.', ',')} mln"
    return euro(waarde)


def taart(reeks: list[tuple[str, Decimal]], *, titel: str, id_: str, grootte: int = 220) -> str:
    """A donut chart of shares with a legend (spend per domain)."""
    reeks = [(label, Decimal(w or 0)) for label, w in reeks if w and w > 0]
    totaal = sum((w for _, w in reeks), Decimal(0)) or Decimal(1)
    legenda_breedte = 330
    breedte = grootte + legenda_breedte
    hoogte = max(grootte, len(reeks) * 26 + 10)
    cx = cy = grootte / 2
    r_buiten, r_binnen = grootte / 2 - 4, grootte / 4
    delen = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte} {hoogte}" width="{breedte}" '
             f'height="{hoogte}" role="img" aria-labelledby="{id_}-t {id_}-d" {LETTER} font-size="13">',
             f'<title id="{id_}-t">{_e(titel)}</title>',
             f'<desc id="{id_}-d">{_e("; ".join(f"{label}: {procent(w * 100 / totaal)}" for label, w in reeks))}</desc>']
    hoek = -math.pi / 2
    for i, (label, waarde) in enumerate(reeks):
        deel = float(waarde / totaal)
        kleur = KLEUREN[i % len(KLEUREN)]
        if deel >= 0.9999:
            delen.append(f'<circle cx="{cx}" cy="{cy}" r="{(r_buiten + r_binnen) / 2}" fill="none" stroke="{kleur}" '
                         f'stroke-width="{r_buiten - r_binnen}"/>')
        else:
            eind = hoek + deel * 2 * math.pi
            groot = 1 if deel > 0.5 else 0
            p = [(cx + r_buiten * math.cos(hoek), cy + r_buiten * math.sin(hoek)),
                 (cx + r_buiten * math.cos(eind), cy + r_buiten * math.sin(eind)),
                 (cx + r_binnen * math.cos(eind), cy + r_binnen * math.sin(eind)),
                 (cx + r_binnen * math.cos(hoek), cy + r_binnen * math.sin(hoek))]
            d = (f"M{p[0][0]:.2f},{p[0][1]:.2f} A{r_buiten},{r_buiten} 0 {groot} 1 {p[1][0]:.2f},{p[1][1]:.2f} "
                 f"L{p[2][0]:.2f},{p[2][1]:.2f} A{r_binnen},{r_binnen} 0 {groot} 0 {p[3][0]:.2f},{p[3][1]:.2f} Z")
            delen.append(f'<path d="{d}" fill="{kleur}" stroke="#ffffff" stroke-width="1"/>')
            hoek = eind
        y = 8 + i * 26
        delen.append(f'<rect x="{grootte + 16}" y="{y}" width="16" height="16" fill="{kleur}"/>')
        delen.append(f'<text x="{grootte + 40}" y="{y + 13}" fill="#1b1b1b">{_e(_afkorten(label, 30))} '
                     f'({_e(procent(waarde * 100 / totaal))})</text>')
    delen.append("</svg>")
    return mark_safe("".join(delen))  # noqa: S308 - every text is escaped above
