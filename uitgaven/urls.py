from django.urls import path

from . import views

app_name = "uitgaven"

urlpatterns = [
    path("overzicht/", views.dashboard, name="dashboard"),
    path("regels/", views.regels, name="regels"),
    path("export/", views.export, name="export"),
    path("crediteuren/", views.crediteuren, name="crediteuren"),
    path("inkooppakketten/", views.pakketten, name="pakketten"),
    path("import/", views.importeren, name="import"),
    path("import/historie/", views.importhistorie, name="importhistorie"),
    path("import/<int:pk>/", views.importrun, name="importrun"),
    path("import/<int:pk>/voortgang/", views.importrun_voortgang, name="importrun_voortgang"),
    path("import/<int:pk>/importeren/", views.importrun_importeren, name="importrun_importeren"),
    path("import/<int:pk>/opnieuw/", views.importrun_opnieuw, name="importrun_opnieuw"),
]
