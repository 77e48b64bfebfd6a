#!/usr/bin/env python3
"""fcgi_inflight.py SOCKET PID: proves a request in flight is answered when remissd is told to stop.

Speaks FastCGI directly to remissd's socket: starts a POST whose body arrives in two
halves, sends SIGTERM to the supervisor PID between them, then sends the rest and
prints the complete response. The caller checks that a full answer came back.
"""
import os
import signal
import socket
import struct
import sys
import time

BEGIN_REQUEST, END_REQUEST, PARAMS, STDIN, STDOUT = 1, 3, 4, 5, 6


def record(rtype, body, req_id=1):
    return struct.pack("!BBHHBx", 1, rtype, req_id, len(body), 0) + body


def pair(name, value):
    def length(n):
        return struct.pack("!B", n) if n < 128 else struct.pack("!I", n | 0x80000000)
    name, value = name.encode(), value.encode()
    return length(len(name)) + length(len(value)) + name + value


def main():
    sock_path, pid = sys.argv[1], int(sys.argv[2])
    body = b"email=a%40b.example&password=halvvags"
    params = b"".join(pair(k, v) for k, v in [
        ("REQUEST_METHOD", "POST"), ("DOCUMENT_URI", "/logga-in"),
        ("CONTENT_TYPE", "application/x-www-form-urlencoded"),
        ("CONTENT_LENGTH", str(len(body))), ("HTTP_ACCEPT", "text/plain"),
    ])
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(20)
    s.connect(sock_path)
    s.sendall(record(BEGIN_REQUEST, struct.pack("!HB5x", 1, 0)) +
              record(PARAMS, params) + record(PARAMS, b"") +
              record(STDIN, body[:10]))
    time.sleep(0.5)                      # the worker is now inside the request
    os.kill(pid, signal.SIGTERM)
    time.sleep(1.0)                      # long enough for idle workers to exit
    s.sendall(record(STDIN, body[10:]) + record(STDIN, b""))
    out, buf = b"", b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        buf += chunk
        while len(buf) >= 8:
            _, rtype, _, clen, plen = struct.unpack("!BBHHBx", buf[:8])
            if len(buf) < 8 + clen + plen:
                break
            content, buf = buf[8:8 + clen], buf[8 + clen + plen:]
            if rtype == STDOUT:
                out += content
            elif rtype == END_REQUEST:
                sys.stdout.write(out.decode("utf-8", "replace"))
                return 0
    sys.stdout.write(out.decode("utf-8", "replace"))
    print("\nno END_REQUEST: the connection closed early", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
