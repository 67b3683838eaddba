"""What every API view shares: the organisation and role of the request, the permission rules
of the web pages (django-rules) per action, and ETag / If-Match on updates."""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from rest_framework import viewsets

from .fouten import Gewijzigd, IfMatchVereist
from .permissies import Regels


def etag_van(data) -> str:
    """A strong ETag of a representation: any change of what a client sees changes it."""
    tekst = json.dumps(data, sort_keys=True, cls=DjangoJSONEncoder, separators=(",", ":"))
    return '"' + hashlib.sha256(tekst.encode()).hexdigest()[:32] + '"'


class OrganisatieViewSet(viewsets.GenericViewSet):
    permission_classes = [Regels]
    regels: dict[str, str] = {}

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # Session: set by OrganisatieMiddleware; token: by the authentication (its organisation).
        self.organisatie = getattr(request.user, "organisatie", None)
        request._request.organisatie = self.organisatie

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no request user
            return self.queryset
        return self.lees()

    def lees(self):
        raise NotImplementedError

    def etag(self, obj) -> str:
        return etag_van(self.serializer_class(obj, context=self.get_serializer_context()).data)

    def met_etag(self, antwoord, obj):
        # The answer's body is the record's representation: its hash is the ETag (no second read).
        antwoord["ETag"] = etag_van(antwoord.data)
        return antwoord

    def vergrendeld_object(self, *, if_match_vereist: bool = True):
        """The record under a row lock, after checking If-Match against its current ETag: two
        systems cannot overwrite each other's change silently (412), nor skip the check (428).
        Call inside transaction.atomic()."""
        obj = self.get_object()
        type(obj).objects.select_for_update().filter(pk=obj.pk).exists()
        obj = self.get_object()
        gevraagd = self.request.headers.get("If-Match")
        if gevraagd is None:
            if if_match_vereist:
                raise IfMatchVereist()
            return obj
        etags = [e.strip() for e in gevraagd.split(",")]
        if "*" not in etags and self.etag(obj) not in etags:
            raise Gewijzigd()
        return obj

