from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.cache import patch_cache_control

from .models import Lidmaatschap

SESSIE_SLEUTEL = "organisatie_id"


class OrganisatieMiddleware:
    """Sets request.organisatie and the user's role in it, from the session's chosen organisation.

    Every view filters its records on request.organisatie, so a record of another organisation
    is simply not found (404), also when its id is guessed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.organisatie = None
        user = request.user
        if user.is_authenticated:
            leden = list(Lidmaatschap.objects.filter(gebruiker=user).select_related("organisatie"))
            gekozen = request.session.get(SESSIE_SLEUTEL)
            lid = next((m for m in leden if m.organisatie_id == gekozen), None)
            if lid is None and leden:
                lid = min(leden, key=lambda m: m.organisatie.naam)
            user.lidmaatschap = lid
            user.organisatie = lid.organisatie if lid else None
            user.lidmaatschappen_cache = leden
            request.organisatie = user.organisatie
        return self.get_response(request)


class InvoerEnCacheMiddleware:
    """Two guards for every request that passes the authentication middleware.

    - A NUL byte in a query parameter or a form field (urlencoded or multipart) is refused with 400 and a
      Dutch sentence before any view sees it: PostgreSQL cannot store or compare text with NUL,
      so it would otherwise surface as a server error in whatever query used the value.
    - Pages and downloads for a signed-in user are personal and often confidential (spend,
      suppliers, advice letters): `Cache-Control: private, no-store`, so neither a shared proxy
      nor the browser's disk cache keeps them after logout.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        velden = list(request.GET.lists())
        if request.method == "POST" and request.content_type == "application/x-www-form-urlencoded":
            velden += list(request.POST.lists())
        weigering = self._nul_weigering(request, velden)
        if weigering is not None:
            return weigering
        antwoord = self.get_response(request)
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            patch_cache_control(antwoord, private=True, no_store=True)
        return antwoord

    def process_view(self, request, view_func, view_args, view_kwargs):
        # A multipart form (one with a file field) is parsed only once the view is known: the
        # upload handler reads the view's size limit from request.resolver_match (inkoop/uploads.py).
        # CsrfViewMiddleware, before this one, has parsed it by now anyway. A csrf_exempt view sets
        # its own upload limit first and parses the body itself (the import; the API, whose
        # serializers refuse NUL), so its body is left unread here.
        if (request.method == "POST" and request.content_type == "multipart/form-data"
                and not getattr(view_func, "csrf_exempt", False)):
            return self._nul_weigering(request, list(request.POST.lists()))
        return None

    @staticmethod
    def _nul_weigering(request, velden):
        for naam, waarden in velden:
            if "\x00" in naam or any("\x00" in w for w in waarden):
                veld = naam.replace(chr(0), "")[:50]
                melding = f"Het verzoek bevat een ongeldig teken (NUL) in ‘{veld}’."
                if request.path.startswith("/api/"):
                    # The API answers every error as JSON with a message per field (interfaces §9).
                    return JsonResponse({"fout": "ongeldige_invoer", "melding": melding,
                                         "velden": {veld: [melding]}}, status=400)
                return HttpResponseBadRequest(melding.encode(), content_type="text/plain; charset=utf-8")
        return None
