app_name = "adviezen"

urlpatterns: list = []
