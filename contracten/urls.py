app_name = "contracten"

urlpatterns: list = []
