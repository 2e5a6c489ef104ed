"""The secret key: the deployment's own, or the demo's, never a public one.

Django signs sessions, password-reset links and CSRF tokens with it: a key anyone can read
(the one in a public repository, an example file's placeholder) lets anyone forge them. So a
deployment names its key in CONSORTIUM_SECRET_KEY; only the demo (CONSORTIUM_DEMO, set by
`consortium demo` and the Makefile, or a developer's CONSORTIUM_DEBUG) makes one itself, once per
installation, in a file under var/ that only its owner can read.
"""

import contextlib
import os
import secrets
import tempfile
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

# Keys that were or are public: the one this project used to fall back on and the placeholder of
# deploy/production.env.example.
PUBLIC_KEYS = {"insecure-demo-key-change-me-in-production"}
PLACEHOLDER_PREFIX = "CHANGE-ME"
KEY_FILE_NAME = "secret_key"

MISSING = (
    "CONSORTIUM_SECRET_KEY n'est pas défini. Un serveur de production a besoin de sa propre clé "
    "secrète : définissez CONSORTIUM_SECRET_KEY (au moins 50 caractères aléatoires, par exemple "
    'la sortie de `python3 -c "import secrets; print(secrets.token_urlsafe(50))"`), voir '
    "deploy/production.env.example. Pour la démo, lancez `make demo` ou définissez "
    "CONSORTIUM_DEMO=1 : une clé propre à l'installation est alors créée sous var/. / "
    "CONSORTIUM_SECRET_KEY is not set: set it to a long random value (see "
    "deploy/production.env.example), or set CONSORTIUM_DEMO=1 for the demo."
)
PUBLIC = (
    "CONSORTIUM_SECRET_KEY est une valeur publique (l'exemple ou l'ancienne clé de démo) : "
    "remplacez-la par une valeur aléatoire d'au moins 50 caractères. / CONSORTIUM_SECRET_KEY is a "
    "public value: replace it with a long random one."
)


def secret_key(*, configured: str, demo: bool, var_dir: Path) -> str:
    """The key to sign with: `configured` when set, else the demo's own; never a public one."""
    if configured:
        if configured in PUBLIC_KEYS or configured.startswith(PLACEHOLDER_PREFIX):
            raise ImproperlyConfigured(PUBLIC)
        return configured
    if not demo:
        raise ImproperlyConfigured(MISSING)
    return installation_key(var_dir / KEY_FILE_NAME)


def installation_key(path: Path) -> str:
    """The key in `path`, made there first (mode 600) when absent.

    Written to a private temporary file and linked into place, so a second process starting at
    the same moment (another server worker, a concurrent command) reads a whole key or makes the
    link fail and reads the first one's.
    """
    if path.exists():
        return _read_key(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".secret_key-")  # mode 600
    try:
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(secrets.token_urlsafe(50) + "\n")
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
    finally:
        os.unlink(temporary)
    return _read_key(path)


def _read_key(path: Path) -> str:
    key = path.read_text(encoding="ascii").strip()
    if not key:
        raise ImproperlyConfigured(f"{path} est vide : supprimez-le, il sera recréé.")
    return key
