"""The API calls both test clients make, in order (standard library only).

The order matters to the audit's default fault schedule (docs/audit.md): GET #1 gets a 429
with Retry-After in seconds, deposit #1 is dropped after the upstream processed it, GET #2 gets
a 429 with an HTTP-date, GET #3 fails four times (503/500), write #2 gets a 400, GET #4 a 401,
and GET #5 answers 503 until the client gives up.
"""
import uuid


def create_investor(call, log):
    """Creates an investor (KYC approved at once by the emulator); its id, or None."""
    status, investor = call("POST", "/investors", {
        "first_name": "Ada", "last_name": "Lovelace",
        "email": f"ada+{uuid.uuid4().hex[:8]}@example.com",
        "date_of_birth": "1990-12-10", "country_of_tax_residence": "US"})
    if status != 201 or not investor:
        log(f"cannot create the investor: {status}")
        return None
    return investor["id"]


def run(call, log):
    """`call(method, path, body=None, key=None) -> (status, json)`; `log(text)` for notes."""
    call("GET", "/assets?class=equity&tradable=true")
    inv = create_investor(call, log)
    if inv is None:
        return 1
    status, _ = call("POST", f"/investors/{inv}/deposits",
                     {"amount": "100.00", "currency": "USD", "method": "manual_bank_transfer",
                      "description": "audit test deposit"}, key=str(uuid.uuid4()))
    log(f"deposit: {status}")
    call("GET", f"/investors/{inv}")
    call("GET", f"/investors/{inv}/deposits")
    status, _ = call("POST", f"/investors/{inv}/funding-sources",
                     {"type": "ach", "routing_number": "021000021", "account_number": "12345678"})
    log(f"funding source: {status}")
    call("GET", f"/investors/{inv}/orders")
    call("GET", f"/investors/{inv}/positions")
    return 0
