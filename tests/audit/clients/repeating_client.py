#!/usr/bin/env python3
"""A correct Bluum API client that makes several similar calls in a row (issue 10 §3).

It retries exactly like correct_client.py (same `call`: never retries a 4xx other than 429,
reuses the Idempotency-Key on every retry, honours Retry-After, full-jitter backoff, at most 5
attempts, logs every X-Request-Id). What it adds is the pattern that must not be graded as
retrying: three withdrawals of the same amount in a row, each with its own fresh key (the last
two are refused for insufficient funds), and a polling loop that repeats GET /assets as its next
step after an unrelated request, also after a 401 and after giving up on a 503.

Against the default fault schedule (docs/audit.md): GET #1 (/assets) 429 with Retry-After in
seconds; write #2 (the buy order) 400; deposit #1 and withdrawal #1 dropped after the upstream
processed them; then the loop: GET #2 (/assets) 429 with an HTTP-date, GET #3 (/positions)
503/500 four times, GET #4 (/assets) 401, GET #5 (/positions) 503 until the client gives up,
GET #6 (/assets) and GET #7 (/positions) pass.
"""
import os
import sys
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bluum_flow  # noqa: E402
from correct_client import call, log  # noqa: E402

ASSETS = "/assets?class=equity&tradable=true"


def main():
    call("GET", ASSETS)
    inv = bluum_flow.create_investor(call, log)
    if inv is None:
        return 1
    status, _ = call("POST", f"/investors/{inv}/orders",
                     {"symbol": "AAPL", "side": "buy", "type": "market", "quantity": "1"})
    log(f"buy order before funding: {status} (not retried)")
    status, fs = call("POST", f"/investors/{inv}/funding-sources",
                      {"type": "ach", "routing_number": "021000021", "account_number": "12345678"})
    if status != 201 or not fs:
        log(f"cannot add the funding source: {status}")
        return 1
    status, _ = call("POST", f"/investors/{inv}/deposits",
                     {"amount": "60.00", "currency": "USD", "method": "ach",
                      "funding_source_id": fs["id"]}, key=str(uuid.uuid4()))
    log(f"deposit: {status}")
    # Three withdrawal requests of the same amount: three operations, three keys.
    for n in range(3):
        status, _ = call("POST", f"/investors/{inv}/withdrawals",
                         {"amount": "50.00", "currency": "USD", "method": "ach",
                          "funding_source_id": fs["id"]}, key=str(uuid.uuid4()))
        log(f"withdrawal {n + 1}: {status}")
    # A polling loop: each step reads the catalogue, then the investor's positions.
    for step in range(3):
        status, _ = call("GET", ASSETS)
        log(f"loop step {step + 1}: assets {status}")
        status, _ = call("GET", f"/investors/{inv}/positions")
        log(f"loop step {step + 1}: positions {status}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
