"""The API's docs page (Swagger UI, served from our own static files) draws the operations under
the site's strict Content-Security-Policy; the tokens page makes a token shown once, and revokes
it."""

import pytest
from playwright.sync_api import expect

from consortium.api.models import ApiToken

pytestmark = pytest.mark.browser


def test_the_api_docs_draw_every_operation_under_the_policy(page, people):
    page.goto("/api/v1/docs")

    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Consortium API")
    expect(page.locator(".opblock").first).to_be_visible()
    assert page.locator(".opblock").count() >= 20
    # Every file came from this server: nothing from a CDN.
    sources = page.evaluate(
        "() => performance.getEntriesByType('resource').map(entry => entry.name)"
    )
    assert sources
    assert all(source.startswith(page.url.split("/api/")[0]) for source in sources)


def test_a_person_makes_a_token_sees_it_once_and_revokes_it(page, signed_in, people, axe_check):
    signed_in(page, people.owner, next_url="/compte/jetons/")
    page.goto("/compte/jetons/")
    axe_check(page)
    page.get_by_role("textbox", name="Nom :").fill("Tableur de paie")
    page.get_by_label("lire les semaines").check()
    page.get_by_role("button", name="Créer le jeton").click()

    secret = page.locator(".api-token-secret").inner_text()
    axe_check(page)
    assert secret.startswith("cst_")
    expect(page.get_by_role("cell", name="Tableur de paie")).to_be_visible()
    page.reload()
    expect(page.locator(".api-token-secret")).to_have_count(0)

    page.get_by_role("button", name="Révoquer").click()
    expect(page.get_by_role("cell", name="révoqué")).to_be_visible()
    assert ApiToken.objects.get().revoked_at is not None
