#!/usr/bin/env python3
"""A well-behaved Bluum API client for the audit tests.

Idempotency-Key on every deposit, reused on every retry; honours Retry-After (seconds and
HTTP-date); exponential backoff with full jitter; at most 5 attempts; never retries 4xx other
than 429; logs the X-Request-Id of every response, and the trace_id of every error body, to the
file named by argv[1]; throttles itself under Bluum's published 10 requests per second.
"""
import base64
import email.utils
import http.client
import json
import os
import random
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
MAX_ATTEMPTS, BASE_S, CAP_S = 5, 0.1, 2.0
RETRYABLE = {429, 500, 502, 503, 504}
MIN_INTERVAL_S = 0.11  # client-side throttle: under 10 requests in any second
_last_start = [0.0]


def throttle():
    wait = _last_start[0] + MIN_INTERVAL_S - time.monotonic()
    if wait > 0:
        time.sleep(wait)
    _last_start[0] = time.monotonic()


def trace_id(body):
    """The trace_id of a Bluum error body (newer or older envelope), or None."""
    try:
        err = json.loads(body or b"null")
    except ValueError:
        return None
    if not isinstance(err, dict):
        return None
    inner = err.get("error")
    return (inner.get("trace_id") if isinstance(inner, dict) else None) or err.get("trace_id")


def retry_after(value):
    if value is None:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        return max(0.0, email.utils.parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def log(text):
    LOG.write(text + "\n")
    LOG.flush()


def call(method, path, body=None, key=None):
    data = json.dumps(body).encode() if body is not None else None
    for attempt in range(1, MAX_ATTEMPTS + 1):
        req = urllib.request.Request(BASE + path, data=data, method=method)
        req.add_header("Authorization", AUTH)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if key:
            req.add_header("Idempotency-Key", key)
        wait = None
        throttle()
        try:
            with urllib.request.urlopen(req, timeout=5) as resp:
                log(f"{method} {path} -> {resp.status} x-request-id={resp.headers.get('X-Request-Id')}")
                return resp.status, json.loads(resp.read() or b"null")
        except urllib.error.HTTPError as e:
            log(f"{method} {path} -> {e.code} x-request-id={e.headers.get('X-Request-Id')} "
                f"trace_id={trace_id(e.read())}")
            if e.code not in RETRYABLE:
                return e.code, None
            wait = retry_after(e.headers.get("Retry-After"))
        except (urllib.error.URLError, http.client.HTTPException, ConnectionError,
                socket.timeout, TimeoutError) as e:
            log(f"{method} {path} -> no response ({type(e).__name__}); retrying with the same key")
        if attempt == MAX_ATTEMPTS:
            log(f"{method} {path}: giving up after {attempt} attempts")
            break
        backoff = random.uniform(0, min(CAP_S, BASE_S * 2 ** (attempt - 1)))
        time.sleep(max(backoff, wait or 0.0))
    return None, None


if __name__ == "__main__":
    sys.exit(bluum_flow.run(call, log))
