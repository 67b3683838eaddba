"""Write operations of the uitgaven app (services write, selectors read)."""

from __future__ import annotations

import re
import shutil
import uuid
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.text import get_valid_filename

from inkoop import cijfercache, werk
from inkoop.wachtrij import in_wachtrij, na_commit

from .models import Crediteur, Importrun, Inkooppakket, Regio, RegioKlasse

MAX_POGINGEN = 3  # deliveries of one import task whose worker died, before the run fails for good
NL_POSTCODE = re.compile(r"\s*([1-9][0-9]{3})\s*([A-Za-z]{2})?\s*")


def regio_bepalen(*, postcode: str, land: str, plaats: str = "", bereiken) -> str:
    """The region of an address, as the yearly report groups suppliers (seed §3):

    - a land other than NL: Buitenland;
    - a Dutch postcode (four digits, optionally two letters) whose four digits fall in a range of
      the organisation's regio table: that range's name ("Lokaal", "Regio Twente");
    - any other Dutch postcode: Niet regionaal;
    - no usable address (no postcode, or not a Dutch one): Onbekend.

    `bereiken` is a list of (postcode_van, postcode_tot, naam).
    """
    land = (land or "").strip().upper()
    if land and land != "NL":
        return RegioKlasse.BUITENLAND
    m = NL_POSTCODE.fullmatch(postcode or "")
    if not m:
        return RegioKlasse.ONBEKEND
    cijfers = int(m[1])
    for van, tot, naam in bereiken:
        if van <= cijfers <= tot:
            return naam
    return RegioKlasse.NIET_REGIONAAL


def regio_bijwerken(*, organisatie) -> int:
    """Derive the region of every crediteur again (after the regio table changed)."""
    bereiken = list(Regio.objects.filter(organisatie=organisatie).values_list("postcode_van", "postcode_tot",
                                                                              "naam"))
    gewijzigd = []
    for c in Crediteur.objects.filter(organisatie=organisatie).only("pk", "postcode", "land", "plaats", "regio"):
        regio = regio_bepalen(postcode=c.postcode, land=c.land, plaats=c.plaats, bereiken=bereiken)
        if regio != c.regio:
            c.regio = regio
            gewijzigd.append(c)
    Crediteur.objects.bulk_update(gewijzigd, ["regio"], batch_size=1000)
    if gewijzigd:
        cijfercache.versie_ophogen(organisatie_id=organisatie.pk)
    return len(gewijzigd)


@transaction.atomic
def crediteuren_classificeren(*, organisatie, crediteur_ids, pakket: Inkooppakket | None) -> int:
    """Link crediteuren to an inkooppakket (or to none: "nog niet beoordeeld").

    The choice is marked as made by hand, so a later import keeps it (interfaces.md §2).
    """
    if pakket is not None and pakket.organisatie_id != organisatie.pk:
        raise ValueError("Inkooppakket van een andere organisatie")
    n = (Crediteur.objects.filter(organisatie=organisatie, pk__in=list(crediteur_ids))
         .update(inkooppakket=pakket, classificatie_handmatig=True))
    cijfercache.versie_ophogen(organisatie_id=organisatie.pk)
    return n


def pakket_soort_wijzigen(*, pakket: Inkooppakket, soort: str) -> bool:
    """Set whether spend in a pakket counts as levering, dienst or werk (the band that applies)."""
    if pakket.soort == soort:
        return False
    pakket.soort = soort
    pakket.save(update_fields=["soort"])
    cijfercache.versie_ophogen(organisatie_id=pakket.organisatie_id)
    return True


# -- Import from the web: upload, check (dry run), then import --------------------------------

def _uploadmap(organisatie) -> Path:
    return Path(settings.MEDIA_ROOT) / "uitgaven" / "import" / str(organisatie.pk) / uuid.uuid4().hex


def import_voorbereiden(*, organisatie, door, bestanden, overschrijf_classificatie: bool = False,
                        proefrun: bool = True) -> Importrun:
    """Store uploaded files and queue a run of them; returns the (waiting) run.

    The web page checks first (a dry run) and imports after confirmation; the API may import at
    once (`proefrun=False`), as the command line does."""
    from .tasks import import_uitvoeren

    map_ = _uploadmap(organisatie)
    map_.mkdir(parents=True, exist_ok=True)
    lijst = []
    for i, f in enumerate(bestanden):
        naam = Path(f.name).name or f"bestand-{i + 1}"
        doel = map_ / f"{i + 1:02d}-{get_valid_filename(naam) or 'bestand'}"
        with open(doel, "wb") as uit:
            for blok in f.chunks():
                uit.write(blok)
        lijst.append({"naam": naam, "pad": str(doel.relative_to(settings.MEDIA_ROOT)), "grootte": f.size})
    run = Importrun.objects.create(organisatie=organisatie, gestart_door=door, proefrun=proefrun,
                                   overschrijf_classificatie=overschrijf_classificatie, bestanden=lijst)
    na_commit(import_uitvoeren, run.pk)
    return run


def import_bevestigen(*, controle: Importrun, door) -> Importrun:
    """Import the files of a successful dry run for real; returns the new (waiting) run."""
    from .tasks import import_uitvoeren

    if controle.status != Importrun.Status.GECONTROLEERD or not controle.proefrun:
        raise ValueError("Alleen een geslaagde controle kan worden geïmporteerd.")
    # A failed import stored nothing (all or nothing), so the same files may be confirmed again.
    if controle.imports.exclude(status=Importrun.Status.MISLUKT).exists():
        raise ValueError("Deze bestanden zijn al geïmporteerd.")
    if not all((Path(settings.MEDIA_ROOT) / b["pad"]).is_file() for b in controle.bestanden if b.get("pad")):
        raise ValueError("De gecontroleerde bestanden zijn niet meer bewaard; upload ze opnieuw.")
    run = Importrun.objects.create(
        organisatie=controle.organisatie, gestart_door=door, proefrun=False, controle=controle,
        overschrijf_classificatie=controle.overschrijf_classificatie,
        bestanden=[{"naam": b["naam"], "pad": b["pad"], "grootte": b.get("grootte", 0)}
                   for b in controle.bestanden])
    na_commit(import_uitvoeren, run.pk)
    return run


def import_opnieuw(*, importrun: Importrun, door) -> Importrun:
    """Queue an interrupted run again with the same stored files (a check, or the import of a check)."""
    from .tasks import import_uitvoeren

    if importrun.status != Importrun.Status.MISLUKT or not importrun.aantallen.get("afgebroken"):
        raise ValueError("Alleen een afgebroken verwerking kan opnieuw worden geprobeerd.")
    if importrun.controle_id and importrun.controle.imports.exclude(status=Importrun.Status.MISLUKT).exists():
        raise ValueError("Deze bestanden zijn al geïmporteerd.")
    bestanden = [{"naam": b["naam"], "pad": b["pad"], "grootte": b.get("grootte", 0)}
                 for b in importrun.bestanden if b.get("pad")]
    if not bestanden or not all((Path(settings.MEDIA_ROOT) / b["pad"]).is_file() for b in bestanden):
        raise ValueError("De bestanden van deze verwerking zijn niet meer bewaard; upload ze opnieuw.")
    run = Importrun.objects.create(
        organisatie=importrun.organisatie, gestart_door=door, proefrun=importrun.proefrun,
        controle=importrun.controle, overschrijf_classificatie=importrun.overschrijf_classificatie,
        bestanden=bestanden)
    na_commit(import_uitvoeren, run.pk)
    return run


def import_uitvoeren_service(*, importrun_id: int) -> bool:
    """Run a queued import (the Celery task calls this). Safe to run twice: the process that works
    on a run holds its lock (inkoop/werk.py), and only a waiting run, or a busy one whose process
    died (a redelivered task), is claimed, with a single conditional UPDATE."""
    from .importeren import uitgaven_importeren

    if not werk.neem(werk.IMPORTRUN, importrun_id):
        return False  # another process is working on this run
    try:
        claimbaar = [Importrun.Status.WACHTEND] + ([Importrun.Status.BEZIG] if werk.kan_sloten() else [])
        eerder = Importrun.objects.filter(pk=importrun_id).values("status", "aantallen").first()
        if eerder and eerder["status"] == Importrun.Status.BEZIG and werk.kan_sloten():
            # A redelivered task: the worker that ran it died. A file that kills every worker
            # that reads it must not do so forever: after MAX_POGINGEN the run fails for good.
            pogingen = (eerder["aantallen"] or {}).get("pogingen", 1) + 1
            if pogingen > MAX_POGINGEN:
                importrun_afgebroken(importrun_id=importrun_id,
                                     reden=f"{werk.AFGEBROKEN} (afgebroken na {MAX_POGINGEN} pogingen)")
                return False
            Importrun.objects.filter(pk=importrun_id).update(aantallen={"pogingen": pogingen})
        if not Importrun.objects.filter(pk=importrun_id, status__in=claimbaar).update(
                status=Importrun.Status.BEZIG, stap="Gestart"):
            return False
        run = Importrun.objects.select_related("organisatie", "gestart_door").get(pk=importrun_id)
        paden = [(Path(settings.MEDIA_ROOT) / b["pad"], b["naam"]) for b in run.bestanden if b.get("pad")]
        try:
            resultaat = uitgaven_importeren(organisatie=run.organisatie, paden=paden, door=run.gestart_door,
                                            proefrun=run.proefrun,
                                            overschrijf_classificatie=run.overschrijf_classificatie,
                                            importrun=run)
        except Exception as exc:
            # Nothing was stored (all or nothing). When the connection broke (database restarted,
            # session terminated) the run could not record its failure itself: do it on a fresh
            # connection, so that it does not stay "bezig". Then fail the task as it failed.
            werk.herstel_verbinding()
            importrun_afgebroken(importrun_id=importrun_id, reden=f"{werk.AFGEBROKEN} ({exc.__class__.__name__})")
            raise
        run.refresh_from_db()
        # The uploaded files are kept until they are imported (a check is followed by an import of
        # the same files, and a failed import may be retried); after a successful import, or a
        # check that found errors, only their checksums stay on record.
        if resultaat.geslaagd != resultaat.proefrun:
            uploads_opruimen(importrun=run)
        return True
    finally:
        werk.geef_vrij(werk.IMPORTRUN, importrun_id)


def importrun_afgebroken(*, importrun_id: int, reden: str) -> bool:
    """Mark a busy run whose work died as failed, with the reason (nothing was stored)."""
    from django.utils import timezone

    return bool(Importrun.objects.filter(pk=importrun_id, status=Importrun.Status.BEZIG).update(
        status=Importrun.Status.MISLUKT, fouten=[reden], aantallen={"fouten": 1, "afgebroken": True},
        klaar_op=timezone.now(), stap=""))


def importruns_nakijken(*, wachttijd_minuten: int = 5) -> dict:
    """The periodic sweep: a busy run whose process died is marked failed (it can be retried);
    a run still waiting long after it was queued (broker away at that moment) is queued again."""
    from django.utils import timezone

    from .tasks import import_uitvoeren

    afgebroken = opnieuw = 0
    for pk, gestart_op in Importrun.objects.filter(status=Importrun.Status.BEZIG).values_list("pk", "gestart_op"):
        if werk.verlaten(werk.IMPORTRUN, pk, gestart_op):
            afgebroken += importrun_afgebroken(importrun_id=pk, reden=werk.AFGEBROKEN)
    grens = timezone.now() - timezone.timedelta(minutes=wachttijd_minuten)
    for pk in Importrun.objects.filter(status=Importrun.Status.WACHTEND, gestart_op__lt=grens).values_list(
            "pk", flat=True):
        opnieuw += in_wachtrij(import_uitvoeren, pk)
    return {"afgebroken": afgebroken, "opnieuw": opnieuw}


def uploads_opruimen(*, importrun: Importrun) -> None:
    """Remove the stored upload of a run (after a successful import its checksum stays on record)."""
    paden = {Path(b["pad"]).parent for b in importrun.bestanden if b.get("pad")}
    for p in paden:
        shutil.rmtree(Path(settings.MEDIA_ROOT) / p, ignore_errors=True)
