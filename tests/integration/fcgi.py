#!/usr/bin/env python3
"""fcgi.py: a small FastCGI client for tests that must talk to remissd without nginx.

  fcgi.py request SOCKET NAME=VALUE...  one GET with these params; prints the response
  fcgi.py post SOCKET BODY NAME=VALUE... one urlencoded POST of BODY with these params
  fcgi.py inflight SOCKET PID           a POST whose body arrives in two halves, with
                                        SIGTERM sent to PID between them; prints the response
Exit status 0 if a complete response (END_REQUEST) arrived.
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


def connect(path, params):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(20)
    s.connect(path)
    body = b"".join(pair(k, v) for k, v in params)
    s.sendall(record(BEGIN_REQUEST, struct.pack("!HB5x", 1, 0)) +
              record(PARAMS, body) + record(PARAMS, b""))
    return s


def read_response(s):
    # Collects STDOUT records in a list and parses buf from an offset: a
    # 15 MB page must not be copied once per 8 KB record.
    out, buf, at = [], bytearray(), 0
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        buf += chunk
        while len(buf) - at >= 8:
            _, rtype, _, clen, plen = struct.unpack("!BBHHBx", buf[at:at + 8])
            if len(buf) - at < 8 + clen + plen:
                break
            content = bytes(buf[at + 8:at + 8 + clen])
            at += 8 + clen + plen
            if rtype == STDOUT:
                out.append(content)
            elif rtype == END_REQUEST:
                sys.stdout.write(b"".join(out).decode("utf-8", "replace"))
                return 0
        if at > 1 << 20:
            del buf[:at]
            at = 0
    sys.stdout.write(b"".join(out).decode("utf-8", "replace"))
    print("\nno END_REQUEST: the connection closed early", file=sys.stderr)
    return 1


def request(path, args):
    params = {"REQUEST_METHOD": "GET", "DOCUMENT_URI": "/"}
    params.update(a.split("=", 1) for a in args)
    s = connect(path, list(params.items()))
    s.sendall(record(STDIN, b""))
    return read_response(s)


def post(path, body, args):
    body = body.encode()
    params = {"REQUEST_METHOD": "POST", "DOCUMENT_URI": "/",
              "CONTENT_TYPE": "application/x-www-form-urlencoded",
              "CONTENT_LENGTH": str(len(body))}
    params.update(a.split("=", 1) for a in args)
    s = connect(path, list(params.items()))
    s.sendall(record(STDIN, body) + record(STDIN, b""))
    return read_response(s)


def inflight(path, pid):
    body = b"email=a%40b.example&password=halvvags"
    s = connect(path, [
        ("REQUEST_METHOD", "POST"), ("DOCUMENT_URI", "/logga-in"),
        ("CONTENT_TYPE", "application/x-www-form-urlencoded"),
        ("CONTENT_LENGTH", str(len(body))), ("HTTP_ACCEPT", "text/plain"),
    ])
    s.sendall(record(STDIN, body[:10]))
    time.sleep(0.5)                      # the worker is now inside the request
    os.kill(pid, signal.SIGTERM)
    time.sleep(1.0)                      # long enough for idle workers to exit
    s.sendall(record(STDIN, body[10:]) + record(STDIN, b""))
    return read_response(s)


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "request":
        return request(sys.argv[2], sys.argv[3:])
    if len(sys.argv) >= 4 and sys.argv[1] == "post":
        return post(sys.argv[2], sys.argv[3], sys.argv[4:])
    if len(sys.argv) == 4 and sys.argv[1] == "inflight":
        return inflight(sys.argv[2], int(sys.argv[3]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
