"""The error pages speak the workspace's language and look, and offer a way back."""

import pytest
from django.test import Client
from django.utils import translation

from consortium.core.errors import server_error
from consortium.testing.factories import MemberContactFactory, StaffRoleFactory
from consortium.testing.web import signed_in, url

pytestmark = pytest.mark.django_db


def test_a_missing_page_is_a_404_in_the_workspace_with_a_way_back(client):
    signed_in(client, StaffRoleFactory(role="director").user)
    came_from = "http://testserver" + url("mandates:mandate_list")
    response = client.get("/mandats/NOPE-999/", headers={"referer": came_from})
    assert response.status_code == 404
    page = response.content.decode()
    assert "Page introuvable" in page
    assert 'class="main-nav"' in page  # the workspace's menu is there
    assert f'href="{came_from}"' in page and "Revenir à la page précédente" in page


def test_a_page_from_another_site_is_not_offered_as_the_way_back(client):
    response = client.get("/nulle-part/", headers={"referer": "https://evil.example/"})
    assert response.status_code == 404
    assert "evil.example" not in response.content.decode()
    assert "Aller à l'accueil" in response.content.decode()


def test_the_404_reads_in_english_at_an_english_address(client):
    response = client.get("/en/nowhere/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_a_page_not_for_ones_role_is_a_403_saying_so(client):
    signed_in(client, MemberContactFactory().user)
    response = client.get(url("mandates:mandate_list"))
    assert response.status_code == 403
    assert "Accès refusé" in response.content.decode()
    assert "n'est pas ouverte à votre rôle" in response.content.decode()


def test_a_form_sent_without_its_security_token_is_refused_in_the_workspaces_look():
    client = Client(enforce_csrf_checks=True)
    response = client.post(url("accounts:login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Formulaire expiré" in page and "rechargez-la" in page


def test_the_500_page_is_drawn_without_the_database_and_in_english_for_english(rf):
    try:
        raise ValueError("boom")
    except ValueError:
        with translation.override("en"):
            response = server_error(rf.get("/en/"))
    assert response.status_code == 500
    assert "Server error" in response.content.decode()
