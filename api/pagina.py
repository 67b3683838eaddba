"""The page API-sleutels: a person makes and revokes their own tokens for the current organisation."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from inkoop.permissies import vereist

from .models import ApiToken
from .services import token_intrekken, token_maken


class TokenForm(forms.Form):
    naam = forms.CharField(label=_("Waarvoor gebruikt u deze sleutel?"), max_length=100,
                           help_text=_("Bijvoorbeeld ‘Financieel systeem, nachtelijke import’."),
                           error_messages={"required": _("Geef de sleutel een naam, zodat u hem later herkent.")})


@never_cache
@vereist("api.tokens_beheren")
def tokens(request):
    nieuw = None
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _token, nieuw = token_maken(gebruiker=request.user, organisatie=request.organisatie,
                                    naam=form.cleaned_data["naam"])
        form = TokenForm()
    lijst = ApiToken.objects.filter(gebruiker=request.user, organisatie=request.organisatie)
    return render(request, "api/tokens.html", {"form": form, "nieuw": nieuw, "tokens": lijst})


@require_POST
@vereist("api.tokens_beheren")
def intrekken(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, gebruiker=request.user, organisatie=request.organisatie)
    if token_intrekken(token=token):
        messages.success(request, _t("De sleutel ‘%(naam)s’ is ingetrokken; hij werkt niet meer.") % {"naam": token.naam})
    return redirect("api:tokens")
