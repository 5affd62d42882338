#!/usr/bin/env python3
"""A Basiq API client for the audit's job grades (client.job-polling, client.refresh-rate,
client.job-ids). Usage: basiq_jobs_client.py LOG correct|naive.

Both modes retry a dropped request, a 429 and a 5xx with jittered exponential backoff (honouring
Retry-After, at most 5 attempts), take one SERVER_ACCESS token and reuse it, create a user and one connection per
sandbox persona (a happy one and the three whose jobs always fail), and poll each connection's
job. The correct client polls with growing delays, stops at a failed step, logs the userId,
connectionId and jobId of each failure, and refreshes the happy connection once. The naive one
keeps polling a failed job, refreshes the happy connection in a loop, and logs the error code
alone.
"""
import json
import os
import random
import sys
import time
import urllib.error
import urllib.request

BASE = os.environ["BASIQ_BASE_URL"].rstrip("/")
KEY = os.environ["BASIQ_API_KEY"]
LOG = open(sys.argv[1], "a", encoding="utf-8")
MODE = sys.argv[2]
PERSONAS = ["whistler", "bighead", "erlich", "jianYang"]  # the last three always fail


def call_once(method, path, body=None, token=None, form=None):
    headers = {"Accept": "application/json"}
    data = None
    if token:
        headers["Authorization"] = "Bearer " + token
    if form is not None:
        headers["Authorization"] = "Basic " + KEY
        headers["basiq-version"] = "3.0"
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        data = form.encode()
    elif body is not None:
        headers["Content-Type"] = "application/json"
        data = json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=10) as res:
            return res.status, json.loads(res.read() or b"null"), None
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null"), e.headers.get("Retry-After")


def call(method, path, body=None, token=None, form=None):
    """One request, retried on a dropped connection, 429 and 5xx; (status, body). The correct
    client logs the correlationId of every error answer (Basiq's request id)."""
    for attempt in range(5):
        try:
            status, answer, retry_after = call_once(method, path, body, token, form)
        except (OSError, ValueError):
            status, answer, retry_after = 0, None, None
        if MODE == "correct" and isinstance(answer, dict) and answer.get("correlationId"):
            LOG.write(f"{method} {path} -> {status} correlationId={answer['correlationId']}\n")
        if status not in (0, 429, 500, 502, 503, 504) or attempt == 4:
            return status, answer
        delay = random.uniform(0, 0.1 * 2 ** attempt)
        if retry_after and retry_after.isdigit():
            delay = max(delay, int(retry_after))
        time.sleep(delay)
    return status, answer


def poll(job_id, token, user_id):
    """Reads a job until it ends; returns (state, failed step or None, connection id)."""
    delay = 0.05
    for _ in range(20):
        status, job = call("GET", "/jobs/" + job_id, token=token)
        if status != 200:  # call() has retried what may be retried: give up on this job
            LOG.write(f"job {job_id} unreadable: {status} userId={user_id}\n")
            return "unknown", None, None
        conn = job["links"]["source"].rsplit("/", 1)[-1]
        failed = [s for s in job["steps"] if s["status"] == "failed"]
        if failed:
            if MODE == "naive":  # "maybe it recovers": keeps reading the failed job
                for _ in range(6):
                    call("GET", "/jobs/" + job_id, token=token)
            return "failed", failed[0], conn
        if all(s["status"] == "success" for s in job["steps"]):
            return "done", None, conn
        time.sleep(delay)
        delay = min(delay * 2, 1.0)
    return "running", None, None


def main():
    status, tok = call("POST", "/token", form="scope=SERVER_ACCESS")
    if status != 200:
        LOG.write(f"token request failed: {status}\n")
        return 1
    token = tok["access_token"]
    status, user = call("POST", "/users", body={"email": "jobs@example.com"}, token=token)
    if status != 201:
        LOG.write(f"user not created: {status}\n")
        return 1
    user_id = user["id"]
    happy = None
    for login in PERSONAS:
        status, job = call("POST", f"/users/{user_id}/connections", token=token,
                           body={"loginId": login, "password": "pw",
                                 "institution": {"id": "AU00000"}})
        if status != 202:
            LOG.write(f"connection for {login} refused: {status}\n")
            continue
        state, step, conn = poll(job["id"], token, user_id)
        if state == "failed":
            code = step["result"]["code"]
            if MODE == "correct":
                LOG.write(f"job failed code={code} userId={user_id} connectionId={conn} "
                          f"jobId={job['id']}\n")
            else:
                LOG.write(f"job failed: {code}\n")
        elif state == "done":
            happy = conn
    if happy:
        for _ in range(1 if MODE == "correct" else 5):
            status, job = call("POST", f"/users/{user_id}/connections/{happy}/refresh",
                               token=token)
            if status in (200, 202):
                poll(job["id"], token, user_id)
    return 0


if __name__ == "__main__":
    sys.exit(main())
