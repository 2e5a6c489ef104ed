"""The environment every test run starts from, set before Django reads its settings.

Loaded as a pytest plugin (`-p consortium.testing.environment` in pyproject.toml), so it runs
before pytest-django imports the settings: outside the demo the settings refuse to start without
CONSORTIUM_SECRET_KEY, and the tests name one explicitly rather than pretend to be the demo.
Commands the tests start in a subprocess inherit it.
"""

import os

os.environ.setdefault(
    "CONSORTIUM_SECRET_KEY", "tests-only-key-8c1f0d3b9e4a4f6a9d2c7b5e1a0f3d6c-not-for-any-server"
)
# The tests read mail in Django's outbox as soon as it is sent; the queued path has its own tests
# (core/tests/test_tasks.py), which turn the queue on and run the worker.
os.environ.setdefault("CONSORTIUM_MAIL_QUEUE", "0")
