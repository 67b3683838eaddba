from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import services
from .forms import LidmaatschapForm, OrganisatieForm, UitnodigingForm
from .middleware import SESSIE_SLEUTEL
from .models import Lidmaatschap
from .permissies import vereist
from .selectors import rolhistorie, startpagina_gegevens


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
             .select_related("gebruiker").order_by("rol", "gebruiker__last_name", "gebruiker__username"))
    return render(request, "inkoop/gebruikers.html", {"leden": leden})


@vereist("inkoop.gebruikers_beheren")
def gebruiker_uitnodigen(request):
    form = UitnodigingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            lid = services.collega_uitnodigen(organisatie=request.organisatie, door=request.user,
                                              **form.cleaned_data)
        except services.GebruikersbeheerFout as fout:
            form.add_error("email", str(fout))
        else:
            if lid.gebruiker.has_usable_password():
                messages.success(request, _("%(naam)s heeft nu de rol %(rol)s.")
                                 % {"naam": lid.gebruiker, "rol": lid.get_rol_display().lower()})
            else:
                messages.success(request, _("Uitnodiging verstuurd naar %(email)s.") % {"email": lid.gebruiker.email})
            return redirect("gebruikers")
    return render(request, "inkoop/gebruiker_uitnodigen.html",
                  {"form": form, "geldig_uren": settings.PASSWORD_RESET_TIMEOUT // 3600})


def _lid(request, pk):
    return get_object_or_404(Lidmaatschap.objects.select_related("gebruiker", "organisatie"),
                             pk=pk, organisatie=request.organisatie)


@vereist("inkoop.gebruikers_beheren")
def gebruiker_wijzigen(request, pk):
    lid = _lid(request, pk)
    form = LidmaatschapForm(request.POST or None, instance=Lidmaatschap(rol=lid.rol, afdeling=lid.afdeling))
    if request.method == "POST" and form.is_valid():
        try:
            services.lidmaatschap_wijzigen(lidmaatschap=lid, door=request.user, **form.cleaned_data)
        except services.GebruikersbeheerFout as fout:
            form.add_error("rol", str(fout))
        else:
            messages.success(request, _("De rol van %(naam)s is opgeslagen.") % {"naam": lid.gebruiker})
            return redirect("gebruikers")
    return render(request, "inkoop/gebruiker_wijzigen.html", {"form": form, "lid": lid})


@require_POST
@vereist("inkoop.gebruikers_beheren")
def gebruiker_deactiveren(request, pk):
    lid = _lid(request, pk)
    try:
        services.lidmaatschap_beeindigen(lidmaatschap=lid, door=request.user)
    except services.GebruikersbeheerFout as fout:
        messages.error(request, str(fout))
        return redirect("gebruiker_wijzigen", pk=pk)
    messages.success(request, _("%(naam)s heeft geen toegang meer tot %(org)s.")
                     % {"naam": lid.gebruiker, "org": request.organisatie})
    if lid.gebruiker_id == request.user.pk:
        return redirect("start")
    return redirect("gebruikers")


@require_POST
@vereist("inkoop.gebruikers_beheren")
def gebruiker_opnieuw_uitnodigen(request, pk):
    lid = _lid(request, pk)
    if lid.gebruiker.has_usable_password():
        messages.info(request, _("%(naam)s heeft al een wachtwoord gekozen.") % {"naam": lid.gebruiker})
    else:
        services.uitnodiging_versturen(lidmaatschap=lid)
        messages.success(request, _("Uitnodiging opnieuw verstuurd naar %(email)s.") % {"email": lid.gebruiker.email})
    return redirect("gebruikers")


@vereist("inkoop.gebruikers_beheren")
def gebruikers_historie(request):
    return render(request, "inkoop/gebruikers_historie.html",
                  {"wijzigingen": rolhistorie(organisatie=request.organisatie)})


@vereist("inkoop.gebruikers_beheren")
def organisatie_instellingen(request):
    org = request.organisatie
    form = OrganisatieForm(request.POST or None, request.FILES or None, instance=org)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("De gegevens van de organisatie zijn opgeslagen."))
        return redirect("organisatie_instellingen")
    return render(request, "inkoop/organisatie_instellingen.html", {"form": form, "org": org})


class UitnodigingAccepterenView(auth_views.PasswordResetConfirmView):
    """The invitation link: choose a password (Django's reset token: one use, time-limited)."""

    template_name = "registration/uitnodiging_accepteren.html"
    success_url = reverse_lazy("login")
    post_reset_login = False

    def form_valid(self, form):
        antwoord = super().form_valid(form)
        messages.success(self.request, _("Uw wachtwoord is ingesteld. U kunt nu inloggen met gebruikersnaam %(naam)s.")
                         % {"naam": self.user.username})
        return antwoord


def csrf_fout(request, reason=""):
    """CSRF failure (settings.CSRF_FAILURE_VIEW): a Dutch page with a way back to the form."""
    terug = request.META.get("HTTP_REFERER", "")
    if not url_has_allowed_host_and_scheme(terug, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        terug = ""
    return render(request, "403_csrf.html", {"terug": terug}, status=403)


def uitgelogd(request):
    return render(request, "registration/uitgelogd.html")


def toegankelijkheid(request):
    return render(request, "inkoop/toegankelijkheid.html")


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
            # The first reply suffices: without `limit` the ping always waits out its whole timeout.
            antwoorden = app.control.ping(timeout=1.0, limit=1)
            if antwoorden:
                status["worker"] = f"ok ({len(antwoorden)})"
            else:
                status["worker"] = "fout: geen worker antwoordt; achtergrondtaken wachten"
                waarschuwing = True
    status["status"] = "fout" if code != 200 else ("waarschuwing" if waarschuwing else "ok")
    return JsonResponse(status, status=code)
