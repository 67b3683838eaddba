from django.urls import reverse

from inkoop.navigatie import menu_items


def test_every_menu_entry_points_to_an_existing_page():
    for _label, naam, _perm in menu_items():
        reverse(naam)
