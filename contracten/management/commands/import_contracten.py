"""python manage.py import_contracten PATH [PATH ...] (interfaces.md §8).

Exit 0 with one summary line on stdout; exit 1 with `FILE:LINE: column: reason` lines on stderr
(at most 50, then a count) and nothing stored.
"""

from django.core.management.base import BaseCommand, CommandError

from contracten.importeren import contracten_importeren
from inkoop.organisatie_arg import kies_organisatie, voeg_organisatie_argument_toe
from uitgaven.management.commands.import_uitgaven import uit_te_pakken


class Command(BaseCommand):
    help = ("Importeert een bestaand contractregister (CSV of xlsx) in één transactie; "
            "importeer eerst de crediteuren en inkooppakketten met import_uitgaven.")

    def add_arguments(self, parser):
        parser.add_argument("paden", nargs="+", metavar="PATH", help="Bestand of map (elk bestand erin).")
        voeg_organisatie_argument_toe(parser)
        parser.add_argument("--dry-run", action="store_true", help="Alleen controleren, niets opslaan.")

    def handle(self, *args, paden, organisatie=None, dry_run=False, **opts):
        org = kies_organisatie(organisatie)
        bestanden, overgeslagen = uit_te_pakken(paden)
        for naam in overgeslagen:
            self.stderr.write(f"Overgeslagen (geen CSV- of xlsx-bestand): {naam}")
        if not bestanden:
            raise CommandError("Geen bestanden gevonden in de opgegeven map(pen).")
        resultaat = contracten_importeren(organisatie=org, paden=bestanden, proefrun=dry_run)
        if not resultaat.geslaagd:
            for regel in resultaat.foutregels(50):
                self.stderr.write(regel)
            raise CommandError(f"Niets opgeslagen: {len(resultaat.fouten)} fout(en) gevonden.", returncode=1)
        self.stdout.write(resultaat.samenvatting())
