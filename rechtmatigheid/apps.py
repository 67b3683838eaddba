from django.apps import AppConfig


class RechtmatigheidConfig(AppConfig):
    name = "rechtmatigheid"
