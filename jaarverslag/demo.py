"""Demo data of the jaarverslag app: the narrative of the Enschede 2024 report (seed report).

Idempotent: a chapter text that already exists (perhaps edited in the application) is kept.
The figures need no demo data of their own: they come from the other apps' demo records.
"""

from pathlib import Path

from .models import Hoofdstuk, Verhaaltekst

TEKSTEN = Path(__file__).resolve().parent / "demo_teksten"


def laad(organisatie, *, stdout=None):
    nieuw = 0
    for map_ in sorted(p for p in TEKSTEN.iterdir() if p.is_dir() and p.name.isdigit()):
        jaar = int(map_.name)
        for hoofdstuk in Hoofdstuk.values:
            bestand = map_ / f"{hoofdstuk}.md"
            if not bestand.exists():
                continue
            _, gemaakt = Verhaaltekst.objects.get_or_create(
                organisatie=organisatie, jaar=jaar, hoofdstuk=hoofdstuk,
                defaults={"tekst": bestand.read_text(encoding="utf-8").strip()})
            nieuw += gemaakt
    if stdout is not None:
        stdout.write(f"Jaarverslag: {nieuw} teksten van hoofdstukken geladen.")
