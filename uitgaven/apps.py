from django.apps import AppConfig


class UitgavenConfig(AppConfig):
    name = "uitgaven"
