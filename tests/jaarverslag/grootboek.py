"""Loading a ledger for the report tests.

Prefers the real `import_uitgaven` command (interfaces.md §2); while it does not exist yet, a
small CSV loader stands in that fills the same tables (crediteur region derived from the regio
table, Jaaromzet rebuilt), so the report's figures can be checked against the published ones.
"""

import csv
from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.management import call_command, get_commands

from uitgaven.models import (
    Crediteur,
    Domein,
    Factuurregel,
    Inkoopcategorie,
    Inkooppakket,
    Jaaromzet,
    Kostenplaats,
    Regio,
    RegioKlasse,
)


def enschede_map() -> Path | None:
    """The Enschede ledger shipped in the project (for the demo), else the shared copy."""
    basis = Path(settings.BASE_DIR)
    overslaan = {".venv", "node_modules", "media", "staticfiles", ".git"}
    kandidaten = [p.parent for map_ in basis.iterdir() if map_.is_dir() and map_.name not in overslaan
                  for p in map_.glob("**/facturen-2024.csv")]
    kandidaten.append(Path(settings.BASE_DIR).parent / "shared" / "data" / "enschede")
    for kandidaat in kandidaten:
        if (kandidaat / "facturen-2024.csv").exists() and (kandidaat / "crediteuren.csv").exists():
            return kandidaat
    return None


def importeer(map_: Path, organisatie_naam: str, *, echt: bool | None = None):
    """Import every file of `map_` for `organisatie_naam` (creates the organisation)."""
    if echt is None:
        echt = "import_uitgaven" in get_commands()
    if echt:
        call_command("import_uitgaven", str(map_), organisatie=organisatie_naam, stdout=_Stil())
        return
    from inkoop.services import organisatie_verzekeren

    org, _ = organisatie_verzekeren(naam=organisatie_naam)
    laad_csv(org, map_)


class _Stil:
    def write(self, *_a, **_k):
        pass

    def flush(self):
        pass


def _lees(pad: Path):
    with open(pad, encoding="utf-8-sig", newline="") as f:
        yield from csv.DictReader(f, delimiter=";")


def _bedrag(tekst: str) -> Decimal:
    return Decimal(tekst.replace(".", "").replace(",", ".")) if "," in tekst else Decimal(tekst)


def _datum(tekst: str) -> date:
    if "-" in tekst and len(tekst.split("-")[0]) == 2:
        d, m, j = tekst.split("-")
        return date(int(j), int(m), int(d))
    return date.fromisoformat(tekst)


def regio_van(postcode: str, land: str, bereiken) -> str:
    land = (land or "").strip().upper()
    cijfers = "".join(ch for ch in (postcode or "")[:4] if ch.isdigit())
    if not land and not cijfers:
        return RegioKlasse.ONBEKEND
    if land and land != "NL":
        return RegioKlasse.BUITENLAND
    if len(cijfers) == 4:
        n = int(cijfers)
        for van, tot, naam in bereiken:
            if van <= n <= tot:
                return naam
        return RegioKlasse.NIET_REGIONAAL
    return RegioKlasse.ONBEKEND


KOPPEN = {
    "pakketcode;pakketnaam;categoriecode;categorienaam": "pakketten",
    "kostenplaats;omschrijving;domein": "kostenplaatsen",
    "crediteurnummer;naam;kvk_nummer;postcode;plaats;land;inkooppakket": "crediteuren",
    "postcode_van;postcode_tot;regio": "regio",
    "boekjaar;boekdatum;factuurnummer;crediteurnummer;kostenplaats;grootboekrekening;omschrijving;bedrag_excl_btw":
        "facturen",
}


def _per_soort(map_: Path) -> dict[str, list[Path]]:
    uit: dict[str, list[Path]] = {}
    for pad in sorted(map_.glob("*.csv")):
        with open(pad, encoding="utf-8-sig") as f:
            kop = f.readline().strip()
        if kop in KOPPEN:
            uit.setdefault(KOPPEN[kop], []).append(pad)
    return uit


def laad_csv(org, map_: Path):
    """The stand-in loader (headers as interfaces.md §2, `;` and decimal comma only)."""
    soorten = _per_soort(Path(map_))
    categorieen, pakketten = {}, {}
    for r in _lees(soorten["pakketten"][0]):
        cat = categorieen.get(r["categoriecode"])
        if cat is None:
            cat = categorieen[r["categoriecode"]] = Inkoopcategorie.objects.create(
                organisatie=org, code=r["categoriecode"], naam=r["categorienaam"])
        pakketten[r["pakketcode"]] = Inkooppakket.objects.create(
            organisatie=org, code=r["pakketcode"], naam=r["pakketnaam"], categorie=cat)
    domeinen, kostenplaatsen = {}, {}
    for r in _lees(soorten["kostenplaatsen"][0]):
        dom = domeinen.get(r["domein"]) or Domein.objects.create(organisatie=org, naam=r["domein"])
        domeinen[r["domein"]] = dom
        kostenplaatsen[r["kostenplaats"]] = Kostenplaats.objects.create(
            organisatie=org, code=r["kostenplaats"], omschrijving=r["omschrijving"], domein=dom)
    bereiken = []
    for r in _lees(soorten["regio"][0]):
        Regio.objects.create(organisatie=org, postcode_van=int(r["postcode_van"]),
                             postcode_tot=int(r["postcode_tot"]), naam=r["regio"])
        bereiken.append((int(r["postcode_van"]), int(r["postcode_tot"]), r["regio"]))
    crediteuren = [
        Crediteur(organisatie=org, nummer=r["crediteurnummer"], naam=r["naam"], kvk_nummer=r["kvk_nummer"],
                  postcode=r["postcode"], plaats=r["plaats"], land=r["land"],
                  inkooppakket=pakketten.get(r["inkooppakket"]),
                  regio=regio_van(r["postcode"], r["land"], bereiken))
        for r in _lees(soorten["crediteuren"][0])
    ]
    Crediteur.objects.bulk_create(crediteuren, batch_size=2000)
    cred_ids = dict(Crediteur.objects.filter(organisatie=org).values_list("nummer", "id"))
    omzet = defaultdict(lambda: [Decimal(0), 0])
    for pad in soorten["facturen"]:
        regels, volg = [], defaultdict(int)
        for r in _lees(pad):
            sleutel = (r["boekjaar"], r["crediteurnummer"], r["factuurnummer"])
            volg[sleutel] += 1
            bedrag = _bedrag(r["bedrag_excl_btw"])
            kp = kostenplaatsen[r["kostenplaats"]]
            regels.append(Factuurregel(
                organisatie=org, boekjaar=int(r["boekjaar"]), boekdatum=_datum(r["boekdatum"]),
                factuurnummer=r["factuurnummer"], volgnummer=volg[sleutel],
                crediteur_id=cred_ids[r["crediteurnummer"]], kostenplaats=kp,
                grootboekrekening=r["grootboekrekening"], omschrijving=r["omschrijving"], bedrag=bedrag))
            o = omzet[(int(r["boekjaar"]), cred_ids[r["crediteurnummer"]], kp.id)]
            o[0] += bedrag
            o[1] += 1
        Factuurregel.objects.bulk_create(regels, batch_size=5000)
    Jaaromzet.objects.bulk_create(
        [Jaaromzet(organisatie=org, boekjaar=j, crediteur_id=c, kostenplaats_id=k, bedrag=b, regels=n)
         for (j, c, k), (b, n) in omzet.items()], batch_size=5000)
