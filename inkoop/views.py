from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .middleware import SESSIE_SLEUTEL
from .models import Lidmaatschap
from .permissies import vereist
from .selectors import startpagina_gegevens


@login_required
def start(request):
    return render(request, "inkoop/start.html", startpagina_gegevens(gebruiker=request.user))


@require_POST
@login_required
def organisatie_wisselen(request):
    try:
        org_id = int(request.POST.get("organisatie", ""))
    except ValueError:
        return HttpResponseBadRequest(_("Kies een organisatie."))
    if not 0 < org_id < 2**63:  # beyond the id column: no such organisation
        return HttpResponseBadRequest(_("U bent geen lid van die organisatie."))
    lid = Lidmaatschap.objects.filter(gebruiker=request.user, organisatie_id=org_id).first()
    if lid is None:
        return HttpResponseBadRequest(_("U bent geen lid van die organisatie."))
    request.session[SESSIE_SLEUTEL] = org_id
    messages.success(request, _("U werkt nu voor %(org)s als %(rol)s.")
                     % {"org": lid.organisatie, "rol": lid.get_rol_display().lower()})
    terug = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(terug, allowed_hosts={request.get_host()}):
        terug = "start"
    return redirect(terug)


@vereist("inkoop.gebruikers_beheren")
def gebruikers(request):
    leden = (Lidmaatschap.objects.filter(organisatie=request.organisatie)
             .select_related("gebruiker").order_by("rol", "gebruiker__username"))
    return render(request, "inkoop/gebruikers.html", {"leden": leden})


@never_cache
def gezondheid(request):
    """Health check for the load balancer: database, and the broker and a worker when a broker is
    configured."""
    status = {"database": "ok"}
    code, waarschuwing = 200, False
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:  # noqa: BLE001 - a health check reports any failure
        status["database"] = f"fout: {exc.__class__.__name__}"
        code = 503
    if settings.CELERY_BROKER_URL:
        from inkoop.celery import app

        try:
            with app.connection_for_write() as conn:
                conn.ensure_connection(max_retries=1, timeout=2)
            status["broker"] = "ok"
        except Exception as exc:  # noqa: BLE001
            status["broker"] = f"fout: {exc.__class__.__name__}"
            code = 503
        else:
            # Without a worker nothing is lost (the sweeps pick the work up once one runs), but
            # advice, e-mail, imports and reports wait: report it, and let monitoring alert on it.
            # The web itself still serves, so the status code stays 200 for the load balancer.
            antwoorden = app.control.ping(timeout=1.0)
            if antwoorden:
                status["worker"] = f"ok ({len(antwoorden)})"
            else:
                status["worker"] = "fout: geen worker antwoordt; achtergrondtaken wachten"
                waarschuwing = True
    status["status"] = "fout" if code != 200 else ("waarschuwing" if waarschuwing else "ok")
    return JsonResponse(status, status=code)
