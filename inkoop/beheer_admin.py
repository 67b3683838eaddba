"""The Django admin's app config: its site is SuperuserAdminSite (superusers only)."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig


class SuperuserAdminConfig(AdminConfig):
    default_site = "inkoop.beheer_admin.SuperuserAdminSite"


class SuperuserAdminSite(admin.AdminSite):
    """The Django admin is the application administrator's tool, for superusers only.

    A beheerder of an organisation manages users and roles in the application (/gebruikers/);
    `is_staff` alone, which a municipality might grant, opens nothing here.
    """

    site_header = "inkoop – applicatiebeheer"

    def has_permission(self, request):
        return request.user.is_active and request.user.is_superuser
