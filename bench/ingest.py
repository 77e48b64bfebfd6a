#!/usr/bin/env python3
"""bench/ingest.py: the client of bench/ingest. Uploads one short remissvar per organisation
through the API (POST /api/v1/remisser/{slug}/remissvar with the organisation's token and an
Idempotency-Key), from CLIENTS threads, and reports every tenth of the run.

  ingest.py BASE-URL SLUG TOKENS-FILE SECTIONS CLIENTS SUPERVISOR-PID

TOKENS-FILE: lines "TOKEN<TAB>ORGANISATION", one per response to send. Prints one line per
tenth, "TENTH n=… stored_so_far=… seconds=… rate=… p50_ms=… p99_ms=… worker_rss_kib=…"
(rate and latencies over that tenth only; worker_rss_kib the largest VmRSS of the remissd
workers at its end), then "TOTAL …". Exit status 1 if any upload was not answered 201.
"""
import http.client
import os
import subprocess
import sys
import threading
import time
import urllib.parse

BASE, SLUG, TOKENS, SECTIONS, CLIENTS, SUP = sys.argv[1:7]
SECTIONS, CLIENTS, SUP = int(SECTIONS), int(CLIENTS), int(SUP)
url = urllib.parse.urlparse(BASE)
work = [l.rstrip("\n").split("\t", 1) for l in open(TOKENS, encoding="utf-8") if l.strip()]
if not work or any(len(w) != 2 for w in work):
    sys.exit("ingest.py: TOKENS-FILE needs lines TOKEN<TAB>ORGANISATION")
N = len(work)
POSITIONS = ["tillstyrker", "tillstyrker-med-andringar", "avstyrker", "inga-synpunkter"]


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def body(org, i):
    """A short remissvar: an overall position, one sentence, SECTIONS short answers."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<remissvar xmlns="urn:remissvar:1" remiss="{SLUG}">',
             f'  <remissinstans typ="annan">{esc(org)}</remissinstans>',
             '  <kontakt namn="Ida Inskick" epost="ida@example.se"/>',
             f"  <stallningstagande>{POSITIONS[i % 4]}</stallningstagande>",
             f"  <sammanfattning>Svar {i}: vi har läst förslaget och lämnar korta synpunkter.</sammanfattning>"]
    for s in range(1, SECTIONS + 1):
        parts.append(f'  <svar avsnitt="{s}"><stallningstagande>{POSITIONS[(i + s) % 4]}'
                     f"</stallningstagande><kommentar>Synpunkt {i} på avsnitt {s}: "
                     f"ändra formuleringen om ansvar och uppföljning.</kommentar></svar>")
    parts.append("</remissvar>")
    return ("\n".join(parts) + "\n").encode()


lock = threading.Lock()
lat = []            # latencies (s) of the current tenth
failed = []
done = ok = 0


def worker_rss():
    try:
        pids = subprocess.run(["pgrep", "-P", str(SUP)], capture_output=True,
                              text=True).stdout.split()
    except OSError:
        return 0
    best = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        best = max(best, int(line.split()[1]))
        except OSError:
            pass
    return best


def client(t):
    global done, ok
    for i in range(t, N, CLIENTS):
        token, org = work[i]
        data = body(org, i)
        t0 = time.monotonic()
        try:
            c = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
            c.request("POST", f"/api/v1/remisser/{SLUG}/remissvar", data,
                      {"Authorization": f"Bearer {token}", "Content-Type": "application/xml",
                       "Idempotency-Key": f"ingest-{i}"})
            r = c.getresponse()
            text = r.read()
            c.close()
            status = r.status
        except (OSError, http.client.HTTPException) as e:
            status, text = 0, str(e).encode()
        dt = time.monotonic() - t0
        with lock:
            if status != 201:
                failed.append((i, status, text[:200]))
            else:
                ok += 1
            lat.append(dt)
            done += 1


def pct(xs, p):
    if not xs:
        return 0.0
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(len(xs) * p))] * 1000


threads = [threading.Thread(target=client, args=(t,), daemon=True) for t in range(CLIENTS)]
start = last_t = time.monotonic()
for th in threads:
    th.start()
tenth, last_done = 1, 0
while True:
    time.sleep(0.2)
    with lock:
        d = done
    alive = any(th.is_alive() for th in threads)
    if d >= tenth * N // 10 or not alive:
        now = time.monotonic()
        with lock:
            xs, lat[:] = lat[:], []
        print(f"TENTH n={tenth} stored_so_far={d} seconds={now - start:.1f} "
              f"rate={(d - last_done) / max(now - last_t, 1e-9):.1f} p50_ms={pct(xs, 0.5):.1f} "
              f"p99_ms={pct(xs, 0.99):.1f} worker_rss_kib={worker_rss()}", flush=True)
        last_t, last_done, tenth = now, d, tenth + 1
        if not alive or tenth > 10:
            break
for th in threads:
    th.join()
total = time.monotonic() - start
print(f"TOTAL n={N} answered_201={ok} seconds={total:.1f} rate={ok / total:.1f}")
for i, s, t in failed[:5]:
    print(f"# upload {i}: status {s}: {t!r}", file=sys.stderr)
sys.exit(0 if ok == N else 1)
