"""An example client of the Consortium API, with the standard library alone (urllib).

It reads the OpenAPI document, lists this week's time entries of an expert, then adds one.

    python3 docs/examples/api_client.py --url http://127.0.0.1:8000 --token cst_… \\
        --expert E01 --mandate M-0001 [--hours 1.5] [--description "Appel"]

The token needs the scopes time_entries:read and time_entries:write; it must be the expert's own
(or an administrator's): the API lets a token do what its user may do on the site.
"""

import argparse
import datetime as dt
import json
import sys
import urllib.error
import urllib.parse
import urllib.request


class Api:
    def __init__(self, url: str, token: str) -> None:
        self.base = url.rstrip("/") + "/api/v1"
        self.token = token

    def call(self, method: str, path: str, *, params: dict | None = None, body=None):
        address = self.base + path
        if params:
            address += "?" + urllib.parse.urlencode(params)
        request = urllib.request.Request(address, method=method)
        request.add_header("Authorization", f"Bearer {self.token}")
        request.add_header("Accept", "application/json")
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, data=data, timeout=30) as response:
                return json.load(response)
        except urllib.error.HTTPError as error:
            # Every refusal is a problem document (RFC 9457): say its detail and each field.
            if "json" not in error.headers.get("Content-Type", ""):
                raise SystemExit(f"{error.code} {error.reason}") from None
            problem = json.load(error)
            lines = [f"{problem['status']} {problem['title']}: {problem['detail']}"]
            lines += [f"  {e['field']}: {e['message']}" for e in problem.get("errors", [])]
            if error.code == 429:
                lines.append(f"  retry after {error.headers['Retry-After']} s")
            raise SystemExit("\n".join(lines)) from None

    def all_pages(self, path: str, params: dict):
        page = 1
        while True:
            body = self.call("GET", path, params=params | {"page": page, "page_size": 500})
            yield from body["results"]
            if page >= body["pages"]:
                return
            page += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--expert", required=True, help="expert code")
    parser.add_argument("--mandate", required=True, help="mandate code")
    parser.add_argument("--hours", default="1.5")
    parser.add_argument("--description", default="Added by api_client.py")
    options = parser.parse_args(argv)
    api = Api(options.url, options.token)

    # 1. The OpenAPI document says what the server offers.
    with urllib.request.urlopen(api.base + "/openapi.json", timeout=30) as response:
        document = json.load(response)
    paths = document["paths"]
    assert "/api/v1/time-entries" in paths, "this server has no time-entries endpoint"
    print(f"{document['info']['title']} {document['info']['version']}: {len(paths)} paths")

    # 2. This week's entries of the expert (Monday to Sunday).
    today = dt.date.today()
    monday = today - dt.timedelta(days=today.weekday())
    sunday = monday + dt.timedelta(days=6)
    params = {"expert": options.expert, "date_from": monday, "date_to": sunday}
    entries = list(api.all_pages("/time-entries", params))
    print(f"{len(entries)} entries from {monday} to {sunday}")
    for entry in entries:
        print(f"  {entry['date']} {entry['mandate']:<12} {entry['hours']:>6} h")

    # 3. Add one today.
    created = api.call(
        "POST",
        "/time-entries",
        body={
            "expert": options.expert,
            "mandate": options.mandate,
            "date": today.isoformat(),
            "hours": options.hours,
            "description": options.description,
        },
    )
    print(f"created entry {created['id']}: {created['date']} {created['hours']} h")
    return 0


if __name__ == "__main__":
    sys.exit(main())
