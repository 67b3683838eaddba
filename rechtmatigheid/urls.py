app_name = "rechtmatigheid"

urlpatterns: list = []
