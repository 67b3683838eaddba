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
