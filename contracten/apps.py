from django.apps import AppConfig


class ContractenConfig(AppConfig):
    name = "contracten"
