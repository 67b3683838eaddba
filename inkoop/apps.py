from django.apps import AppConfig


class InkoopConfig(AppConfig):
    name = "inkoop"
    verbose_name = "Inkoop"
