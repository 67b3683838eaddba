"""The application's URLs plus one view that fails, to see the 500 page."""

from django.urls import path

from inkoop.urls import urlpatterns as app_urls


def kapot(request):
    raise RuntimeError("bewust kapot voor de test")


urlpatterns = [*app_urls, path("kapot/", kapot)]
