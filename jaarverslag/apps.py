from django.apps import AppConfig


class JaarverslagConfig(AppConfig):
    name = "jaarverslag"
