"""Demo data of the uitgaven app: the Enschede ledger 2021-2024 shipped in `demo_data/enschede`.

Called by `python manage.py demo` (inkoop/management/commands/demo.py). Importing the same files
again changes nothing, so running the demo twice is harmless.
"""

from pathlib import Path

from .importeren import uitgaven_importeren

DEMO_MAP = Path(__file__).resolve().parent / "demo_data" / "enschede"


def demo_bestanden() -> list[tuple[Path, str]]:
    return [(p, p.name) for p in sorted(DEMO_MAP.glob("*.csv"))]


def laad(organisatie, *, stdout) -> None:
    resultaat = uitgaven_importeren(organisatie=organisatie, paden=demo_bestanden())
    if not resultaat.geslaagd:
        raise RuntimeError("De demo-uitgaven zijn niet te importeren:\n" + "\n".join(resultaat.foutregels()))
    stdout.write(f"uitgaven: {resultaat.samenvatting()}")
