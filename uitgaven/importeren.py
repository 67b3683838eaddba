"""Importing the spend files of the financial administration (interfaces.md §2).

One call is one transaction: every row of every file is stored, or nothing is. Master data is
updated in place; facturen are identified by boekjaar, crediteurnummer, factuurnummer and their
position among that invoice's lines in the file, so importing the same file again changes
nothing. `Jaaromzet` is rebuilt in the same transaction for every boekjaar that changed.

The run itself (`Importrun`) is written outside that transaction: who, which files (SHA-256),
counts, errors, seconds, and while it runs its progress, so a failed run is on record too.
"""

from __future__ import annotations

import csv
import logging
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.db import DatabaseError, connection, connections, transaction
from django.db import Error as DatabaseFout
from django.utils import timezone

from beleid.begrippen import SOORTEN_AW
from inkoop import cijfercache, werk

from .bestanden import (
    KOLOMMEN,
    OPTIONEEL,
    POSTCODE4,
    VOLGORDE,
    Bestand,
    Bestandsfout,
    Fout,
    controleer_factuur,
    controleer_verplicht,
    herken,
    rijen,
    sha256,
    volledig_controleren,
)
from .models import (
    Crediteur,
    Domein,
    Factuurregel,
    Importrun,
    Inkoopcategorie,
    Inkooppakket,
    Kostenplaats,
    Regio,
)
from .services import regio_bepalen, regio_bijwerken

log = logging.getLogger(__name__)

MAX_FOUTEN_OPGESLAGEN = 1000
LAND = re.compile(r"[A-Za-z]{2}")


class _Terugdraaien(Exception):
    """Leave the transaction without storing anything (errors found, or a dry run)."""


@dataclass
class Telling:
    regels: int = 0
    nieuw: int = 0
    gewijzigd: int = 0
    ongewijzigd: int = 0

    def als_dict(self):
        return {"regels": self.regels, "nieuw": self.nieuw, "gewijzigd": self.gewijzigd,
                "ongewijzigd": self.ongewijzigd}


@dataclass
class Resultaat:
    importrun: Importrun
    proefrun: bool
    bestanden: list[Bestand]
    aantallen: dict[str, Telling]
    fouten: list[Fout]
    aantal_fouten: int
    seconden: float
    jaren: list[int] = field(default_factory=list)
    tijden: dict[str, float] = field(default_factory=dict)

    @property
    def geslaagd(self) -> bool:
        return self.aantal_fouten == 0

    def totaal(self, veld: str) -> int:
        return sum(getattr(t, veld) for t in self.aantallen.values())

    def samenvatting(self) -> str:
        per_soort = ", ".join(f"{soort} {self.aantallen[soort].regels}" for soort in VOLGORDE
                              if soort in self.aantallen)
        kop = "Proefrun, niets opgeslagen" if self.proefrun else "Geïmporteerd"
        return (f"{kop}: {len(self.bestanden)} bestanden ({per_soort or 'geen regels'}); "
                f"{self.totaal('nieuw')} nieuw, {self.totaal('gewijzigd')} gewijzigd, "
                f"{self.totaal('ongewijzigd')} ongewijzigd; {self.seconden:.1f} s")

    def foutregels(self, maximum: int = 50) -> list[str]:
        regels = [str(f) for f in self.fouten[:maximum]]
        if self.aantal_fouten > maximum:
            regels.append(f"... en nog {self.aantal_fouten - maximum} fouten "
                          f"({self.aantal_fouten} in totaal)")
        return regels


class Voortgang:
    """Writes the run's progress where the web page can see it while the import runs.

    On PostgreSQL through a second connection (autocommit), because the import's own transaction
    is invisible until it commits. SQLite has one writer at a time, so there the run shows its
    progress only at the end.
    """

    def __init__(self, run: Importrun, melder: Callable[[int, str], None] | None = None):
        self.run_id = run.pk
        self.melder = melder
        self.laatste = (-1, "")
        self.tijd = 0.0
        self.verbinding = None
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            self.verbinding = connections.create_connection(connection.alias)

    def __call__(self, pct: float, stap: str = "", *, direct: bool = False):
        pct = max(0, min(100, int(pct)))
        if (pct, stap) == self.laatste:
            return
        nu = time.monotonic()
        if not direct and stap == self.laatste[1] and nu - self.tijd < 0.5:
            return
        self.laatste, self.tijd = (pct, stap), nu
        if self.melder:
            self.melder(pct, stap)
        if self.verbinding is not None:
            try:
                with self.verbinding.cursor() as c:
                    c.execute("UPDATE uitgaven_importrun SET voortgang = %s, stap = %s WHERE id = %s",
                              [pct, stap[:200], self.run_id])
            except DatabaseError:  # progress is a courtesy; the import goes on
                log.warning("Voortgang van importrun %s niet bijgewerkt", self.run_id, exc_info=True)

    def sluit(self):
        if self.verbinding is not None:
            self.verbinding.close()
            self.verbinding = None


def uitgaven_importeren(*, organisatie, paden: Iterable[Path | tuple[Path, str]], door=None,
                        proefrun: bool = False, overschrijf_classificatie: bool = False,
                        importrun: Importrun | None = None,
                        melder: Callable[[int, str], None] | None = None) -> Resultaat:
    """Import spend files for `organisatie`; see the module docstring. Never raises on bad input:
    the problems are in the result (and on the run), and nothing is stored."""
    start = time.monotonic()
    if importrun is None:
        importrun = Importrun.objects.create(
            organisatie=organisatie, gestart_door=door, proefrun=proefrun, status=Importrun.Status.BEZIG,
            overschrijf_classificatie=overschrijf_classificatie)
    else:
        importrun.status = Importrun.Status.BEZIG
        importrun.save(update_fields=["status"])
    # Held while this process works on the run: if it dies, the sweep sees it (inkoop/werk.py).
    werk.neem(werk.IMPORTRUN, importrun.pk)
    voortgang = Voortgang(importrun, melder)
    importeur = Importeur(organisatie=organisatie, run=importrun, proefrun=proefrun,
                          overschrijf_classificatie=overschrijf_classificatie, voortgang=voortgang)
    try:
        voortgang(1, "Bestanden lezen", direct=True)
        bestanden = []
        for item in paden:
            pad, naam = item if isinstance(item, tuple) else (Path(item), str(item))
            b, fout = herken(Path(pad), naam)
            bestanden.append(b)
            if fout:
                importeur.fout(fout)
        opslag = [b.get("pad") for b in importrun.bestanden] if importrun.bestanden else []
        importeur.opslag = opslag
        importrun.bestanden = _bestanden_dicts(bestanden, opslag)
        importrun.save(update_fields=["bestanden"])
        try:
            with transaction.atomic():
                importeur.uitvoeren([b for b in bestanden if b.soort])
                resultaat = importeur.resultaat(bestanden, time.monotonic() - start)
                if importeur.aantal_fouten or proefrun:
                    raise _Terugdraaien
                # Success: the run's record commits together with the data.
                _sluit_run(importrun, resultaat, importeur.opslag)
        except _Terugdraaien:
            resultaat = importeur.resultaat(bestanden, time.monotonic() - start)
            _sluit_run(importrun, resultaat, importeur.opslag)
    except Exception as exc:
        # A broken connection (session terminated, database restarted) cannot record the failure:
        # take a fresh one, so that the run does not stay "bezig" (the CLI has no sweep to wait for).
        werk.herstel_verbinding()
        importrun.status = Importrun.Status.MISLUKT
        if isinstance(exc, DatabaseFout):  # the connection broke, the database restarted
            importrun.fouten = [f"{werk.AFGEBROKEN} ({exc.__class__.__name__}: {exc})"]
        else:
            importrun.fouten = [f"Interne fout: {exc.__class__.__name__}: {exc}"]
        importrun.aantallen = {"fouten": 1, "afgebroken": True}
        importrun.klaar_op = timezone.now()
        importrun.seconden = time.monotonic() - start
        importrun.save()
        raise
    finally:
        voortgang.sluit()
        werk.geef_vrij(werk.IMPORTRUN, importrun.pk)
    return resultaat


def _bestanden_dicts(bestanden: list[Bestand], opslag: list) -> list[dict]:
    """The files for the run's record; an uploaded file keeps the place it is stored (web flow)."""
    uit = []
    for i, b in enumerate(bestanden):
        d = b.als_dict()
        if i < len(opslag) and opslag[i]:
            d["pad"] = opslag[i]
        uit.append(d)
    return uit


def _sluit_run(run: Importrun, r: Resultaat, opslag: list) -> None:
    for b in r.bestanden:
        if not b.sha256 and b.pad.is_file():
            b.sha256 = sha256(b.pad)
    if r.aantal_fouten:
        run.status = Importrun.Status.MISLUKT
    elif r.proefrun:
        run.status = Importrun.Status.GECONTROLEERD
    else:
        run.status = Importrun.Status.GESLAAGD
    run.bestanden = _bestanden_dicts(r.bestanden, opslag)
    run.aantallen = {soort: t.als_dict() for soort, t in r.aantallen.items()}
    run.aantallen["fouten"] = r.aantal_fouten
    run.aantallen["tijden"] = r.tijden
    run.fouten = [str(f) for f in r.fouten[:MAX_FOUTEN_OPGESLAGEN]]
    run.seconden = round(r.seconden, 3)
    run.klaar_op = timezone.now()
    run.voortgang = 100
    run.stap = ""
    run.save()


class Importeur:
    def __init__(self, *, organisatie, run: Importrun, proefrun: bool, overschrijf_classificatie: bool,
                 voortgang: Voortgang):
        self.org = organisatie
        self.run = run
        self.proefrun = proefrun
        self.overschrijf = overschrijf_classificatie
        self.voortgang = voortgang
        self.fouten: list[Fout] = []
        self.aantal_fouten = 0
        self.aantallen: dict[str, Telling] = {}
        self.jaren: set[int] = set()
        # Years whose Jaaromzet must be rebuilt from the ledger at the end of the run.
        self.jaren_herbouwen: set[int] = set()
        # What this run brings, so that a later file may refer to it even when not stored.
        self.run_pakketten: set[str] = set()
        self.run_kostenplaatsen: set[str] = set()
        self.run_crediteuren: set[str] = set()
        self.regio_gewijzigd = False
        self.opslag: list = []
        # Seconds per phase, kept on the run (where does the time of a large import go?).
        self.tijden: dict[str, float] = {}

    @contextmanager
    def meet(self, fase: str):
        start = time.monotonic()
        try:
            yield
        finally:
            self.tijden[fase] = round(self.tijden.get(fase, 0) + time.monotonic() - start, 3)

    # -- bookkeeping ----------------------------------------------------------------------
    def fout(self, fout: Fout) -> None:
        self.aantal_fouten += 1
        if len(self.fouten) < MAX_FOUTEN_OPGESLAGEN:
            self.fouten.append(fout)

    def fouten_van(self, lijst: list[Fout]) -> None:
        for f in lijst:
            self.fout(f)
        lijst.clear()

    @property
    def schrijven(self) -> bool:
        """Store as we go while nothing is wrong; after the first problem only check."""
        return self.aantal_fouten == 0

    def telling(self, soort: str) -> Telling:
        return self.aantallen.setdefault(soort, Telling())

    def resultaat(self, bestanden, seconden) -> Resultaat:
        return Resultaat(importrun=self.run, proefrun=self.proefrun, bestanden=bestanden,
                         aantallen=dict(self.aantallen), fouten=list(self.fouten),
                         aantal_fouten=self.aantal_fouten, seconden=seconden, jaren=sorted(self.jaren),
                         tijden=dict(self.tijden))

    # -- the run ----------------------------------------------------------------------------
    def uitvoeren(self, bestanden: list[Bestand]) -> None:
        if connection.vendor == "postgresql":
            from . import grootboek_pg

            with connection.cursor() as c:
                grootboek_pg.slot(c, self.org.pk)
        per_soort = {s: [b for b in bestanden if b.soort == s] for s in VOLGORDE}
        self.voortgang(3, "Stamgegevens verwerken")
        with self.meet("stamgegevens"):
            self._stamgegevens(per_soort)
        facturen = per_soort["facturen"]
        if facturen:
            totaal = sum(b.grootte for b in facturen) or 1
            klaar = 0
            for b in facturen:
                def deel(gelezen, _klaar=klaar, _b=b):
                    self.voortgang(8 + 82 * (_klaar + min(gelezen, _b.grootte)) / totaal,
                                   f"Facturen verwerken: {_b.naam}")
                self._facturen(b, deel)
                klaar += b.grootte
            if self.jaren_herbouwen and self.schrijven:
                self.voortgang(92, "Jaaromzet bijwerken", direct=True)
                with self.meet("jaaromzet"):
                    jaaromzet_bijwerken(self.org.pk, sorted(self.jaren_herbouwen))
        if self.schrijven:
            # Master data, classification or ledger may have changed: the cached figures go.
            cijfercache.versie_ophogen(organisatie_id=self.org.pk)
        self.voortgang(99, "Afronden", direct=True)

    # -- master data ------------------------------------------------------------------------
    def _stamgegevens(self, per_soort):
        if per_soort["regio"]:
            self._regio(per_soort["regio"])
        if per_soort["inkooppakketten"]:
            self._pakketten(per_soort["inkooppakketten"])
        if per_soort["kostenplaatsen"]:
            self._kostenplaatsen(per_soort["kostenplaatsen"])
        if per_soort["crediteuren"] or self.regio_gewijzigd:
            self._crediteuren(per_soort["crediteuren"])

    def _lees(self, soort: str, bestanden: list[Bestand], sleutel: Callable[[list[str]], str],
              controle: Callable[[Bestand, int, list[str]], list[tuple[str, str]]]) -> dict:
        """Rows of all files of one kind, checked, by key; the same key twice with other values
        is an error (the first place is named)."""
        records: dict = {}
        for b in bestanden:
            bestandfouten: list[Fout] = []
            for lijn, w in rijen(b, bestandfouten):
                self.telling(soort).regels += 1
                problemen = controle(b, lijn, w)
                if problemen:
                    for kolom, reden in problemen:
                        self.fout(b.fout(lijn, kolom, reden))
                    continue
                k = sleutel(w)
                eerder = records.get(k)
                if eerder and eerder[2] != w:
                    self.fout(b.fout(lijn, KOLOMMEN[soort][0],
                                     f"‘{k}’ staat al met andere gegevens op {eerder[0].naam}:{eerder[1]}"))
                    continue
                records[k] = (b, lijn, w)
            self.fouten_van(bestandfouten)
        return records

    def _regio(self, bestanden):
        def controle(b, lijn, w):
            problemen = controleer_verplicht(KOLOMMEN["regio"], w, {"postcode_van", "postcode_tot", "regio"})
            for kolom, waarde in zip(("postcode_van", "postcode_tot"), w[:2], strict=True):
                if waarde and not (POSTCODE4.fullmatch(waarde) and waarde[0] != "0"):
                    problemen.append((kolom, f"‘{waarde}’ is geen postcode van vier cijfers (1000-9999)"))
            if not problemen and int(w[0]) > int(w[1]):
                problemen.append(("postcode_tot", f"{w[1]} ligt vóór postcode_van {w[0]}"))
            return problemen

        records = self._lees("regio", bestanden, lambda w: f"{w[0]}-{w[1]}", controle)
        # Ranges may not overlap: a postcode belongs to one region.
        gesorteerd = sorted(records.values(), key=lambda r: int(r[2][0]))
        for vorige, huidige in zip(gesorteerd, gesorteerd[1:], strict=False):
            if int(huidige[2][0]) <= int(vorige[2][1]):
                b, lijn, w = huidige
                self.fout(b.fout(lijn, "postcode_van", f"{w[0]}-{w[1]} overlapt met {vorige[2][0]}-"
                                                       f"{vorige[2][1]} ({vorige[0].naam}:{vorige[1]})"))
        if not self.schrijven:
            return
        t = self.telling("regio")
        bestaand = {(r.postcode_van, r.postcode_tot): r for r in Regio.objects.filter(organisatie=self.org)}
        # The regio file is the whole table: ranges that are no longer in it go.
        nieuw_stel = {(int(w[0]), int(w[1])): w[2] for _, _, w in records.values()}
        weg = [r.pk for k, r in bestaand.items() if k not in nieuw_stel]
        if weg:
            Regio.objects.filter(pk__in=weg).delete()
            self.regio_gewijzigd = True
        for (van, tot), naam in nieuw_stel.items():
            r = bestaand.get((van, tot))
            if r is None:
                Regio.objects.create(organisatie=self.org, postcode_van=van, postcode_tot=tot, naam=naam)
                t.nieuw += 1
            elif r.naam != naam:
                r.naam = naam
                r.save(update_fields=["naam"])
                t.gewijzigd += 1
            else:
                t.ongewijzigd += 1
        if t.nieuw or t.gewijzigd:
            self.regio_gewijzigd = True

    def _pakketten(self, bestanden):
        categorienamen: dict[str, tuple] = {}
        kolommen = KOLOMMEN["inkooppakketten"] + OPTIONEEL["inkooppakketten"]
        soorten = {s.value for s in SOORTEN_AW}

        def controle(b, lijn, w):
            problemen = controleer_verplicht(kolommen, w, set(KOLOMMEN["inkooppakketten"]))
            if w[4] and w[4].lower() not in soorten:
                problemen.append(("soort", f"‘{w[4]}’ is geen soort; kies levering, dienst of werk"))
            if not problemen:
                eerder = categorienamen.setdefault(w[2], (w[3], b, lijn))
                if eerder[0] != w[3]:
                    problemen.append(("categorienaam", f"categorie {w[2]} heet op {eerder[1].naam}:{eerder[2]} "
                                                       f"‘{eerder[0]}’"))
            return problemen

        records = self._lees("inkooppakketten", bestanden, lambda w: w[0], controle)
        self.run_pakketten = set(records)
        if not self.schrijven:
            return
        t = self.telling("inkooppakketten")
        categorieen = {c.code: c for c in Inkoopcategorie.objects.filter(organisatie=self.org)}
        for code, (naam, *_rest) in categorienamen.items():
            c = categorieen.get(code)
            if c is None:
                categorieen[code] = Inkoopcategorie.objects.create(organisatie=self.org, code=code, naam=naam)
            elif c.naam != naam:
                c.naam = naam
                c.save(update_fields=["naam"])
        bestaand = {p.code: p for p in Inkooppakket.objects.filter(organisatie=self.org)}
        for code, (_b, _lijn, w) in records.items():
            categorie = categorieen[w[2]]
            # An empty or absent soort leaves the pakket's soort as it is (set in the web interface).
            soort = w[4].lower()
            p = bestaand.get(code)
            if p is None:
                Inkooppakket.objects.create(organisatie=self.org, code=code, naam=w[1], categorie=categorie,
                                            soort=soort)
                t.nieuw += 1
            elif p.naam != w[1] or p.categorie_id != categorie.pk or (soort and p.soort != soort):
                p.naam, p.categorie = w[1], categorie
                p.soort = soort or p.soort
                p.save(update_fields=["naam", "categorie", "soort"])
                t.gewijzigd += 1
            else:
                t.ongewijzigd += 1

    def _kostenplaatsen(self, bestanden):
        records = self._lees("kostenplaatsen", bestanden, lambda w: w[0],
                             lambda b, lijn, w: controleer_verplicht(KOLOMMEN["kostenplaatsen"], w,
                                                                     set(KOLOMMEN["kostenplaatsen"])))
        self.run_kostenplaatsen = set(records)
        if not self.schrijven:
            return
        t = self.telling("kostenplaatsen")
        domeinen = {d.naam: d for d in Domein.objects.filter(organisatie=self.org)}
        bestaand = {k.code: k for k in Kostenplaats.objects.filter(organisatie=self.org)}
        for code, (_b, _lijn, w) in records.items():
            domein = domeinen.get(w[2])
            if domein is None:
                domein = domeinen[w[2]] = Domein.objects.create(organisatie=self.org, naam=w[2])
            k = bestaand.get(code)
            if k is None:
                Kostenplaats.objects.create(organisatie=self.org, code=code, omschrijving=w[1], domein=domein)
                t.nieuw += 1
            elif k.omschrijving != w[1] or k.domein_id != domein.pk:
                k.omschrijving, k.domein = w[1], domein
                k.save(update_fields=["omschrijving", "domein"])
                t.gewijzigd += 1
            else:
                t.ongewijzigd += 1

    def _crediteuren(self, bestanden):
        pakketten = dict(Inkooppakket.objects.filter(organisatie=self.org).values_list("code", "pk"))
        bekende_pakketten = set(pakketten) | self.run_pakketten

        def controle(b, lijn, w):
            problemen = controleer_verplicht(KOLOMMEN["crediteuren"], w, {"crediteurnummer", "naam"})
            land = w[5]
            if land and not LAND.fullmatch(land):
                problemen.append(("land", f"‘{land}’ is geen landcode van twee letters (zoals NL, DE)"))
            if w[6] and w[6] not in bekende_pakketten:
                problemen.append(("inkooppakket", f"onbekend inkooppakket ‘{w[6]}’ (niet in de database en "
                                                  "niet in de inkooppakketten van deze import)"))
            return problemen

        records = self._lees("crediteuren", bestanden, lambda w: w[0], controle)
        self.run_crediteuren = set(records)
        if not self.schrijven:
            return
        bereiken = list(Regio.objects.filter(organisatie=self.org).values_list("postcode_van", "postcode_tot",
                                                                                 "naam"))
        t = self.telling("crediteuren") if records else Telling()
        bestaand = {c.nummer: c for c in Crediteur.objects.filter(organisatie=self.org)}
        nieuw, gewijzigd = [], []
        velden = ["naam", "kvk_nummer", "postcode", "plaats", "land", "inkooppakket_id"]
        for nummer, (_b, _lijn, w) in records.items():
            _, naam, kvk, postcode, plaats, land, pakket = w
            land = land.upper()
            pakket_id = pakketten.get(pakket) if pakket else None
            regio = regio_bepalen(postcode=postcode, land=land, plaats=plaats, bereiken=bereiken)
            c = bestaand.get(nummer)
            if c is None:
                nieuw.append(Crediteur(organisatie=self.org, nummer=nummer, naam=naam, kvk_nummer=kvk,
                                       postcode=postcode, plaats=plaats, land=land, inkooppakket_id=pakket_id,
                                       regio=regio))
                continue
            oud = [getattr(c, v) for v in velden] + [c.regio, c.classificatie_handmatig]
            c.naam, c.kvk_nummer, c.postcode, c.plaats, c.land = naam, kvk, postcode, plaats, land
            # A classification made in the web interface wins, unless the import is told otherwise.
            if not c.classificatie_handmatig:
                c.inkooppakket_id = pakket_id
            elif self.overschrijf:
                c.inkooppakket_id = pakket_id
                c.classificatie_handmatig = False
            c.regio = regio
            if [getattr(c, v) for v in velden] + [c.regio, c.classificatie_handmatig] != oud:
                gewijzigd.append(c)
                t.gewijzigd += 1
            else:
                t.ongewijzigd += 1
        Crediteur.objects.bulk_create(nieuw, batch_size=2000)
        t.nieuw += len(nieuw)
        Crediteur.objects.bulk_update(gewijzigd, velden + ["regio", "classificatie_handmatig"], batch_size=1000)
        if self.regio_gewijzigd:
            # New ranges change the region of crediteuren that are not in this run's files too.
            regio_bijwerken(organisatie=self.org)
        if connection.vendor == "postgresql" and (nieuw or gewijzigd):
            with connection.cursor() as cur:
                cur.execute("ANALYZE uitgaven_crediteur")

    # -- facturen ---------------------------------------------------------------------------
    def _facturen(self, b: Bestand, voortgang: Callable[[int], None]) -> None:
        t = self.telling("facturen")
        if connection.vendor == "postgresql":
            nieuw, gewijzigd, ongewijzigd, jaren = self._facturen_pg(b, voortgang)
        else:
            nieuw, gewijzigd, ongewijzigd, jaren = self._facturen_generiek(b, voortgang)
        t.regels += b.regels
        t.nieuw += nieuw
        t.gewijzigd += gewijzigd
        t.ongewijzigd += ongewijzigd
        self.jaren.update(jaren)

    def _bekend(self):
        crediteuren = set(Crediteur.objects.filter(organisatie=self.org).values_list("nummer", flat=True))
        kostenplaatsen = set(Kostenplaats.objects.filter(organisatie=self.org).values_list("code", flat=True))
        return crediteuren | self.run_crediteuren, kostenplaatsen | self.run_kostenplaatsen

    def _gecontroleerde_facturen(self, b: Bestand, voortgang, crediteuren, kostenplaatsen):
        """Rows of a facturen file checked in Python; problems go to the error list."""
        b.regels = 0
        bestandfouten: list[Fout] = []
        gemiddeld = 80
        for lijn, w in rijen(b, bestandfouten):
            rec, problemen = controleer_factuur(w, crediteuren, kostenplaatsen)
            if problemen:
                for kolom, reden in problemen:
                    self.fout(b.fout(lijn, kolom, reden))
                continue
            if lijn % 20000 == 0:
                voortgang(lijn * gemiddeld)
            yield lijn, rec
        self.fouten_van(bestandfouten)

    def _facturen_pg(self, b: Bestand, voortgang):
        import psycopg

        from . import grootboek_pg as pg

        pogingen = 2 if self.schrijven and b.formaat == "csv" else 0
        invoegen = True
        if pogingen:
            with self.meet("stroom"):
                gestroomd = self._pg_stromen(b, voortgang)
            if isinstance(gestroomd, tuple):
                return gestroomd
            # "python": a row the stream does not take as it stands; the SQL check would not either.
            pogingen = 0 if gestroomd == "python" else pogingen
            invoegen = gestroomd != "dubbel"
        while pogingen:
            pogingen -= 1
            try:
                with transaction.atomic(), connection.cursor() as c:
                    with self.meet("copy"):
                        gestaged = pg.kopieer_csv(c, b, lambda n: voortgang(n * 0.5))
                    uitkomst = self._pg_opslaan(c, gestaged, b, voortgang, invoegen=invoegen)
                    b.regels = gestaged
                    return uitkomst
            except _Terugdraaien:
                log.info("%s: regels die de snelle controle afwijst; het bestand wordt in Python gelezen", b.naam)
                break
            except psycopg.errors.CharacterNotInRepertoire:
                # The encoding was guessed from the first 64 kB: settle it on the whole file and
                # copy again (a Windows-1252 export whose first accent comes late).
                geraden = b.codering
                try:
                    volledig_controleren(b)
                except Bestandsfout:
                    break
                if b.codering == geraden:
                    break
            except (DatabaseError, psycopg.Error) as exc:
                # psycopg errors from the raw COPY are not wrapped by Django.
                log.info("%s: COPY of conversie niet gelukt (%s); het bestand wordt in Python gelezen", b.naam, exc)
                break
        crediteuren, kostenplaatsen = self._bekend()
        with self.meet("python"):
            rijen_ = self._gecontroleerde_facturen(b, voortgang, crediteuren, kostenplaatsen)
            if not self.schrijven:
                for _ in rijen_:
                    pass
                return 0, 0, 0, []
            fouten_voor = self.aantal_fouten
            with connection.cursor() as c:
                gestaged = pg.kopieer_rijen(c, ((lijn, None, str(r[0]), r[1].isoformat(), r[2], r[3], r[4], r[5],
                                                 r[6], str(r[7])) for lijn, r in rijen_))
        if self.aantal_fouten > fouten_voor:
            with connection.cursor() as c:
                pg.ruim_op(c)
            return 0, 0, 0, []
        try:
            with connection.cursor() as c:
                return self._pg_opslaan(c, gestaged, b, voortgang)
        except _Terugdraaien as exc:  # the Python and SQL checks disagree: a bug, not bad input
            raise RuntimeError(f"{b.naam}: regels goedgekeurd in Python maar niet in SQL") from exc

    def _pg_stromen(self, b: Bestand, voortgang):
        """The first choice for a CSV file (grootboek_pg.stroom): (nieuw, gewijzigd, ongewijzigd,
        jaren) when every line went straight into the ledger; else where the file goes next:
        "upsert" (a year with lines), "dubbel" (an invoice of several lines: number them, then
        upsert) or "python" (the Python reader)."""
        import psycopg

        from . import grootboek_pg as pg

        crediteuren = dict(Crediteur.objects.filter(organisatie=self.org).values_list("nummer", "pk"))
        kostenplaatsen = dict(Kostenplaats.objects.filter(organisatie=self.org).values_list("code", "pk"))
        with connection.cursor() as c, pg.instellingen(c, DateStyle="ISO, DMY"):
            for _poging in range(2):
                try:
                    with transaction.atomic():
                        regels, jaren = pg.stroom(c, b, organisatie_id=self.org.pk, importrun_id=self.run.pk,
                                                  crediteuren=crediteuren, kostenplaatsen=kostenplaatsen,
                                                  voortgang=voortgang)
                    voortgang(b.grootte)
                    return regels, 0, 0, jaren
                except pg.NietGestroomd as exc:
                    return "upsert" if exc.bestaand else "python"
                except (DatabaseError, psycopg.Error) as exc:
                    # psycopg errors from the raw COPY are not wrapped by Django.
                    oorzaak = exc if isinstance(exc, psycopg.Error) else exc.__cause__
                    if isinstance(oorzaak, psycopg.errors.UniqueViolation):
                        return "dubbel"
                    log.info("%s: COPY naar het grootboek niet gelukt (%s); het bestand wordt in Python gelezen",
                             b.naam, exc)
                    return "python"
                except UnicodeDecodeError:
                    # The encoding was guessed from the first 64 kB: settle it on the whole file and
                    # stream again (a Windows-1252 export whose first accent comes late).
                    geraden = b.codering
                    try:
                        volledig_controleren(b)
                    except Bestandsfout:
                        return "python"
                    if b.codering == geraden:
                        return "python"
                except csv.Error:
                    return "python"  # a broken quote: the Python reader names the line
        return "python"

    def _pg_opslaan(self, c, gestaged: int, b: Bestand, voortgang, *, invoegen: bool = True):
        """Staged rows into the ledger. Raises _Terugdraaien when a row does not pass the fast check."""
        import psycopg

        from . import grootboek_pg as pg

        voortgang(b.grootte * 0.6)
        with pg.bulk_instellingen(c):
            with self.meet("jaren"):
                bestaand = pg.bestaande_jaren(c, self.org.pk) if invoegen else True
            if not bestaand:
                try:
                    with transaction.atomic(), self.meet("invoegen"):
                        nieuw, jaren = pg.invoegen(c, organisatie_id=self.org.pk, importrun_id=self.run.pk)
                        if nieuw != gestaged:
                            raise _Terugdraaien
                    pg.ruim_op(c)
                    voortgang(b.grootte)
                    return nieuw, 0, 0, jaren
                except DatabaseError as exc:
                    if not isinstance(exc.__cause__, psycopg.errors.UniqueViolation):
                        raise
                    # An invoice with several lines: number them, then the general way below.
            with self.meet("controle"):
                controle = pg.controleer(c, self.org.pk)
            if controle.fouten:
                raise _Terugdraaien
            if controle.dubbel:
                with self.meet("volgnummers"):
                    pg.nummer_dubbele(c)
            with self.meet("upsert"):
                u = pg.upsert(c, organisatie_id=self.org.pk, importrun_id=self.run.pk, dubbel=bool(controle.dubbel))
            pg.ruim_op(c)
        voortgang(b.grootte)
        # Jaaromzet got the new lines in the same statement; years with replaced lines are rebuilt.
        self.jaren_herbouwen.update(u.jaren_gewijzigd)
        return u.nieuw, u.gewijzigd, gestaged - u.nieuw - u.gewijzigd, sorted({*u.jaren_nieuw, *u.jaren_gewijzigd})

    def _facturen_generiek(self, b: Bestand, voortgang):
        """Any database (SQLite for the demo): checked in Python, compared with what is stored,
        written in batches."""
        crediteuren, kostenplaatsen = self._bekend()
        teller: Counter = Counter()
        regels = []
        for _lijn, r in self._gecontroleerde_facturen(b, voortgang, crediteuren, kostenplaatsen):
            sleutel = (r[0], r[3], r[2])
            teller[sleutel] += 1
            regels.append((r, teller[sleutel]))
        del teller
        if not self.schrijven:
            return 0, 0, 0, []
        cred_ids = dict(Crediteur.objects.filter(organisatie=self.org).values_list("nummer", "pk"))
        kp_ids = dict(Kostenplaats.objects.filter(organisatie=self.org).values_list("code", "pk"))
        jaren = {r[0] for r, _ in regels}
        bestaand = {
            (j, cr, fn, vn): (pk, dat, kp, gb, om, bd)
            for pk, j, cr, fn, vn, dat, kp, gb, om, bd in Factuurregel.objects.filter(
                organisatie=self.org, boekjaar__in=jaren).values_list(
                "pk", "boekjaar", "crediteur_id", "factuurnummer", "volgnummer", "boekdatum", "kostenplaats_id",
                "grootboekrekening", "omschrijving", "bedrag").iterator(chunk_size=10000)
        }
        nieuw, gewijzigd, gewijzigde_jaren = [], [], set()
        ongewijzigd = 0
        for (jaar, datum, factuur, crednr, kp, gb, oms, bedrag), vn in regels:
            cred_id, kp_id = cred_ids[crednr], kp_ids[kp]
            oud = bestaand.get((jaar, cred_id, factuur, vn))
            if oud is None:
                nieuw.append((self.org.pk, jaar, datum.isoformat(), factuur, vn, cred_id, kp_id, gb, oms,
                              str(bedrag), self.run.pk))
                gewijzigde_jaren.add(jaar)
            elif oud[1:] != (datum, kp_id, gb, oms, bedrag):
                gewijzigd.append((datum.isoformat(), kp_id, gb, oms, str(bedrag), self.run.pk, oud[0]))
                gewijzigde_jaren.add(jaar)
            else:
                ongewijzigd += 1
        voortgang(b.grootte * 0.8)
        with connection.cursor() as c:
            for i in range(0, len(nieuw), 5000):
                c.executemany(
                    "INSERT INTO uitgaven_factuurregel (organisatie_id, boekjaar, boekdatum, factuurnummer, "
                    "volgnummer, crediteur_id, kostenplaats_id, grootboekrekening, omschrijving, bedrag, "
                    "importrun_id) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)", nieuw[i:i + 5000])
            for i in range(0, len(gewijzigd), 5000):
                c.executemany(
                    "UPDATE uitgaven_factuurregel SET boekdatum = %s, kostenplaats_id = %s, "
                    "grootboekrekening = %s, omschrijving = %s, bedrag = %s, importrun_id = %s WHERE id = %s",
                    gewijzigd[i:i + 5000])
        voortgang(b.grootte)
        self.jaren_herbouwen.update(gewijzigde_jaren)
        return len(nieuw), len(gewijzigd), ongewijzigd, sorted(gewijzigde_jaren)


def jaaromzet_bijwerken(organisatie_id: int, jaren: list[int]) -> None:
    """Rebuild the spend summary (boekjaar × crediteur × kostenplaats) for these years, in SQL."""
    with connection.cursor() as c:
        for jaar in jaren:
            c.execute("DELETE FROM uitgaven_jaaromzet WHERE organisatie_id = %s AND boekjaar = %s",
                      [organisatie_id, jaar])
            c.execute(
                "INSERT INTO uitgaven_jaaromzet (organisatie_id, boekjaar, crediteur_id, kostenplaats_id, "
                "bedrag, regels) SELECT organisatie_id, boekjaar, crediteur_id, kostenplaats_id, SUM(bedrag), "
                "COUNT(*) FROM uitgaven_factuurregel WHERE organisatie_id = %s AND boekjaar = %s "
                "GROUP BY organisatie_id, boekjaar, crediteur_id, kostenplaats_id", [organisatie_id, jaar])
