"""View guards: log in first (anonymous -> login page), then the rules permission (403)."""

from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from rules.contrib.views import PermissionRequiredMixin, permission_required


def vereist(perm, fn=None):
    """Decorator: `@vereist("meldingen.bekijken", fn=objectgetter(...))`."""

    def decorator(view):
        return login_required(permission_required(perm, fn=fn, raise_exception=True)(view))

    return decorator


class VereistMixin(LoginRequiredMixin, PermissionRequiredMixin):
    """For class-based views: set `permission_required`; anonymous users go to the login page."""

    raise_exception = False

    def handle_no_permission(self):
        from django.core.exceptions import PermissionDenied

        if not self.request.user.is_authenticated:
            return super().handle_no_permission()
        raise PermissionDenied
