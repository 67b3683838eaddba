from django.apps import AppConfig


class ContractenConfig(AppConfig):
    name = "contracten"

    def ready(self):
        # The splitting check of the advice looks at contracts too (ADR 0002, adviezen/hooks.py).
        from adviezen.hooks import samenhang_bron

        from .selectors import samenhangende_contracten

        samenhang_bron(samenhangende_contracten)
