"""`consortium run`: the production server, gunicorn with threads, on this installation."""

import os
import subprocess
import sys
from argparse import BooleanOptionalAction

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connections
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consortium.core.commands import TranslatedCommand
from consortium.env import env_bool, env_int, env_str


def default_workers() -> int:
    """One process per core: each runs several threads, which wait on the database in turn."""
    return env_int("CONSORTIUM_WORKERS", os.cpu_count() or 1)


class Command(TranslatedCommand):
    help_text = gettext_lazy(
        "Sert le Consortium avec gunicorn (processus et fils d'exécution) : la façon de le faire "
        "tourner pour de vrai, sans rechargement automatique ni page d'erreur détaillée."
    )
    # The checks run once here, before the workers start, not in each of them.
    requires_system_checks = "__all__"

    def add_arguments(self, parser) -> None:
        host = env_str("HOST", "127.0.0.1")
        port = env_int("PORT", 8000)
        parser.add_argument(
            "address",
            nargs="?",
            default=f"{host}:{port}",
            help=_("Adresse d'écoute (défaut : HOST:PORT, soit %(address)s).")
            % {"address": f"{host}:{port}"},
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=default_workers(),
            help=_("Processus (défaut : CONSORTIUM_WORKERS, sinon un par cœur)."),
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=env_int("CONSORTIUM_THREADS", 4),
            help=_("Fils d'exécution par processus (défaut : CONSORTIUM_THREADS, sinon 4)."),
        )
        parser.add_argument(
            "--timeout",
            type=int,
            default=env_int("CONSORTIUM_TIMEOUT", 120),
            help=_("Secondes avant qu'une requête bloquée relance son processus (défaut : 120)."),
        )
        parser.add_argument(
            "--worker",
            action=BooleanOptionalAction,
            default=env_bool("CONSORTIUM_RUN_WORKER", default=True),
            help=_(
                "Lance aussi l'exécuteur de la file des tâches (`consortium tasks worker`) à "
                "côté du serveur, arrêté avec lui (défaut : oui ; CONSORTIUM_RUN_WORKER=0 quand "
                "il tourne à part)."
            ),
        )

    def handle(
        self,
        *args,
        address: str,
        workers: int,
        threads: int,
        timeout: int,
        worker: bool,
        **options,
    ):
        if settings.DEBUG:
            raise CommandError(
                _(
                    "CONSORTIUM_DEBUG est actif : le serveur de production ne montre jamais de "
                    "page de débogage. Retirez-le, ou utilisez `make dev` pour développer."
                )
            )
        from consortium.core.server import ProductionServer

        # Each worker opens its own connections after the fork, never the parent's.
        connections.close_all()
        queue = start_task_worker() if worker else None
        try:
            ProductionServer(
                bind=address.removeprefix("http://").rstrip("/"),
                workers=workers,
                threads=threads,
                timeout=timeout,
            ).run()
        finally:
            if queue is not None:
                stop_task_worker(queue)


def start_task_worker() -> subprocess.Popen:
    """`consortium tasks worker` in its own process, beside the server."""
    return subprocess.Popen([sys.executable, "-m", "consortium.cli", "tasks", "worker"])


def stop_task_worker(process: subprocess.Popen, *, grace: float = 30) -> None:
    """Stop the worker (it finishes its running task first), killing it after `grace` seconds:
    a task it was running then goes back to the queue (consortium/core/tasks.py)."""
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
