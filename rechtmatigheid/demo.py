"""Demo data of rechtmatigheid: the signaleringslijst 2024 and one steekproef 2024.

Runs after the demos of uitgaven, adviezen, meldingen and contracten (inkoop demo command), so
the signals see the demo ledger, meldingen and contracts. Idempotent: recomputing keeps every
assessment, and the same sample on the same data is found again instead of drawn twice.
"""

from uitgaven.models import Factuurregel

from .services import signalen_berekenen, steekproef_trekken

DEMO_JAAR = 2024
DEMO_OMVANG = 60
DEMO_ZAAD = "20250131"  # fixed, so the demo sample is the same on every machine


def laad(organisatie, *, stdout):
    if not Factuurregel.objects.filter(organisatie=organisatie, boekjaar=DEMO_JAAR).exists():
        stdout.write(f"rechtmatigheid: geen uitgaven {DEMO_JAAR}, signalen en steekproef overgeslagen")
        return
    signalen = signalen_berekenen(organisatie=organisatie, jaar=DEMO_JAAR)
    sp = steekproef_trekken(organisatie=organisatie, jaar=DEMO_JAAR, omvang=DEMO_OMVANG, zaad=DEMO_ZAAD)
    stdout.write(f"rechtmatigheid: {len(signalen)} signalen {DEMO_JAAR}; steekproef van {sp.omvang} "
                 f"uit {sp.populatie_aantal} factuurregels (zaad {sp.zaad})")
