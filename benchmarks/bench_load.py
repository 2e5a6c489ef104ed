"""How the demo holds up under 20 people at once: runserver against the production server.

Serves the demo (the same database as bench_pages.py: var/bench/web/ by default) with each server
in turn — Django's runserver (`consortium serve --noreload`, one thread per connection) and the
production server (`consortium run`: gunicorn, gthread workers), both with DEBUG off — and loads
the expert's week, then the director's dashboard, with wrk: a load generator written in C, so the
figures are not those of Python threads fighting the server for the same two cores. wrk keeps
20 connections busy for 15 s; each request carries the session cookie of one of 20 signed-in
users, in turn (a Lua script), and any answer but a 200 counts as an error (a redirect to the
sign-in page included). Prints requests, req/s, p50, p95 and errors per server and page.

    .venv/bin/python benchmarks/bench_load.py [--users 20] [--seconds 15] [--var-dir DIR]
        [--servers runserver,gunicorn] [--workers N --threads N]

`granian` is also a server name here (when installed: `pip install granian`), to compare with.
Run by `make bench-load`, which installs wrk from Debian when it is missing.
"""

import argparse
import http.cookiejar
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from demo_web import DEFAULT_VAR_DIR, DEMO_PASSWORD, crowd_logins, demo_server, prepare_demo

# (what, the address, who asks for it)
PHASES = [
    ("semaine de l'expert", "/temps/semaine/", "expert"),
    ("tableau de bord de la direction", "/tableau-de-bord/", "director"),
]
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
RESULT = re.compile(r"^RESULT (\S+) (\S+) (\S+) (\S+) (\S+)$", re.MULTILINE)

# Each request takes the next user's cookie; anything but a 200 is an error. wrk's Lua states are
# one per thread: done() reads each thread's counters through the handles setup() kept.
WRK_SCRIPT = """
local cookies = {%(cookies)s}
local threads = {}
local next_user = 1
function setup(thread)
  table.insert(threads, thread)
end
function init(args)
  bad = 0
end
function request()
  next_user = next_user %% #cookies + 1
  return wrk.format("GET", nil, {["Cookie"] = cookies[next_user]})
end
function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end
function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do bad = bad + thread:get("bad") end
  local errors = summary.errors
  local failed = errors.connect + errors.read + errors.write + errors.timeout + bad
  io.write(string.format("RESULT %%d %%.1f %%.0f %%.0f %%d\\n", summary.requests,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, failed))
end
"""


class _Stay(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def session_cookie(server: str, username: str) -> str:
    """Signs `username` in through the form, as a person would; returns its Cookie header."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _Stay())
    login = server + "/compte/connexion/"
    form = opener.open(login, timeout=30).read().decode()
    data = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": TOKEN.search(form).group(1),
            "username": username,
            "password": DEMO_PASSWORD,
        }
    ).encode()
    # Signed in, the form redirects elsewhere; not following it saves loading a page per user.
    try:
        opener.open(urllib.request.Request(login, data=data, headers={"Referer": login}))
        raise SystemExit(f"{username} could not sign in")
    except urllib.error.HTTPError as answer:
        if answer.code != 302 or "/compte/connexion/" in answer.headers["Location"]:
            raise SystemExit(f"{username} could not sign in") from None
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)


def server_commands(workers: int, threads: int) -> dict[str, list[str]]:
    consortium = str(Path(sys.executable).with_name("consortium"))
    return {
        "runserver": [consortium, "serve", "--noreload", "--insecure", "127.0.0.1:{port}"],
        "gunicorn": [
            consortium,
            "run",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "127.0.0.1:{port}",
        ],
        "granian": [
            str(Path(sys.executable).with_name("granian")),
            "--interface",
            "wsgi",
            "--workers",
            str(workers),
            "--blocking-threads",
            str(threads),
            "--no-ws",
            "--host",
            "127.0.0.1",
            "--port",
            "{port}",
            "consortium.wsgi:application",
        ],
    }


def wrk(address: str, script: Path, *, connections: int, seconds: float) -> tuple[str, ...]:
    # Warm the workers up (imports, first queries) outside the measure.
    subprocess.run(
        ["wrk", "-t2", f"-c{connections}", "-d2s", "-s", str(script), address],
        check=True,
        capture_output=True,
    )
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds:.0f}s",
            "--timeout",
            "30s",
            "--latency",
            "-s",
            str(script),
            address,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return RESULT.search(output).groups()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--var-dir", type=Path, default=DEFAULT_VAR_DIR)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--servers", default="runserver,gunicorn")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--threads", type=int, default=4)
    options = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: `make bench-load` installs it (apt-get install wrk).")

    prepare_demo(options.var_dir, rebuild=options.rebuild)
    subprocess.run(
        [str(Path(sys.executable).with_name("consortium")), "collectstatic", "--noinput", "-v0"],
        check=True,
    )
    from django.db import close_old_connections, connection

    crowds = {role: crowd_logins(role, options.users) for _what, _address, role in PHASES}
    vendor = connection.vendor
    close_old_connections()
    commands = server_commands(options.workers, options.threads)
    servers = options.servers.split(",")

    # Sessions live in the database: signed in once, the cookies serve every server.
    with tempfile.TemporaryDirectory() as folder, demo_server() as server:
        scripts = {}
        for what, _address, role in PHASES:
            cookies = ", ".join(f'"{session_cookie(server, name)}"' for name in crowds[role])
            scripts[what] = Path(folder) / f"{role}.lua"
            scripts[what].write_text(WRK_SCRIPT % {"cookies": cookies}, encoding="utf-8")
        print(
            f"{options.users} signed-in users, {options.users} connections (wrk), "
            f"{options.seconds:.0f} s a page, DEBUG off, {vendor}, {os.cpu_count()} cores; "
            f"production server: {options.workers} workers × {options.threads} threads"
        )
        print(
            f"{'server':10} {'page':32} {'requests':>8} {'req/s':>7} {'p50 ms':>7} "
            f"{'p95 ms':>7} {'errors':>6}"
        )
        for name in servers:
            with demo_server(command=commands[name]) as address:
                for what, path, _role in PHASES:
                    requests, rate, p50, p95, errors = wrk(
                        address + path,
                        scripts[what],
                        connections=options.users,
                        seconds=options.seconds,
                    )
                    print(
                        f"{name:10} {what:32} {requests:>8} {rate:>7} {p50:>7} "
                        f"{p95:>7} {errors:>6}",
                        flush=True,
                    )


if __name__ == "__main__":
    main()
