#!/usr/bin/env python3
"""read.py: what a test needs from one delivered message (tests/mail/smtpd.py wrote it).

usage: read.py FILE.eml header NAME   the decoded header (empty if absent)
       read.py FILE.eml text          the text/plain part, decoded
       read.py FILE.eml html          the text/html part, decoded
       read.py FILE.eml links         every http(s) link of the text part, one a line
       read.py FILE.eml check         exits 1 unless the message is well-formed MIME
                                      with Message-ID, Date, From, To and Subject
"""
import email
import email.policy
import re
import sys


def part(msg, ctype):
    for p in msg.walk():
        if p.get_content_type() == ctype and not p.is_multipart():
            return p.get_content()
    return ""


def main():
    path, what = sys.argv[1], sys.argv[2]
    with open(path, "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    if what == "header":
        print(msg.get(sys.argv[3], "") or "")
    elif what == "text":
        sys.stdout.write(part(msg, "text/plain"))
    elif what == "html":
        sys.stdout.write(part(msg, "text/html"))
    elif what == "links":
        for url in re.findall(r"https?://[^\s<>\"]+", part(msg, "text/plain")):
            print(url)
    elif what == "check":
        for h in ("Message-ID", "Date", "From", "To", "Subject"):
            if not msg.get(h):
                sys.exit("missing header " + h)
        if msg.defects:
            sys.exit("defects: %r" % msg.defects)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
