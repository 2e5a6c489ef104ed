"""Every admin of the project's rows writes through its area's services, or not at all."""

import pytest
from django.contrib import admin
from django.test import RequestFactory

from consortium.core.admin import ServiceAdmin

pytestmark = pytest.mark.django_db


def _project_admins() -> list[admin.ModelAdmin]:
    return [
        model_admin
        for model, model_admin in admin.site._registry.items()
        if model.__module__.startswith("consortium.")
    ]


@pytest.mark.parametrize("model_admin", _project_admins(), ids=lambda a: a.opts.label)
def test_each_admin_writes_through_its_services_or_is_read_only(model_admin, admin_user):
    if isinstance(model_admin, ServiceAdmin):
        assert model_admin.writes.create is not None
        return
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
