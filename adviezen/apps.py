from django.apps import AppConfig


class AdviezenConfig(AppConfig):
    name = "adviezen"
