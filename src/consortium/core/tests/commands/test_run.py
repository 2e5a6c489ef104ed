"""`consortium run`: gunicorn with gthread workers, never with DEBUG's error pages."""

import pytest
from django.core.management import CommandError, call_command

from consortium.core.server import ProductionServer


def test_the_production_server_runs_threaded_workers_on_the_given_address():
    server = ProductionServer(bind="127.0.0.1:8123", workers=3, threads=5, timeout=60)

    assert server.cfg.bind == ["127.0.0.1:8123"]
    assert server.cfg.workers == 3
    assert server.cfg.threads == 5
    assert server.cfg.worker_class_str == "gthread"


def test_the_production_server_refuses_to_run_with_debug(settings):
    settings.DEBUG = True

    with pytest.raises(CommandError, match="CONSORTIUM_DEBUG"):
        call_command("run", "127.0.0.1:8123")
