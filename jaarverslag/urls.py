from django.urls import path

from . import views

app_name = "jaarverslag"

# The year travels as ?jaar=2024 (not in the path): a year is not a record of one organisation.
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("genereren/", views.genereren, name="genereren"),
    path("versies/<int:pk>/voortgang/", views.voortgang, name="voortgang"),
    path("versies/<int:pk>/publiceren/", views.publiceren, name="publiceren"),
    path("versies/<int:pk>/opnieuw/", views.opnieuw, name="opnieuw"),
    path("versies/<int:pk>/bestand/<str:soort>/", views.download, name="download"),
    path("export/xlsx/", views.export_xlsx, name="export_xlsx"),
    path("export/json/", views.export_json, name="export_json"),
    path("tekst/", views.tekst, name="tekst"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/instelling/", views.instelling, name="instelling"),
]
