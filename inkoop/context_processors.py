from django.conf import settings
from django.urls import NoReverseMatch, reverse

from .navigatie import MENU


def _actief(pad: str, url: str) -> bool:
    return pad == url if url == "/" else pad.startswith(url)


def navigatie(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"menu": [], "oidc_enabled": settings.OIDC_ENABLED}
    groepen = []
    for groep, items in MENU:
        zichtbaar = []
        for label, naam, perm in items:
            if not user.has_perm(perm):
                continue
            try:
                url = reverse(naam)
            except NoReverseMatch:
                # Pages of apps still being built; tests/inkoop/test_navigatie.py keeps this honest.
                continue
            zichtbaar.append({"label": label, "url": url, "actief": _actief(request.path, url)})
        if zichtbaar:
            groepen.append({"label": groep, "items": zichtbaar,
                            "actief": any(i["actief"] for i in zichtbaar)})
    return {
        "menu": groepen,
        "lidmaatschappen": getattr(user, "lidmaatschappen_cache", []),
    }
