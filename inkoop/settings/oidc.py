"""OIDC login with Microsoft Entra ID (mozilla-django-oidc), switched on by OIDC_ENABLED=true.

Users are matched on the token's `oid` claim; roles come from Entra app roles named
`<organisatie-slug>:<rol>` (e.g. `enschede:inkoper`). See docs/beheer.md.
"""

import os

from .env import envrequired

OIDC_RP_CLIENT_ID = envrequired("OIDC_RP_CLIENT_ID")
OIDC_RP_CLIENT_SECRET = envrequired("OIDC_RP_CLIENT_SECRET")
OIDC_RP_SIGN_ALGO = "RS256"
_TENANT = envrequired("OIDC_TENANT_ID")
_BASE = f"https://login.microsoftonline.com/{_TENANT}"
OIDC_OP_AUTHORIZATION_ENDPOINT = os.getenv("OIDC_OP_AUTHORIZATION_ENDPOINT", f"{_BASE}/oauth2/v2.0/authorize")
OIDC_OP_TOKEN_ENDPOINT = os.getenv("OIDC_OP_TOKEN_ENDPOINT", f"{_BASE}/oauth2/v2.0/token")
OIDC_OP_USER_ENDPOINT = os.getenv("OIDC_OP_USER_ENDPOINT", "https://graph.microsoft.com/oidc/userinfo")
OIDC_OP_JWKS_ENDPOINT = os.getenv("OIDC_OP_JWKS_ENDPOINT", f"{_BASE}/discovery/v2.0/keys")
OIDC_RP_SCOPES = "openid email profile"
OIDC_STORE_ID_TOKEN = False
OIDC_CREATE_USER = True

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "inkoop.oidc.EntraBackend",
    "django.contrib.auth.backends.ModelBackend",
]
