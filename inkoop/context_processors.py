from django.urls import NoReverseMatch, reverse

from .navigatie import MENU


def navigatie(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"menu": []}
    items = []
    for label, naam, perm in MENU:
        if not user.has_perm(perm):
            continue
        try:
            url = reverse(naam)
        except NoReverseMatch:
            # Pages of apps still being built; tests/inkoop/test_navigatie.py keeps this honest.
            continue
        items.append({"label": label, "url": url, "actief": request.path.startswith(url) and url != "/"
                      or request.path == url})
    return {
        "menu": items,
        "lidmaatschappen": getattr(user, "lidmaatschappen_cache", []),
    }
