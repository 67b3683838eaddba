"""Microsoft Entra ID login: users matched on `oid`, roles from app roles `<org-slug>:<rol>`."""

from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .models import Lidmaatschap, Organisatie, Rol


class EntraBackend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims):
        oid = claims.get("oid")
        if not oid:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(oid=oid)

    def create_user(self, claims):
        user = self.UserModel.objects.create_user(
            username=claims.get("preferred_username") or claims["oid"], email=claims.get("email", ""),
            first_name=claims.get("given_name", ""), last_name=claims.get("family_name", ""),
        )
        user.oid = claims["oid"]
        user.set_unusable_password()
        user.save()
        self._rollen_bijwerken(user, claims)
        return user

    def update_user(self, user, claims):
        self._rollen_bijwerken(user, claims)
        return user

    def _rollen_bijwerken(self, user, claims):
        gewenst = {}
        for rol in claims.get("roles", []):
            slug, _, naam = rol.partition(":")
            if naam in Rol.values:
                gewenst[slug] = naam
        orgs = {o.slug: o for o in Organisatie.objects.filter(slug__in=gewenst)}
        Lidmaatschap.objects.filter(gebruiker=user).exclude(organisatie__slug__in=orgs).delete()
        for slug, org in orgs.items():
            Lidmaatschap.objects.update_or_create(gebruiker=user, organisatie=org,
                                                  defaults={"rol": gewenst[slug]})
