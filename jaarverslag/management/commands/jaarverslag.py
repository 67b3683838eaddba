"""python manage.py jaarverslag JAAR [--json FILE] [--pdf FILE] [--xlsx FILE] (interfaces.md §3)."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from inkoop.organisatie_arg import kies_organisatie, voeg_organisatie_argument_toe
from jaarverslag.selectors import als_json, heeft_uitgaven, jaarverslag_gegevens


def json_tekst(gegevens: dict) -> str:
    return json.dumps(gegevens, ensure_ascii=False, indent=1) + "\n"


class Command(BaseCommand):
    help = ("Maakt het inkoopjaarverslag van JAAR uit de database: --json schrijft de cijfers, --pdf het "
            "verslag als PDF. Zonder opties gaat de JSON naar stdout.")

    def add_arguments(self, parser):
        parser.add_argument("jaar", type=int, metavar="JAAR", help="Verslagjaar, bijvoorbeeld 2024.")
        parser.add_argument("--json", metavar="FILE", dest="json_pad", help="Schrijf de cijfers als JSON naar FILE.")
        parser.add_argument("--pdf", metavar="FILE", dest="pdf_pad", help="Schrijf het verslag als PDF naar FILE.")
        parser.add_argument("--xlsx", metavar="FILE", dest="xlsx_pad", help="Schrijf alle tabellen als XLSX naar FILE.")
        voeg_organisatie_argument_toe(parser)

    def handle(self, *args, jaar, json_pad=None, pdf_pad=None, xlsx_pad=None, organisatie=None, **opts):
        if not 1900 <= jaar <= 2999:
            raise CommandError(f"{jaar} is geen geldig verslagjaar; geef een jaar als 2024.")
        org = kies_organisatie(organisatie)
        if not heeft_uitgaven(organisatie=org, jaar=jaar):
            self.stderr.write(f"Er zijn geen uitgaven over {jaar} voor {org.naam}: importeer eerst het grootboek "
                              f"van {jaar} met ‘python manage.py import_uitgaven’.")
            sys.exit(1)

        gegevens = jaarverslag_gegevens(organisatie=org, jaar=jaar)
        figuren = als_json(gegevens)
        if json_pad:
            self._schrijf(json_pad, json_tekst(figuren).encode("utf-8"))
        if pdf_pad:
            from jaarverslag.rapport import render_pdf

            pdf, paginas = render_pdf(organisatie=org, jaar=jaar, gegevens=gegevens)
            self._schrijf(pdf_pad, pdf)
            self.stderr.write(f"PDF geschreven: {pdf_pad} ({paginas} pagina’s)")
        if xlsx_pad:
            from jaarverslag.xlsx import als_xlsx

            self._schrijf(xlsx_pad, als_xlsx(gegevens))
        if not (json_pad or pdf_pad or xlsx_pad):
            self.stdout.write(json_tekst(figuren), ending="")

    def _schrijf(self, pad: str, inhoud: bytes):
        if pad == "-":
            sys.stdout.buffer.write(inhoud)
            sys.stdout.flush()
            return
        try:
            with open(pad, "wb") as f:
                f.write(inhoud)
        except OSError as exc:
            raise CommandError(f"Kan ‘{pad}’ niet schrijven: {exc.strerror}.") from exc
