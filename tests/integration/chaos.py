#!/usr/bin/env python3
"""chaos.py: "nothing lost, nothing doubled". Clients submit N remissvar through nginx with
Idempotency-Keys and retry every failure (refused connection, 5xx, a reset, a timeout) with
the same key and body, while a chaos thread kill -9s random remissd workers, restarts
PostgreSQL once and reloads nginx once, each at a fixed share of the progress.

  chaos.py BASE-URL SLUG TOKENS-FILE N SUPERVISOR-PID PG-RESTART-CMD NGINX-RELOAD-CMD OUT

TOKENS-FILE: lines "TOKEN<TAB>ORGANISATION", one client thread per line. Writes OUT: one line
per acknowledged submission, "KEY VERSION-ID SHA256", and prints a summary on stdout; the
checks against the database are chaos.sh's. Exit status 1 if a submission was never
acknowledged (after 120 s of retries) or one key was acknowledged with two receipts.
"""
import http.client
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse

from lib import workers

BASE, SLUG, TOKENS, N, SUP, PG_RESTART, NGINX_RELOAD, OUT = sys.argv[1:9]
N = int(N)
SUP = int(SUP)
url = urllib.parse.urlparse(BASE)
tokens = [l.rstrip("\n").split("\t", 1) for l in open(TOKENS, encoding="utf-8") if l.strip()]

lock = threading.Lock()
acked = {}          # key -> (version id, sha256)
doubled = []        # keys acknowledged with two different receipts
done = 0
attempts = 0
failures = {}       # kind of failure -> count
events = []


def body(org, i):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<remissvar xmlns="urn:remissvar:1" remiss="{SLUG}">
  <remissinstans typ="kommun">{org}</remissinstans>
  <kontakt namn="Kaj Kaos" epost="kaj.kaos@example.se"/>
  <stallningstagande>tillstyrker</stallningstagande>
  <sammanfattning>Svar nummer {i} under kaos.</sammanfattning>
  <svar avsnitt="1">
    <stallningstagande>tillstyrker-med-andringar</stallningstagande>
    <kommentar>Kommentar till svar {i}: {"text " * 40}</kommentar>
  </svar>
</remissvar>
""".encode()


def submit(token, org, i):
    global done, attempts
    key = f"chaos-{i:06d}"
    data = body(org, i)
    deadline = time.time() + float(os.environ.get("CHAOS_RETRY_SECONDS", "120"))
    while time.time() < deadline:
        with lock:
            attempts += 1
        try:
            c = http.client.HTTPConnection(url.hostname, url.port, timeout=20)
            c.request("POST", f"/api/v1/remisser/{SLUG}/remissvar", data,
                      {"Authorization": f"Bearer {token}", "Content-Type": "application/xml",
                       "Idempotency-Key": key})
            r = c.getresponse()
            text = r.read().decode("utf-8", "replace")
            loc = r.getheader("Location") or ""
            c.close()
        except (OSError, http.client.HTTPException) as e:
            with lock:
                failures[type(e).__name__] = failures.get(type(e).__name__, 0) + 1
            time.sleep(0.05)
            continue
        if r.status == 201:
            m = re.search(r'sha256="([0-9a-f]{64})"', text)
            vid = loc.rsplit("/", 1)[-1]
            with lock:
                if key in acked and acked[key] != (vid, m.group(1) if m else ""):
                    doubled.append(key)
                acked[key] = (vid, m.group(1) if m else "")
                done += 1
            return
        with lock:
            failures[f"HTTP {r.status}"] = failures.get(f"HTTP {r.status}", 0) + 1
        if r.status < 500 and r.status != 429:
            # A refusal (4xx) is not a transient failure: report it, do not retry forever.
            print(f"# {key}: {r.status} {text[:300]!r}", file=sys.stderr)
            return
        time.sleep(0.05)
    print(f"# {key}: never acknowledged", file=sys.stderr)


def client(t, indices):
    token, org = tokens[t]
    for i in indices:
        submit(token, org, i)


KILL_EVERY = float(os.environ.get("CHAOS_KILL_EVERY", "0.04"))


def chaos(stop):
    """Kills a worker every CHAOS_KILL_EVERY of the progress (default 4 %); restarts
    PostgreSQL at 35 % and reloads nginx at 65 %."""
    next_kill, pg_done, nginx_done = KILL_EVERY / 2, False, False
    while not stop.is_set():
        with lock:
            share = done / N
        if share >= next_kill:
            ws = workers(SUP)
            if ws:
                victim = random.choice(ws)
                try:
                    os.kill(victim, signal.SIGKILL)
                    events.append(f"kill -9 worker {victim} at {share:.0%}")
                except ProcessLookupError:
                    pass
            next_kill += KILL_EVERY
        if share >= 0.35 and not pg_done:
            pg_done = True
            rc = subprocess.run(PG_RESTART, shell=True).returncode
            events.append(f"PostgreSQL restarted at {share:.0%} (exit {rc})")
        if share >= 0.65 and not nginx_done:
            nginx_done = True
            rc = subprocess.run(NGINX_RELOAD, shell=True).returncode
            events.append(f"nginx reloaded at {share:.0%} (exit {rc})")
        time.sleep(0.02)


stop = threading.Event()
ct = threading.Thread(target=chaos, args=(stop,))
ct.start()
threads = [threading.Thread(target=client, args=(t, range(t, N, len(tokens))))
           for t in range(len(tokens))]
for th in threads:
    th.start()
for th in threads:
    th.join()
stop.set()
ct.join()

with open(OUT, "w") as f:
    for k, (vid, sha) in sorted(acked.items()):
        f.write(f"{k} {vid} {sha}\n")
kills = sum(1 for e in events if e.startswith("kill"))
print(f"# {len(acked)} of {N} acknowledged after {attempts} attempts; {kills} workers killed")
print("# failures retried: " + (", ".join(f"{k} {v}" for k, v in sorted(failures.items())) or "none"))
for e in events:
    if not e.startswith("kill"):
        print("# " + e)
print(f"SUMMARY acked={len(acked)} n={N} attempts={attempts} kills={kills} "
      f"pg_restarted={int(any(e.startswith('PostgreSQL') for e in events))} "
      f"nginx_reloaded={int(any(e.startswith('nginx') for e in events))} doubled={len(doubled)}")
sys.exit(0 if len(acked) == N and not doubled else 1)
