"""PDF/UA-1 check for our PDFs with `pdfua` (PyPI): the machine-checkable subset of ISO 14289-1.

`bevindingen(pdf)` returns every finding of severity warning or error as readable lines, so a
test can `assert bevindingen(pdf) == []` and print what is wrong when it is not.
"""

import tempfile
from pathlib import Path

from pdfua import Severity, validate


def bevindingen(pdf: bytes) -> list[str]:
    with tempfile.TemporaryDirectory() as map_:
        pad = Path(map_) / "document.pdf"
        pad.write_bytes(pdf)
        rapport = validate(str(pad))
    uit = [f"{f.severity.name} {f.rule_id} {f.location.describe()}: {f.message}"
           for f in rapport.findings if f.severity >= Severity.WARNING]
    # A rule that could not run is a failure too, except the one lege_koppen() replaces.
    uit += [f"OVERGESLAGEN {o.rule_id}: {o.skipped_reason}" for o in rapport.outcomes
            if o.skipped_reason and o.rule_id != "UA-14-001"]
    uit += [f"LEGE KOP {kop}" for kop in lege_koppen(pdf)]
    return uit


def lege_koppen(pdf: bytes) -> list[str]:
    """Headings (/H1-/H6) that mark no content (PDF/UA-1 §7.4).

    pdfua 0.1.3's own rule for this (UA-14-001) stops on pikepdf 10 as soon as a heading has
    more than one kid (it reads `is_integer` from an array), so the same check is made here.
    """
    import io

    import pikepdf

    def markeert_inhoud(knoop) -> bool:
        kind = knoop.get("/K") if isinstance(knoop, pikepdf.Dictionary) else None
        if kind is None:
            return False
        onderdelen = list(kind) if isinstance(kind, pikepdf.Array) else [kind]
        return any(isinstance(o, int | pikepdf.Dictionary) and (
            isinstance(o, int) or o.get("/Type") == "/MCR" or markeert_inhoud(o)) for o in onderdelen)

    leeg = []
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        te_doen = [doc.Root.StructTreeRoot]
        while te_doen:
            knoop = te_doen.pop()
            kinderen = knoop.get("/K")
            kinderen = list(kinderen) if isinstance(kinderen, pikepdf.Array) else [kinderen]
            for kind in kinderen:
                if isinstance(kind, pikepdf.Dictionary) and "/S" in kind:
                    soort = str(kind.S)
                    if soort in {f"/H{n}" for n in range(1, 7)} and not markeert_inhoud(kind):
                        leeg.append(soort)
                    te_doen.append(kind)
    return leeg


def beeldmaten(pdf: bytes, *, pagina: int = 0) -> list[tuple[int, int]]:
    """Width and height of the images drawn on one page (to find a logo)."""
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        objecten = doc.pages[pagina].Resources.get("/XObject", {})
        return [(int(o.Width), int(o.Height)) for o in objecten.values() if o.get("/Subtype") == "/Image"]
