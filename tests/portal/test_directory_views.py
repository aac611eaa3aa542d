"""Public pages of the finder and the staff list: what they show, what they never show, caching."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from kim.accounts.models import StaffProfile
from tests.portal import test_directory_world

town = test_directory_world.town  # the shared fixture


def finder(lang="de", **params):
    return reverse("portal_directory:index", kwargs={"lang": lang}), params


def get(client, lang="de", name="portal_directory:index", **params):
    return client.get(reverse(name, kwargs={"lang": lang}), params)


HIDDEN = ("Verena Verborgen", "Gerd Gegangen", "Enno Ehemalig", "0208 999999", "0208 888888", "0208 777777")


def assert_nothing_hidden(html: str):
    for text in HIDDEN:
        assert text not in html


def test_finder_form_page(town, client):
    response = get(client)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="search"' in html and 'method="get"' in html
    assert "csrfmiddlewaretoken" not in html  # a GET form: works without JavaScript and without cookies
    assert not response.cookies
    assert_nothing_hidden(html)


def test_finder_by_postcode_lists_the_districts_case_managers(town, client):
    html = get(client, postcode="46049").content.decode()
    assert "Alt-Oberhausen Süd/Styrum" in html
    assert "Layla Haddad" in html and "Murat Yildiz" in html
    assert "Elena Petrova" not in html
    assert 'href="tel:0208000001"' in html
    assert 'href="mailto:layla.haddad@staff.example"' in html
    assert_nothing_hidden(html)


def test_finder_by_street_with_house_number(town, client):
    html = get(client, street="Marktstraße 12").content.decode()
    assert "Alt-Oberhausen Mitte" in html
    assert "Layla Haddad" in html
    assert_nothing_hidden(html)


def test_finder_language_filter(town, client):
    html = get(client, postcode="46049", language="tr").content.decode()
    assert "Murat Yildiz" in html and "Layla Haddad" not in html
    missing = get(client, street="Marktstraße", language="bg").content.decode()
    assert "Layla Haddad" in missing  # the district's team stays visible …
    assert "Elena Petrova" in missing  # … with the speakers of the language elsewhere
    assert_nothing_hidden(missing)


def test_unknown_street_gets_suggestions_and_the_central_contact(town, client):
    html = get(client, street="Markstrase 3").content.decode()
    assert "Markstrase" in html
    assert "?street=Marktstra%C3%9Fe&amp;postcode=46045" in html  # a link to the suggested street
    assert "0208 825-0" in html and "kim@oberhausen.example" in html
    assert_nothing_hidden(html)


def test_unknown_postcode_names_the_city_postcodes_nearby(town, client):
    html = get(client, postcode="44135").content.decode()
    assert "44135" in html
    assert "postcode=46045" in html
    assert "0208 825-0" in html


def test_malformed_postcode_is_a_clear_error_not_a_crash(town, client):
    response = get(client, postcode="4604x")
    assert response.status_code == 200
    html = response.content.decode()
    assert "error-summary" in html
    with translation.override("de"):
        assert translation.gettext("A German postcode has five digits.") in html
    assert 'value="4604x"' in html  # what was typed stays


def test_markup_typed_into_the_finder_is_shown_escaped(town, client):
    html = get(client, street="<script>alert(1)</script>").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_finder_in_arabic_is_right_to_left_with_language_autonyms(town, client):
    html = get(client, lang="ar", postcode="46049").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert '<span lang="tr" dir="ltr">Türkçe</span>' in html
    assert '<span lang="ar" dir="rtl">العربية</span>' in html


def test_staff_list_shows_published_profiles_only(town, client):
    html = get(client, name="portal_directory:staff").content.decode()
    for name in ("Layla Haddad", "Murat Yildiz", "Elena Petrova", "Thomas Schmitz"):
        assert name in html
    assert_nothing_hidden(html)


def test_staff_list_filters(town, client):
    html = get(client, name="portal_directory:staff", language="ru").content.decode()
    assert "Elena Petrova" in html and "Layla Haddad" not in html
    district = town["districts"]["sued"].pk
    html = get(client, name="portal_directory:staff", district=str(district)).content.decode()
    assert "Layla Haddad" in html and "Murat Yildiz" in html and "Elena Petrova" not in html
    bad = get(client, name="portal_directory:staff", district="999999")
    assert bad.status_code == 200 and "error-summary" in bad.content.decode()


def test_results_are_cached_per_query(town, client, django_assert_max_num_queries):
    first = get(client, postcode="46049")
    assert first.status_code == 200
    with django_assert_max_num_queries(1):  # only the content generation is read
        second = get(client, postcode="46049")
    assert second.content == first.content
    assert second["Cache-Control"].startswith("public")


@pytest.mark.parametrize("change", ["unpublish", "deactivate_user", "end_membership"])
def test_a_change_to_a_profile_is_visible_at_once_despite_the_cache(town, change):
    client = Client()
    assert "Murat Yildiz" in get(client, postcode="46049").content.decode()
    assert "Murat Yildiz" in get(client, name="portal_directory:staff").content.decode()
    murat = town["members"]["murat"]
    if change == "unpublish":
        profile = StaffProfile.objects.get(user=murat.user)
        profile.is_published = False
        profile.save()
    elif change == "deactivate_user":
        murat.user.is_active = False
        murat.user.save()
    else:
        murat.is_active = False
        murat.save()
    assert "Murat Yildiz" not in get(client, postcode="46049").content.decode()
    assert "Murat Yildiz" not in get(client, name="portal_directory:staff").content.decode()


def test_a_new_district_assignment_is_visible_at_once(town, client):
    assert "Elena Petrova" not in get(client, postcode="46049").content.decode()
    StaffProfile.objects.get(user=town["members"]["elena"].user).districts.add(town["districts"]["sued"])
    assert "Elena Petrova" in get(client, postcode="46049").content.decode()


def test_unknown_language_prefix_is_not_found(town, client):
    assert client.get("/xx/ansprechpersonen/").status_code == 404
