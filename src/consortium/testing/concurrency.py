"""Real concurrent writers for the tests: threads, each with its own database connection.

`concurrent_db` gives a test a database that several connections write at once, as in
production: PostgreSQL's test database as it is; on SQLite, the in-memory test database (which
threads would share through one cache, with table locks unlike a real file's) is copied into a
file for the test, WAL mode and busy timeout included. `run_together` starts the writers at the
same instant; `hold_write_lock` keeps a second connection's write lock, as a long import does.
"""

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.db import connection, connections

from consortium.staff.models import Expert


@pytest.fixture
def concurrent_db(transactional_db, tmp_path: Path) -> Iterator[None]:
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    path = tmp_path / "concurrent.sqlite3"
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    connection.connection.backup(copy)
    copy.close()
    settings = connection.settings_dict  # shared by the wrappers every thread makes
    in_memory_name, in_memory = settings["NAME"], connection.connection
    settings["NAME"], connection.connection = str(path), None
    try:
        yield
    finally:
        connection.close()
        settings["NAME"], connection.connection = in_memory_name, in_memory


def run_together(*writers: Callable[[], Any], timeout: float = 60) -> list[Any]:
    """Run each writer in its own thread (and connection), all released at once; return what
    each returned or raised, in their order."""
    barrier = threading.Barrier(len(writers))
    outcomes: list[Any] = [None] * len(writers)

    def run(index: int, writer: Callable[[], Any]) -> None:
        try:
            barrier.wait()
            outcomes[index] = writer()
        except BaseException as error:  # the test looks at what each writer met
            outcomes[index] = error
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=run, args=(index, writer)) for index, writer in enumerate(writers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    assert not any(thread.is_alive() for thread in threads), "a writer never finished"
    return outcomes


@contextmanager
def hold_write_lock(expert_id: int) -> Iterator[None]:
    """Another connection holds what a long import of this expert's hours holds until it
    commits: SQLite's write lock, PostgreSQL's lock on the expert. Released on leaving."""
    other = connections.create_connection("default")
    try:
        other.ensure_connection()
        if other.vendor == "sqlite":
            other.connection.execute("BEGIN IMMEDIATE")
        else:
            other.set_autocommit(False)
            with other.cursor() as cursor:
                cursor.execute(
                    f"SELECT id FROM {Expert._meta.db_table} WHERE id = %s FOR NO KEY UPDATE",
                    [expert_id],
                )
        yield
    finally:
        if other.vendor == "sqlite":
            other.connection.execute("ROLLBACK")
        else:
            other.rollback()
        other.close()


def set_busy_timeout(seconds: float) -> None:
    """Make this thread's connection give up waiting for a lock after `seconds`."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")
        else:
            cursor.execute(f"SET lock_timeout = '{int(seconds * 1000)}ms'")
