app_name = "meldingen"

urlpatterns: list = []
