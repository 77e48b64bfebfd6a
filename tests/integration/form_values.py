#!/usr/bin/env python3
"""tests/integration/form_values.py HTML-FILE ACTION: the values a browser would send for the
form whose action is ACTION, one NAME=VALUE per line (newlines in a value as \\n): text, hidden,
date, email and tel inputs, checked radios and checkboxes, textareas. Used by reading.sh to post
a prefilled form back as the person confirming it would."""
import sys
from html.parser import HTMLParser


class Form(HTMLParser):
    def __init__(self, action):
        super().__init__(convert_charrefs=True)
        self.action, self.inside, self.area, self.values = action, False, None, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("action") == self.action
        if not self.inside:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("radio", "checkbox"):
                if "checked" in a:
                    self.values.append((a["name"], a.get("value", "on")))
            elif kind not in ("file", "submit", "button"):
                self.values.append((a["name"], a.get("value") or ""))
        elif tag == "textarea" and a.get("name"):
            self.area = [a["name"], ""]

    def handle_data(self, data):
        if self.area is not None:
            self.area[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.area is not None:
            self.values.append(tuple(self.area))
            self.area = None
        elif tag == "form":
            self.inside = False


p = Form(sys.argv[2])
with open(sys.argv[1], encoding="utf-8") as f:
    p.feed(f.read())
for name, value in p.values:
    # A textarea's first newline is not part of its value.
    print(f"{name}={value.replace(chr(10), chr(92) + 'n')}")
