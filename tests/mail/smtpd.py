#!/usr/bin/python3
"""smtpd.py: a real SMTP server for the tests and ./dev/run (Debian's python3-aiosmtpd).

Each message it accepts is written whole, as received, to DIR/new/NNNNNN.eml (the envelope
recipients in DIR/new/NNNNNN.rcpt), so that tests read what a mail server delivered. What it
answers to DATA follows the file DIR/mode, read for every message: "accept" (the default),
"tempfail" (451: try again later) or "permfail" (550: refused for good). A test switches
modes without restarting it; stopping it (SIGTERM) is the outage.

usage: smtpd.py --dir DIR --port PORT [--port-tries N] --pidfile FILE --portfile FILE
Listens on 127.0.0.1 only, on the first free port from PORT; writes that port to --portfile
once listening.
"""
import argparse
import asyncio
import os
import signal
import socket
import sys

from aiosmtpd.controller import Controller


class Maildir:
    def __init__(self, root):
        self.root = root
        self.new = os.path.join(root, "new")
        os.makedirs(self.new, exist_ok=True)
        self.count = len([n for n in os.listdir(self.new) if n.endswith(".eml")])

    def mode(self):
        try:
            with open(os.path.join(self.root, "mode")) as f:
                return f.read().strip() or "accept"
        except FileNotFoundError:
            return "accept"

    async def handle_DATA(self, server, session, envelope):
        mode = self.mode()
        if mode == "tempfail":
            return "451 4.3.0 Try again later (test server)"
        if mode == "permfail":
            return "550 5.7.1 Refused (test server)"
        self.count += 1
        base = os.path.join(self.new, "%06d" % self.count)
        tmp = base + ".tmp"
        with open(tmp, "wb") as f:
            f.write(envelope.original_content or envelope.content)
            f.flush()
            os.fsync(f.fileno())
        with open(base + ".rcpt", "w") as f:
            f.write("\n".join(envelope.rcpt_tos) + "\n")
        os.rename(tmp, base + ".eml")
        return "250 2.0.0 Delivered"


def free(port):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--port-tries", type=int, default=50)
    ap.add_argument("--pidfile", required=True)
    ap.add_argument("--portfile", required=True)
    a = ap.parse_args()
    handler = Maildir(a.dir)
    for port in range(a.port, a.port + a.port_tries):
        if not free(port):
            continue
        ctl = Controller(handler, hostname="127.0.0.1", port=port,
                         server_hostname="smtp.test", data_size_limit=50 * 1024 * 1024)
        try:
            ctl.start()
        except Exception:
            continue
        break
    else:
        sys.exit("smtpd.py: no free port from %d" % a.port)
    with open(a.pidfile, "w") as f:
        f.write("%d\n" % os.getpid())
    with open(a.portfile + ".tmp", "w") as f:
        f.write("%d\n" % port)
    os.rename(a.portfile + ".tmp", a.portfile)
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    loop.run_until_complete(stop.wait())
    ctl.stop()
    try:
        os.unlink(a.pidfile)
    except FileNotFoundError:
        pass


if __name__ == "__main__":
    main()
