#!/usr/bin/env python3
"""hostile.py BASE-URL SOCKET SUPERVISOR-PID SLUG TOKEN: slow and hostile clients. While 1000
idle connections, slow-loris headers and bodies, and uploads cut off in the middle are
aimed at nginx (and cut-off bodies straight at remissd's FastCGI socket), ordinary requests
keep being answered. No timings are asserted: the figures printed are what happened.
Prints "ok N - name" lines and "N passed, N failed".
"""
import http.client
import socket
import struct
import sys
import threading
import time
import urllib.parse

import lib
from fcgi import BEGIN_REQUEST, PARAMS, STDIN, pair, record

BASE, SOCK, SUP, SLUG, TOKEN = sys.argv[1:6]
u = urllib.parse.urlparse(BASE)
HOST, PORT = u.hostname, u.port


def check(name, cond, note):
    """A check whose note (the figures: what happened) is shown whatever the result."""
    lib.check(name, cond, note, always=True)


def normal(count=20):
    """count ordinary requests (healthz, the start page); returns how many were answered 200."""
    good = 0
    for i in range(count):
        try:
            c = http.client.HTTPConnection(HOST, PORT, timeout=30)
            c.request("GET", "/healthz" if i % 2 else "/", headers={"Accept": "text/html"})
            r = c.getresponse()
            r.read()
            c.close()
            good += r.status == 200
        except (OSError, http.client.HTTPException):
            pass
    return good


def connect():
    s = socket.create_connection((HOST, PORT), timeout=10)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    return s


before = lib.workers(SUP)

# --- 1000 idle connections: nothing sent at all ----------------------------------------
idle = []
for _ in range(1000):
    try:
        idle.append(connect())
    except OSError:
        break
t0 = time.time()
good = normal()
check("with 1000 idle connections open, ordinary requests are answered",
      len(idle) == 1000 and good == 20,
      f"{len(idle)} idle connections open; {good} of 20 ordinary requests answered 200 "
      f"in {time.time() - t0:.1f} s")

# --- slow loris: headers and bodies a byte at a time ----------------------------------
stop = threading.Event()
slow_h, slow_b = [], []
for _ in range(100):
    try:
        s = connect()
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        slow_h.append(s)
        s = connect()
        s.sendall(f"POST /api/v1/remisser/{SLUG}/remissvar HTTP/1.1\r\nHost: x\r\n"
                  f"Authorization: Bearer {TOKEN}\r\nContent-Type: application/xml\r\n"
                  f"Content-Length: 100000\r\n\r\n<?xml".encode())
        slow_b.append(s)
    except OSError:
        break


def trickle():
    while not stop.is_set():
        for s in slow_h + slow_b:
            try:
                s.send(b"a")
            except OSError:
                pass
        stop.wait(0.2)


th = threading.Thread(target=trickle)
th.start()
t0 = time.time()
good = normal()
stop.set()
th.join()
check("while 100 slow-loris headers and 100 slow-loris bodies trickle in, ordinary requests are answered",
      len(slow_h) == 100 and len(slow_b) == 100 and good == 20,
      f"{len(slow_h)} + {len(slow_b)} slow clients; {good} of 20 answered 200 in {time.time() - t0:.1f} s")
for s in idle + slow_h + slow_b:
    s.close()

# --- uploads cut off in the middle, through nginx ---------------------------------------
versions_probe = f"/api/v1/remisser/{SLUG}/remissvar"


def receipts():
    c = http.client.HTTPConnection(HOST, PORT, timeout=30)
    c.request("GET", versions_probe, headers={"Authorization": f"Bearer {TOKEN}"})
    r = c.getresponse()
    body = r.read()
    c.close()
    return r.status, body.count(b"<kvittens ")


st0, k0 = receipts()
cut = 0
for i in range(50):
    try:
        s = connect()
        s.sendall(f"POST /api/v1/remisser/{SLUG}/remissvar HTTP/1.1\r\nHost: x\r\n"
                  f"Authorization: Bearer {TOKEN}\r\nContent-Type: application/xml\r\n"
                  f"Content-Length: 200000\r\n\r\n".encode() + b"<" * (1000 * (i + 1)))
        s.close()
        cut += 1
    except OSError:
        pass
good = normal()
st1, k1 = receipts()
check("after 50 uploads cut off mid-body through nginx, ordinary requests are answered",
      cut == 50 and good == 20, f"{cut} cut off; {good} of 20 answered 200")
check("and nothing of the cut-off uploads was stored", st0 == st1 == 200 and k0 == k1,
      f"receipts before {k0}, after {k1}")

# --- cut-off bodies straight at remissd (no nginx buffering in front) ------------------


params = b"".join(pair(k, v) for k, v in (
    ("REQUEST_METHOD", "POST"), ("DOCUMENT_URI", f"/api/v1/remisser/{SLUG}/remissvar"),
    ("REQUEST_URI", f"/api/v1/remisser/{SLUG}/remissvar"), ("QUERY_STRING", ""),
    ("CONTENT_TYPE", "application/xml"), ("CONTENT_LENGTH", "100000"),
    ("REMOTE_ADDR", "127.0.0.1"), ("HTTP_AUTHORIZATION", f"Bearer {TOKEN}")))
direct = 0
for i in range(20):
    try:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(10)
        s.connect(SOCK)
        s.sendall(record(BEGIN_REQUEST, struct.pack("!HB5x", 1, 0)) + record(PARAMS, params) +
                  record(PARAMS, b"") + record(STDIN, b"<" * 30000))
        s.close()
        direct += 1
    except OSError:
        pass
good = normal()
check("after 20 FastCGI bodies cut off straight at remissd's socket, ordinary requests are answered",
      direct == 20 and good == 20, f"{direct} cut off; {good} of 20 answered 200")
# Every worker of before still runs (a death shows as a missing PID). The counts may differ
# when one that an earlier suite (chaos.sh) killed was still being replaced at the start.
after = lib.workers(SUP)
check("no worker died of any of it", bool(before) and set(before) <= set(after),
      f"workers before {before}, after {after}")

lib.finish()
