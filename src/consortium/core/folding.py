"""French search and sort: text folded to lower case without accents, the same on both databases.

"cooperative" finds "Coopérative", "ecole" finds "École", and "École" sorts with the E's, case
ignored. The column itself is compared through the `folded` transform, registered on every
CharField and TextField: `name__folded__contains=fold(word)` to search,
`F("name__folded")` (or `"name__folded"`) to sort.

Why a transform rather than a kept search column or a collation: the same SQL serves both
databases and every writer (the services, the admin, the imports' bulk writes, the demo) without
having to remember a second column; the lists it serves hold thousands of rows, not millions, so
an index on the folded text is not needed. PostgreSQL folds with its `unaccent` extension
(installed after every `migrate` by `install_unaccent`, which the core app connects); SQLite
with the Python function `consortium_fold`, registered on every connection, which does what
`fold` does. Both then compare plain lower-case
letters byte by byte, so the order is the same on both (an ICU collation would have been
PostgreSQL's only).
"""

import unicodedata

from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.signals import connection_created
from django.db.models import CharField, TextField, Transform

# What PostgreSQL's unaccent turns into two letters, and NFKD leaves alone.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})


def fold(text: str | None) -> str:
    """`text` in lower case without its accents: what the `folded` transform compares."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


class Folded(Transform):
    lookup_name = "folded"

    def as_sql(self, compiler, connection):
        lhs, params = compiler.compile(self.lhs)
        return f"consortium_fold({lhs})", params

    def as_postgresql(self, compiler, connection):
        lhs, params = compiler.compile(self.lhs)
        return f"lower(unaccent({lhs}))", params


CharField.register_lookup(Folded)
TextField.register_lookup(Folded)


def _register_fold_function(sender, connection: BaseDatabaseWrapper, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function("consortium_fold", 1, fold, deterministic=True)


def install_unaccent(using: str = "default", **kwargs) -> None:
    connection = connections[using]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")


connection_created.connect(_register_fold_function, weak=False)
