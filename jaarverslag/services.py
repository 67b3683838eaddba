"""Write operations of the jaarverslag app: narrative texts, generating and publishing versions."""

from __future__ import annotations

import hashlib
import json
import logging
import time

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from inkoop import werk
from inkoop.wachtrij import in_wachtrij, na_commit

from .models import Hoofdstuk, Instelling, Rapportversie, Verhaaltekst

logger = logging.getLogger(__name__)

MAX_TEKST = 20_000


def verhaaltekst_opslaan(*, organisatie, jaar: int, hoofdstuk: str, tekst: str, door) -> Verhaaltekst:
    """Store the narrative of one chapter (Markdown; sanitised when rendered)."""
    if hoofdstuk not in Hoofdstuk.values:
        raise ValidationError({"hoofdstuk": f"‘{hoofdstuk}’ is geen hoofdstuk van het jaarverslag."})
    tekst = (tekst or "").replace("\r\n", "\n").strip()
    if len(tekst) > MAX_TEKST:
        raise ValidationError({"tekst": f"De tekst is {len(tekst)} tekens; maximaal {MAX_TEKST} tekens."})
    obj, _ = Verhaaltekst.objects.update_or_create(
        organisatie=organisatie, jaar=jaar, hoofdstuk=hoofdstuk,
        defaults={"tekst": tekst, "gewijzigd_door": door})
    return obj


def tijdig_weken_instellen(*, organisatie, weken: int) -> Instelling:
    if not 0 <= weken <= 52:
        raise ValidationError({"tijdig_weken": "Kies een aantal weken van 0 tot en met 52."})
    obj, _ = Instelling.objects.update_or_create(organisatie=organisatie, defaults={"tijdig_weken": weken})
    return obj


def versie_genereren_starten(*, organisatie, jaar: int, door) -> Rapportversie:
    """Create a concept version and queue its generation once this transaction commits."""
    from .tasks import rapport_genereren

    versie = Rapportversie.objects.create(organisatie=organisatie, jaar=jaar, gestart_door=door,
                                          stap="In de wachtrij")
    na_commit(rapport_genereren, versie.pk)
    return versie


class OpnieuwNietMogelijk(Exception):
    pass


def versie_opnieuw(*, versie: Rapportversie, door) -> Rapportversie:
    """Queue a failed concept version again (its worker died, or the generation failed).

    One conditional UPDATE from "mislukt" to "wachtend": two quick clicks queue it once. The
    start time is reset, so the sweep measures a new wait and not the failed attempt.
    """
    from .tasks import rapport_genereren

    if not Rapportversie.objects.filter(pk=versie.pk, status=Rapportversie.Status.MISLUKT,
                                        nummer__isnull=True).update(
            status=Rapportversie.Status.WACHTEND, voortgang=0, stap="In de wachtrij", fout="", klaar_op=None,
            seconden=None, gestart_op=timezone.now(), gestart_door=door):
        raise OpnieuwNietMogelijk("Alleen een mislukte conceptversie kan opnieuw worden gemaakt.")
    na_commit(rapport_genereren, versie.pk)
    versie.refresh_from_db()
    return versie


def _voortgang(versie_id: int, pct: int, stap: str, **velden):
    # A plain UPDATE in autocommit mode: the progress row is visible to the polling page at once.
    Rapportversie.objects.filter(pk=versie_id).update(voortgang=pct, stap=stap, **velden)


def sha256(inhoud: bytes) -> str:
    return hashlib.sha256(inhoud).hexdigest()


def versie_genereren_uitvoeren(*, versie_id: int) -> Rapportversie | None:
    """Compute figures, charts, PDF, JSON and XLSX of a concept version and store them.

    Safe to run twice: a version that is already done (or published) is left alone, and the
    process that generates it holds its lock (inkoop/werk.py), so a redelivered task picks up a
    version whose worker died, but never one that is still being made.
    """
    if not werk.neem(werk.RAPPORTVERSIE, versie_id):
        return Rapportversie.objects.filter(pk=versie_id).first()
    try:
        return _genereren(versie_id)
    finally:
        werk.geef_vrij(werk.RAPPORTVERSIE, versie_id)


def _genereren(versie_id: int) -> Rapportversie | None:
    from .rapport import context, render_html_pdf
    from .selectors import jaarverslag_gegevens
    from .xlsx import als_xlsx

    with transaction.atomic():
        versie = (Rapportversie.objects.select_for_update().select_related("organisatie")
                  .filter(pk=versie_id).first())
        if versie is None or versie.status in (Rapportversie.Status.KLAAR,) or versie.gepubliceerd:
            return versie
        versie.status = Rapportversie.Status.BEZIG
        versie.save(update_fields=["status"])
    begin = time.perf_counter()
    org, jaar = versie.organisatie, versie.jaar
    try:
        _voortgang(versie.pk, 10, "Cijfers berekenen")
        gegevens = jaarverslag_gegevens(organisatie=org, jaar=jaar)
        _voortgang(versie.pk, 30, "Grafieken tekenen")
        ctx = context(organisatie=org, jaar=jaar, gegevens=gegevens, versie=f"concept {versie.pk}")
        _voortgang(versie.pk, 50, "PDF opmaken")
        from inkoop.pdf import html_naar_pdf_met_paginas

        pdf, paginas = html_naar_pdf_met_paginas(render_html_pdf(ctx))
        _voortgang(versie.pk, 85, "JSON en XLSX maken")
        json_bytes = _json_bytes(gegevens)
        xlsx_bytes = als_xlsx(gegevens)
        _voortgang(versie.pk, 95, "Bestanden opslaan")
        naam = f"inkoopjaarverslag-{jaar}-concept-{versie.pk}"
        with transaction.atomic():
            versie = Rapportversie.objects.select_for_update().get(pk=versie.pk)
            versie.pdf.save(f"{naam}.pdf", ContentFile(pdf), save=False)
            versie.json.save(f"{naam}.json", ContentFile(json_bytes), save=False)
            versie.xlsx.save(f"{naam}.xlsx", ContentFile(xlsx_bytes), save=False)
            versie.sha256_pdf, versie.sha256_json, versie.sha256_xlsx = sha256(pdf), sha256(json_bytes), sha256(xlsx_bytes)
            versie.paginas = paginas
            versie.status = Rapportversie.Status.KLAAR
            versie.voortgang, versie.stap = 100, "Klaar"
            versie.klaar_op = timezone.now()
            versie.seconden = round(time.perf_counter() - begin, 2)
            versie.save()
        return versie
    except Exception as exc:
        # The failure is shown on the page (the progress row); the traceback goes to the log.
        logger.exception("Genereren van jaarverslagversie %s mislukt", versie.pk)
        werk.herstel_verbinding()
        _voortgang(versie.pk, 100, "Mislukt", status=Rapportversie.Status.MISLUKT,
                   fout=f"{type(exc).__name__}: {exc}"[:2000], klaar_op=timezone.now())
        return Rapportversie.objects.get(pk=versie.pk)


def rapportversies_nakijken(*, wachttijd_minuten: int = 5) -> dict:
    """The periodic sweep: a version whose worker died is marked failed with the reason (a new
    version can be generated); a version still waiting long after it was queued (broker away at
    that moment) is queued again."""
    from .tasks import rapport_genereren

    afgebroken = opnieuw = 0
    bezig = Rapportversie.objects.filter(status=Rapportversie.Status.BEZIG).values_list("pk", "gestart_op")
    for pk, gestart_op in bezig:
        if werk.verlaten(werk.RAPPORTVERSIE, pk, gestart_op):
            afgebroken += Rapportversie.objects.filter(pk=pk, status=Rapportversie.Status.BEZIG).update(
                status=Rapportversie.Status.MISLUKT, voortgang=100, stap="Mislukt", fout=werk.AFGEBROKEN,
                klaar_op=timezone.now())
    grens = timezone.now() - timezone.timedelta(minutes=wachttijd_minuten)
    for pk in Rapportversie.objects.filter(status=Rapportversie.Status.WACHTEND, gestart_op__lt=grens).values_list(
            "pk", flat=True):
        opnieuw += in_wachtrij(rapport_genereren, pk)
    return {"afgebroken": afgebroken, "opnieuw": opnieuw}


def _json_bytes(gegevens) -> bytes:
    from .selectors import als_json

    return (json.dumps(als_json(gegevens), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


class PublicerenNietMogelijk(ValueError):
    """Raised with a Dutch sentence when a version cannot be published."""


def _controleer_bestand(veld, verwacht: str, soort: str):
    veld.open("rb")
    try:
        inhoud = veld.read()
    finally:
        veld.close()
    if sha256(inhoud) != verwacht:
        raise PublicerenNietMogelijk(f"Het opgeslagen {soort}-bestand is gewijzigd sinds het werd gemaakt; "
                                     "genereer een nieuwe versie.")


@transaction.atomic
def versie_publiceren(*, versie: Rapportversie, door) -> Rapportversie:
    """Freeze a finished concept: give it the next version number of its year, with who and when.

    The stored PDF, JSON and XLSX are checked against their SHA-256 first, and the figures are
    computed again: only when they are exactly the reviewed ones (the same JSON) is the PDF set
    anew without the concept's working state and without CONCEPT on its pages.
    """
    versie = Rapportversie.objects.select_for_update().get(pk=versie.pk)
    if versie.gepubliceerd:
        raise PublicerenNietMogelijk(f"Versie {versie.nummer} is al gepubliceerd.")
    if versie.status != Rapportversie.Status.KLAAR or not versie.pdf:
        raise PublicerenNietMogelijk("Alleen een volledig gegenereerde versie kan worden gepubliceerd.")
    _controleer_bestand(versie.pdf, versie.sha256_pdf, "PDF")
    _controleer_bestand(versie.json, versie.sha256_json, "JSON")
    if versie.xlsx:
        _controleer_bestand(versie.xlsx, versie.sha256_xlsx, "XLSX")
    from .rapport import context, render_html_pdf
    from .selectors import jaarverslag_gegevens

    gegevens = jaarverslag_gegevens(organisatie=versie.organisatie, jaar=versie.jaar)
    if sha256(_json_bytes(gegevens)) != versie.sha256_json:
        raise PublicerenNietMogelijk("De cijfers zijn gewijzigd sinds dit concept is gemaakt; genereer een nieuw "
                                     "concept en publiceer dat.")
    hoogste = (Rapportversie.objects.select_for_update()
               .filter(organisatie=versie.organisatie, jaar=versie.jaar).aggregate(n=Max("nummer"))["n"]) or 0
    versie.nummer = hoogste + 1
    from inkoop.pdf import html_naar_pdf_met_paginas

    ctx = context(organisatie=versie.organisatie, jaar=versie.jaar, gegevens=gegevens,
                  versie=f"versie {versie.nummer}", concept=False)
    pdf, versie.paginas = html_naar_pdf_met_paginas(render_html_pdf(ctx))
    versie.pdf.save(f"inkoopjaarverslag-{versie.jaar}-versie-{versie.nummer}.pdf", ContentFile(pdf), save=False)
    versie.sha256_pdf = sha256(pdf)
    versie.gepubliceerd_door = door
    versie.gepubliceerd_op = timezone.now()
    versie.save(update_fields=["nummer", "gepubliceerd_door", "gepubliceerd_op", "pdf", "sha256_pdf", "paginas"])
    return versie
