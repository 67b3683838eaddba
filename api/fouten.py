"""Errors as JSON with a Dutch message, and per field where a field is wrong (interfaces.md §9).

Shape: `{"fout": "<code>", "melding": "<Dutch sentence>", "velden": {"<veld>": ["<reden>"]}}`, the
same `fout`/`velden` keys as the `advies` command's invalid-input answer (§1). Errors that are not
about one field are listed under `algemeen`.
"""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.views import exception_handler

ALGEMEEN = "algemeen"

CODES = {
    400: "ongeldige_invoer",
    401: "niet_aangemeld",
    403: "geen_toegang",
    404: "niet_gevonden",
    405: "methode_niet_toegestaan",
    406: "niet_aanvaardbaar",
    409: "conflict",
    412: "gewijzigd",
    415: "mediatype_niet_ondersteund",
    422: "niet_verwerkbaar",
    428: "if_match_vereist",
    429: "te_veel_verzoeken",
}


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("Dit kan niet in de huidige toestand van het record.")
    default_code = "conflict"


class Gewijzigd(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = _("Het record is gewijzigd sinds u het las (If-Match past niet bij de ETag). "
                       "Haal het opnieuw op en probeer het dan nog eens.")
    default_code = "gewijzigd"


class IfMatchVereist(exceptions.APIException):
    status_code = 428
    default_detail = _("Stuur de kop If-Match met de ETag van het record zoals u het las, zodat "
                       "u niet ongemerkt de wijziging van een ander overschrijft.")
    default_code = "if_match_vereist"


class NietVerwerkbaar(exceptions.APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = _("De invoer is geldig, maar kan niet worden verwerkt.")
    default_code = "niet_verwerkbaar"


def _velden(detail) -> dict[str, list[str]]:
    if isinstance(detail, dict):
        uit = {}
        for veld, fouten in detail.items():
            naam = ALGEMEEN if veld in ("non_field_errors", "__all__") else str(veld)
            uit.setdefault(naam, []).extend(_platte_lijst(fouten))
        return uit
    return {ALGEMEEN: _platte_lijst(detail)}


def _platte_lijst(fouten) -> list[str]:
    if isinstance(fouten, dict):
        # A nested object or a list item: "sleutel: reden".
        return [f"{k}: {t}" for k, v in fouten.items() for t in _platte_lijst(v)]
    if isinstance(fouten, (list, tuple)):
        return [t for f in fouten for t in _platte_lijst(f)]
    return [str(fouten)]


def ongeldig(velden: dict[str, list[str]], melding: str | None = None) -> exceptions.ValidationError:
    fout = exceptions.ValidationError({k: [str(t) for t in v] for k, v in velden.items()})
    fout.melding = melding
    return fout


def api_fouten(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else
                                         {ALGEMEEN: exc.messages})
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound(_("Niet gevonden (of niet van uw organisatie)."))
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    antwoord = exception_handler(exc, context)
    if antwoord is None:
        return None
    code = CODES.get(antwoord.status_code, "fout")
    if isinstance(exc, exceptions.ValidationError):
        velden = _velden(exc.detail)
        melding = getattr(exc, "melding", None) or _("De invoer is niet in orde: zie ‘velden’.")
        antwoord.data = {"fout": code, "melding": str(melding), "velden": velden}
    else:
        detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
        antwoord.data = {"fout": code, "melding": " ".join(_platte_lijst(detail))}
    return antwoord


def niet_gevonden(request, exception=None):
    """404 for a URL that matches no route: JSON under /api/ (a client parses every answer the same
    way), the site's own page elsewhere."""
    from django.http import JsonResponse
    from django.views.defaults import page_not_found

    if request.path.startswith("/api/"):
        return JsonResponse({"fout": CODES[404], "melding": str(_("Deze URL bestaat niet in de API."))}, status=404)
    return page_not_found(request, exception)
