"""The permission rules of the web pages (django-rules), per API action."""

from rest_framework import permissions


class Regels(permissions.BasePermission):
    """`view.regels` maps an action to a rules permission: checked without an object for the
    action and with the object for a record, exactly as the web views do (inkoop.permissies)."""

    def has_permission(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return False
        perm = view.regels.get(getattr(view, "action", None))
        return perm is not None and request.user.has_perm(perm)

    def has_object_permission(self, request, view, obj):
        return request.user.has_perm(view.regels[getattr(view, "action", None)], obj)
