"""A small ledger in the formats of the financial administration, and a way to import it."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

KOP_FACTUREN = "boekjaar;boekdatum;factuurnummer;crediteurnummer;kostenplaats;grootboekrekening;omschrijving;bedrag_excl_btw"

STAM = {
    "regio.csv": ["postcode_van;postcode_tot;regio", "7511;7548;Lokaal", "7550;7559;Regio Twente"],
    "inkooppakketten.csv": ["pakketcode;pakketnaam;categoriecode;categorienaam",
                            "01.01;Opleidingen en trainingen;1;Personeelsgerelateerde zaken",
                            "08.01;Wegenonderhoud;8;GWW",
                            "10.01;Jeugdhulp;10;Sociaal domein"],
    "kostenplaatsen.csv": ["kostenplaats;omschrijving;domein", "KP01;Jeugd;Sociaal Domein",
                           "KP02;Wegen;Fysiek Domein"],
    "crediteuren.csv": ["crediteurnummer;naam;kvk_nummer;postcode;plaats;land;inkooppakket",
                        "100001;Lokaal Zorg B.V.;12345678;7532 SR;ENSCHEDE;NL;10.01",
                        "100002;Twentse Wegen B.V.;;7552 AB;HENGELO;NL;08.01",
                        "100003;Adviesbureau Utrecht;;3511 AA;UTRECHT;NL;",
                        "100004;Münster GmbH;;48143;MÜNSTER;DE;01.01",
                        "100005;Zorgaanbieder zonder adres;;;;;"],
}

# The same four lines (one invoice of two lines) in the export format: `;`, dd-mm-jjjj, comma.
FACTUREN = [
    "2024;15-01-2024;F-001;100001;KP01;44262;Jeugdhulp januari;1234,56",
    "2024;15-01-2024;F-001;100001;KP01;44262;Jeugdhulp januari, tweede regel;100,00",
    "2024;03-02-2024;W-17;100002;KP02;44204;Asfalt;-250,50",
    "2023;31-12-2023;U-9;100003;KP02;44204;Advies;99,99",
]


def schrijf(pad: Path, regels, *, codering="utf-8-sig", regeleinde="\r\n") -> Path:
    pad.parent.mkdir(parents=True, exist_ok=True)
    with open(pad, "w", encoding=codering, newline="") as f:
        f.write("".join(r + regeleinde for r in regels))
    return pad


@pytest.fixture
def stam(tmp_path) -> Path:
    """The master data files in a folder of their own."""
    map_ = tmp_path / "stam"
    for naam, regels in STAM.items():
        schrijf(map_ / naam, regels)
    return map_


@pytest.fixture
def facturen(tmp_path) -> Path:
    return schrijf(tmp_path / "facturen.csv", [KOP_FACTUREN, *FACTUREN])


class Uitkomst:
    def __init__(self, code, uit, fout):
        self.code, self.uit, self.fout = code, uit, fout

    @property
    def foutregels(self):
        return [r for r in self.fout.splitlines() if r and not r.startswith("CommandError")]


_STANDAARD = object()


@pytest.fixture
def importeer(request, db):
    """`importeer(*paden, "--dry-run")`: run import_uitgaven for `organisatie` (or `org=...`, or
    `org=None` for no --organisatie at all); returns code, stdout, stderr."""

    def run(*args, org=_STANDAARD):
        if org is _STANDAARD:
            org = request.getfixturevalue("organisatie")
        uit, fout = io.StringIO(), io.StringIO()
        argumenten = [str(a) for a in args]
        if org is not None and "--organisatie" not in argumenten:
            argumenten += ["--organisatie", org.naam]
        try:
            call_command("import_uitgaven", *argumenten, stdout=uit, stderr=fout)
            code = 0
        except CommandError as exc:
            fout.write(f"CommandError: {exc}\n")
            code = exc.returncode
        return Uitkomst(code, uit.getvalue(), fout.getvalue())

    return run


def grootboek(organisatie):
    """The ledger as comparable tuples."""
    from uitgaven.models import Factuurregel

    return sorted(Factuurregel.objects.filter(organisatie=organisatie).values_list(
        "boekjaar", "boekdatum", "factuurnummer", "volgnummer", "crediteur__nummer", "kostenplaats__code",
        "grootboekrekening", "omschrijving", "bedrag"))
