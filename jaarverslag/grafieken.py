"""Charts of the report as SVG (matplotlib), embedded as data: URIs in HTML and PDF.

Text is drawn as paths (`svg.fonttype = "path"`) so the charts look the same in every viewer
and in WeasyPrint, without font files. The SVG goes in an `<img src="data:...">`: no inline
style in the page (CSP), and WeasyPrint's URL fetcher needs no file access for it.
"""

from __future__ import annotations

import base64
import io
import threading
from decimal import Decimal

from inkoop.formatting import getal, procent

# The report's palette: one dark municipal blue for the report year, muted tints for the rest;
# distinguishable in greyscale print and for colour-blind readers (no red/green pairs).
BLAUW = "#1f4e79"
LICHTBLAUW = "#8fb3d9"
GRIJS = "#9aa5b1"
PALET = ["#1f4e79", "#2e86ab", "#f6ae2d", "#86bbd8", "#758e4f", "#9a6fb0", "#33658a", "#f26419",
         "#5b5b5b", "#c0c0c0", "#2f4858", "#b7b7a4"]
TEKST = "#1d2939"

_slot = threading.Lock()  # pyplot keeps global state; one chart at a time per process
_plt = None


def _pyplot():
    global _plt
    if _plt is None:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        matplotlib.rcParams.update({
            "svg.fonttype": "path",
            # Names come from the ledger: "$" must be a dollar sign, never mathtext (a "$x$" pair
            # would be parsed as a formula, and an unbalanced one fails the whole chart).
            "text.parse_math": False,
            "svg.hashsalt": "inkoopjaarverslag",  # stable ids: the same data gives the same SVG
            "font.family": ["Liberation Sans", "DejaVu Sans", "sans-serif"],
            "font.size": 9,
            "axes.edgecolor": "#667085",
            "axes.labelcolor": TEKST,
            "xtick.color": TEKST,
            "ytick.color": TEKST,
            "axes.spines.top": False,
            "axes.spines.right": False,
        })
        _plt = plt
    return _plt


def _svg(fig) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    _pyplot().close(fig)
    return buf.getvalue()


def als_data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def _miljoen(bedrag) -> float:
    return float(Decimal(bedrag) / Decimal(1_000_000))


def _mln_label(bedrag) -> str:
    return f"€ {getal(Decimal(bedrag) / Decimal(1_000_000), 1)} mln"


def volume_per_jaar(volume) -> str:
    """Bars: spend per year, the report year dark."""
    plt = _pyplot()
    with _slot:
        fig, ax = plt.subplots(figsize=(5.9, 2.6), layout="constrained")
        posities = list(range(len(volume)))
        waarden = [_miljoen(v.bedrag) for v in volume]
        kleuren = [LICHTBLAUW] * (len(volume) - 1) + [BLAUW]
        staven = ax.bar(posities, waarden, color=kleuren, width=0.6)
        ax.set_xticks(posities, [str(v.jaar) for v in volume])
        for staaf, v in zip(staven, volume, strict=True):
            ax.annotate(_mln_label(v.bedrag), (staaf.get_x() + staaf.get_width() / 2, staaf.get_height()),
                        ha="center", va="bottom", xytext=(0, 3), textcoords="offset points", fontsize=8.5)
        ax.set_ylabel("miljoen euro")
        ax.set_ylim(0, max(waarden + [1]) * 1.18)
        ax.yaxis.set_major_formatter(lambda x, _p: getal(x))
        return _svg(fig)


def taart_domeinen(domeinen) -> str:
    """Pie: share of spend per domain in the report year."""
    plt = _pyplot()
    regels = [d for d in domeinen if d.bedrag > 0]
    with _slot:
        fig, ax = plt.subplots(figsize=(6.1, 2.6), layout="constrained")
        if not regels:
            ax.axis("off")
            ax.text(0.5, 0.5, "Geen uitgaven", ha="center")
            return _svg(fig)
        waarden = [float(d.bedrag) for d in regels]
        kleuren = [PALET[i % len(PALET)] for i in range(len(regels))]
        wiggen, _t = ax.pie(waarden, colors=kleuren, startangle=90, counterclock=False,
                            wedgeprops={"linewidth": 1, "edgecolor": "white"})
        labels = [f"{d.domein}: {procent(d.pct)} ({_mln_label(d.bedrag)})" for d in regels]
        fig.legend(wiggen, labels, loc="outside right center", frameon=False, fontsize=8.5)
        ax.set_aspect("equal")
        return _svg(fig)


def staven_categorieen(categorieen, jaar: int) -> str:
    """Horizontal bars: spend per category, this year against last year."""
    plt = _pyplot()
    regels = [c for c in categorieen if c.naam != "Eindtotaal"]
    with _slot:
        hoogte = max(2.4, 0.36 * len(regels) + 0.8)
        fig, ax = plt.subplots(figsize=(6.3, hoogte), layout="constrained")
        namen = [_kort(f"{c.code} {c.naam}" if c.code else c.naam, 46) for c in regels]
        y = list(range(len(regels)))
        ax.barh([i + 0.2 for i in y], [_miljoen(c.vorig_jaar) for c in regels], height=0.4,
                color=LICHTBLAUW, label=str(jaar - 1))
        ax.barh([i - 0.2 for i in y], [_miljoen(c.bedrag) for c in regels], height=0.4, color=BLAUW,
                label=str(jaar))
        ax.set_yticks(y, namen, fontsize=8)
        ax.invert_yaxis()
        ax.set_xlabel("miljoen euro")
        ax.xaxis.set_major_formatter(lambda x, _p: getal(x))
        ax.legend(frameon=False, loc="lower right")
        return _svg(fig)


def staven_regio(regio) -> str:
    """Horizontal bars: spend per region with its share."""
    plt = _pyplot()
    regels = [r for r in regio if r.regio != "Eindtotaal"]
    with _slot:
        fig, ax = plt.subplots(figsize=(5.9, 0.38 * len(regels) + 0.8), layout="constrained")
        y = list(range(len(regels)))
        kleuren = [BLAUW if i < len(regels) - 3 else GRIJS for i in y]
        staven = ax.barh(y, [_miljoen(r.bedrag) for r in regels], color=kleuren, height=0.6)
        for staaf, r in zip(staven, regels, strict=True):
            ax.annotate(f"{procent(r.pct)}  ({_mln_label(r.bedrag)})", (staaf.get_width(), staaf.get_y()
                        + staaf.get_height() / 2), va="center", xytext=(4, 0), textcoords="offset points",
                        fontsize=8.5)
        ax.set_yticks(y, [r.regio for r in regels])
        ax.invert_yaxis()
        ax.set_xlabel("miljoen euro")
        ax.set_xlim(0, max([_miljoen(r.bedrag) for r in regels] + [1]) * 1.35)
        ax.xaxis.set_major_formatter(lambda x, _p: getal(x))
        return _svg(fig)


def _kort(tekst: str, n: int) -> str:
    return tekst if len(tekst) <= n else tekst[: n - 1].rstrip() + "…"


def alle(gegevens) -> dict[str, str]:
    """Every chart of the report as a data: URI, keyed by name."""
    return {
        "volume": als_data_uri(volume_per_jaar(gegevens.inkoopvolume)),
        "domeinen": als_data_uri(taart_domeinen(gegevens.domeinen)),
        "categorieen": als_data_uri(staven_categorieen(gegevens.categorieen, gegevens.jaar)),
        "regio": als_data_uri(staven_regio(gegevens.regio)),
    }
