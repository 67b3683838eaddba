from django.apps import AppConfig


class InkoopConfig(AppConfig):
    default = True
    name = "inkoop"
    verbose_name = "Inkoop"
