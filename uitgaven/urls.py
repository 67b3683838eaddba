app_name = "uitgaven"

urlpatterns: list = []
