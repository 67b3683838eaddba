"""python manage.py import_uitgaven PATH [PATH ...] (interfaces.md §2).

Exit 0 with one summary line on stdout; exit 1 with `FILE:LINE: column: reason` lines on stderr
(at most 50, then a count) and nothing stored.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from inkoop import werk
from inkoop.models import Organisatie
from inkoop.organisatie_arg import voeg_organisatie_argument_toe
from inkoop.services import organisatie_verzekeren
from uitgaven.importeren import uitgaven_importeren

STANDAARD_ORGANISATIE = "Standaardorganisatie"


def _organisatie(naam: str | None) -> Organisatie:
    """--organisatie NAAM is created when missing; without it the only organisation, or a new
    default one on a fresh database (interfaces.md: import needs nothing but migrate)."""
    if naam:
        org = Organisatie.objects.filter(naam=naam).first() or Organisatie.objects.filter(slug=naam).first()
        return org or organisatie_verzekeren(naam=naam)[0]
    orgs = list(Organisatie.objects.all()[:2])
    if len(orgs) == 1:
        return orgs[0]
    if not orgs:
        return organisatie_verzekeren(naam=STANDAARD_ORGANISATIE)[0]
    raise CommandError("De database bevat meerdere organisaties; geef --organisatie NAAM op.")


# In a folder, files that cannot be spend data by their kind (the published report's JSON beside
# the ledger, a README) are skipped; a file named on the command line is always read.
DATA_EXTENSIES = {".csv", ".xlsx", ".txt", ".tsv", ""}


def uit_te_pakken(paden: list[str]) -> tuple[list[tuple[Path, str]], list[str]]:
    """A folder means every data file in it (hidden files excepted), in name order."""
    uit, overgeslagen = [], []
    for p in paden:
        pad = Path(p)
        if pad.is_dir():
            for kind in sorted(pad.iterdir()):
                if not kind.is_file() or kind.name.startswith("."):
                    continue
                if kind.suffix.lower() in DATA_EXTENSIES:
                    uit.append((kind, str(kind)))
                else:
                    overgeslagen.append(str(kind))
        else:
            uit.append((pad, p))
    return uit, overgeslagen


def te_importeren(command: BaseCommand, paden: list[str]) -> list[tuple[Path, str]]:
    """The files to read for an import command: skipped files named on stderr, none at all an
    error (interfaces.md §2 and §8 share this behaviour)."""
    bestanden, overgeslagen = uit_te_pakken(paden)
    for naam in overgeslagen:
        command.stderr.write(f"Overgeslagen (geen CSV- of xlsx-bestand): {naam}")
    if not bestanden:
        raise CommandError("Geen bestanden gevonden in de opgegeven map(pen).")
    return bestanden


def uitkomst_melden(command: BaseCommand, resultaat, aantal_fouten: int) -> None:
    """Exit 0 with the summary on stdout, or exit 1 with at most 50 `FILE:LINE: column: reason`
    lines on stderr and the count: nothing was stored then."""
    if not resultaat.geslaagd:
        for regel in resultaat.foutregels(50):
            command.stderr.write(regel)
        raise CommandError(f"Niets opgeslagen: {aantal_fouten} fout(en) gevonden.", returncode=1)
    command.stdout.write(resultaat.samenvatting())


class Command(BaseCommand):
    help = ("Importeert uitgaven uit de financiële administratie: inkooppakketten, kostenplaatsen, "
            "crediteuren, regio en facturen (CSV of xlsx), in één transactie.")

    def add_arguments(self, parser):
        parser.add_argument("paden", nargs="+", metavar="PATH", help="Bestand of map (elk bestand erin).")
        voeg_organisatie_argument_toe(parser)
        parser.add_argument("--dry-run", action="store_true", help="Alleen controleren, niets opslaan.")
        parser.add_argument("--overschrijf-classificatie", action="store_true",
                            help="Het inkooppakket uit het bestand wint ook van een indeling in de webinterface.")

    def handle(self, *args, paden, organisatie=None, dry_run=False, overschrijf_classificatie=False, **opts):
        org = _organisatie(organisatie)
        try:
            resultaat = uitgaven_importeren(organisatie=org, paden=te_importeren(self, paden), proefrun=dry_run,
                                            overschrijf_classificatie=overschrijf_classificatie)
        except DatabaseError as exc:
            # The connection broke mid-import: the transaction was rolled back and the run is
            # recorded as failed with the reason; running the same command again imports all.
            raise CommandError(f"{werk.AFGEBROKEN} ({exc.__class__.__name__}: {str(exc).strip()[:300]})",
                               returncode=1) from exc
        uitkomst_melden(self, resultaat, resultaat.aantal_fouten)
