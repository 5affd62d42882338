#!/usr/bin/env python3
"""A naive Bluum API client for the audit tests: what the go-live checklist warns about.

No Idempotency-Key; retries every failure (4xx included) after a fixed 100 ms, up to 5 attempts;
ignores Retry-After; does not log X-Request-Id.
"""
import base64
import http.client
import json
import os
import socket
import sys
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bluum_flow  # noqa: E402

BASE = os.environ["BLUUM_BASE_URL"]
AUTH = "Basic " + base64.b64encode(
    f"{os.environ['BLUUM_API_KEY']}:{os.environ['BLUUM_API_SECRET']}".encode()).decode()
LOG = open(sys.argv[1], "a", encoding="utf-8") if len(sys.argv) > 1 else sys.stdout


def log(text):
    LOG.write(text + "\n")
    LOG.flush()


def call(method, path, body=None, key=None):  # noqa: ARG001 - the key is ignored on purpose
    data = json.dumps(body).encode() if body is not None else None
    for _ in range(5):
        req = urllib.request.Request(BASE + path, data=data, method=method)
        req.add_header("Authorization", AUTH)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=5) as resp:
                return resp.status, json.loads(resp.read() or b"null")
        except (urllib.error.URLError, http.client.HTTPException, ConnectionError,
                socket.timeout, TimeoutError):
            pass
        time.sleep(0.1)
    return None, None


if __name__ == "__main__":
    sys.exit(bluum_flow.run(call, log))
