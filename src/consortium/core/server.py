"""gunicorn inside the `consortium` command: the same settings and environment as every command.

gthread workers: each process serves several requests at once in threads, so a page waiting on
the database or building a PDF does not hold up the others. benchmarks/bench_load.py compares it
with Django's runserver on the same demo.
"""

from gunicorn.app.base import BaseApplication


class ProductionServer(BaseApplication):
    def __init__(self, *, bind: str, workers: int, threads: int, timeout: int) -> None:
        self.options = {
            "bind": bind,
            "workers": workers,
            "threads": threads,
            "worker_class": "gthread",
            "timeout": timeout,
            # One line per request on the console, as runserver prints them.
            "accesslog": "-",
            "errorlog": "-",
            "proc_name": "consortium",
        }
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from django.core.wsgi import get_wsgi_application

        return get_wsgi_application()
