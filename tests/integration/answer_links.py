#!/usr/bin/env python3
"""answer_links.py BUILD-DIR BASE-URL TMPDIR: every link to an answer lands on the answer of
the organisation it names. As a granskare, on the demo remiss: tags two answers to a section
and one whole response with a theme, saves a section summary resting on every answer, adds a
section to the beslutsförslag and records a dialogmöte with two organisations that answered
and one that (in the demo) did not. Then it reads the summary pages (of every section and of
the theme), the section views, the analysis and near-duplicate pages, searches, every
beslutsförslag, the meeting and the matrix, follows each link into the section view
(/granskning/avsnitt/NR with a #fragment), and checks that the element the fragment names
exists on the page it lands on, is an answer, and is headed by the organisation the link
names: in its text, in the list item, label or paragraph around it (a search hit names it in
bold before the link), or for a matrix cell in its column's header. Every other link with a
#fragment on those pages, the themes page and the open notes page (a note is made for it)
must land on an element that exists. Needs REMISS_DB and the demo data.
Prints "ok N - name" lines and "N passed, N failed".
"""
import html.parser
import http.client
import os
import re
import subprocess
import sys
import urllib.parse

from lib import check, finish

BUILD, BASE = sys.argv[1], sys.argv[2]
SLUG = "ok-hemsjukvard-2025"
PW = "remissvar-demo"
EMAIL = "alva.ankare@regionhalland.example"


# --- a small HTML tree --------------------------------------------------------------
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.walk()

    def ancestors(self):
        p = self.parent
        while p is not None:
            yield p
            p = p.parent

    def elements(self):
        return [c for c in self.children if isinstance(c, Node)]


class TreeBuilder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.cur = Node("#root", {}, None)

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        for a in [self.cur, *self.cur.ancestors()]:
            if a.tag == tag:
                self.cur = a.parent
                return

    def handle_data(self, data):
        self.cur.children.append(data)


def parse(body):
    t = TreeBuilder()
    t.feed(body)
    return t.root


def squash(s):
    return " ".join(s.split())


# --- HTTP with a session cookie, redirects not followed -------------------------------
u = urllib.parse.urlparse(BASE)
cookies = {}


def request(method, path, form=None):
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    headers = {"Accept": "text/html"}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    body = None
    if form is not None:
        body = urllib.parse.urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body, headers)
    r = conn.getresponse()
    data = r.read().decode("utf-8", "replace")
    for k, v in r.getheaders():
        if k.lower() == "set-cookie":
            name, _, rest = v.partition("=")
            cookies[name] = rest.split(";", 1)[0]
    conn.close()
    return r.status, r.getheader("Location") or "", data


def csrf_of(body):
    m = re.search(r'name="csrf" value="([0-9a-f]+)"', body)
    return m.group(1) if m else ""


def sql(q):
    return subprocess.run(["psql", os.environ["REMISS_DB"], "-XqAt", "-c", q], capture_output=True, text=True,
                          check=True).stdout.strip()


# --- log in as a granskare of our own ------------------------------------------------
subprocess.run([f"{BUILD}/remissctl", "user", "add", EMAIL, "granskare", "--name",
                "Alva Ankare"], input=PW + "\n", text=True, capture_output=True)
_, _, body = request("GET", "/logga-in")
status, _, _ = request("POST", "/logga-in", {"csrf": csrf_of(body), "email": EMAIL,
                                              "password": PW})
check("a granskare logs in", status == 303, [f"status {status}"])
W = f"/remisser/{SLUG}"
status, _, body = request("GET", f"{W}/granskning")
csrf = csrf_of(body)
rid = sql(f"SELECT id FROM remiss WHERE slug = '{SLUG}'")
orgs = [l for l in sql("SELECT o.name FROM invitations i JOIN organisations o ON o.id = i.org_id"
                       f" WHERE i.remiss_id = {rid}").splitlines() if l]
sections = [l for l in sql(f"SELECT nr FROM sections WHERE remiss_id = {rid}"
                           " AND removed_at IS NULL ORDER BY position").splitlines() if l]
answered = [l for l in sql("SELECT o.name FROM responses r JOIN organisations o ON o.id = r.org_id"
                           f" WHERE r.remiss_id = {rid} ORDER BY o.name").splitlines() if l]
check("the demo remiss has answers from Falkenberg and Halmstad to link to",
      status == 200 and "Falkenbergs kommun" in answered and "Halmstads kommun" in answered,
      [f"status {status}, answered {answered}"])

# --- what the pages link from: tags, a summary, a decision, a meeting -----------------
NR = "3.3"
status, _, _ = request("POST", f"{W}/teman", {"csrf": csrf, "namn": "Länkarnas tema"})
tid = sql(f"SELECT id FROM themes WHERE remiss_id = {rid} AND name = 'Länkarnas tema'")
check("a theme is created", status == 303 and tid != "", [f"status {status}"])


def tag_answers(nr, names):
    """Tags the answers of the organisations names on section nr's view with the theme."""
    _, _, page = request("GET", f"{W}/granskning/avsnitt/{nr}")
    root, done = parse(page), []
    for art in (e for e in root.walk() if e.tag == "article"):
        h2 = next((e for e in art.walk() if e.tag == "h2"), None)
        if h2 is None or squash(h2.text()) not in names:
            continue
        form = next((e for e in art.walk() if e.tag == "form"
                     and "tag-form" in e.attrs.get("class", "")), None)
        fields = {e.attrs["name"]: e.attrs.get("value", "") for e in form.walk()
                  if e.tag == "input" and e.attrs.get("type") == "hidden"}
        fields.update(tema=tid, citat="")
        st, _, _ = request("POST", form.attrs["action"], fields)
        done.append((squash(h2.text()), st))
    return done


tagged = tag_answers(NR, {"Falkenbergs kommun", "Halmstads kommun"}) + \
    tag_answers("helhet", {"Falkenbergs kommun"})
check("Falkenberg's and Halmstad's answers to 3.3 and Falkenberg's whole response are tagged",
      sorted(tagged) == [("Falkenbergs kommun", 303), ("Falkenbergs kommun", 303),
                         ("Halmstads kommun", 303)], [repr(tagged)])

# A note on Halmstad's answer to 3.3, for the open notes page's link to it.
_, _, page = request("GET", f"{W}/granskning/avsnitt/{NR}")
art = next(e for e in parse(page).walk() if e.tag == "article" and any(
    h.tag == "h2" and squash(h.text()) == "Halmstads kommun" for h in e.walk()))
form = next(e for e in art.walk() if e.tag == "form"
            and e.attrs.get("action", "").endswith("/granskning/anteckna"))
fields = {e.attrs["name"]: e.attrs.get("value", "") for e in form.walk()
          if e.tag == "input" and e.attrs.get("type") == "hidden"}
fields.update(text="Vilka kriterier menar Halmstad?", citat="")
status, _, _ = request("POST", form.attrs["action"], fields)
check("a note on Halmstad's answer to 3.3 is saved", status == 303, [f"status {status}"])

summary = f"{W}/sammanfattning?avsnitt={NR}"
_, _, page = request("GET", summary)
refs = re.findall(r'name="ref" id="[^"]*" value="([^"]*)"', page)
version = re.search(r'name="version" value="([0-9]+)"', page)
status, _, _ = request("POST", summary, [("csrf", csrf), ("version", version.group(1)), (
    "text", "Falkenberg och Halmstad vill båda ha tydligare kriterier.\n"
    "Se särskilt svaret (Falkenbergs kommun)\noch svaret (Halmstads kommun)")] +
    [("ref", r) for r in refs])
check(f"a summary of {NR} resting on every answer ({len(refs)}) is saved",
      status == 303 and len(refs) >= 4, [f"status {status}, refs {refs}"])

status, loc, _ = request("POST", f"{W}/beslutsforslag", {"csrf": csrf, "nr": "9",
                                                         "rubrik": "Länkprov"})
new_decision = urllib.parse.urlparse(loc).path
check("a section is added to the beslutsförslag", status == 303 and "/beslutsforslag/ny-" in loc,
      [f"status {status}, Location {loc}"])

org_id = {name: sql(f"SELECT id FROM organisations WHERE name = '{name}'")
          for name in ("Falkenbergs kommun", "Halmstads kommun", "Kungsbacka kommun")}
status, loc, _ = request("POST", f"{W}/dialogmoten", [
    ("csrf", csrf), ("datum", "2024-05-14"), ("rubrik", "Länkarnas möte")] +
    [("organisation", i) for i in org_id.values()])
meeting = urllib.parse.urlparse(loc).path
check("a dialogmöte with Falkenberg, Halmstad and Kungsbacka (no answer) is recorded",
      status == 303 and re.search(r"/dialogmoten/[0-9]+$", meeting) is not None,
      [f"status {status}, Location {loc}"])

# --- the links ------------------------------------------------------------------------
ANSWER = re.compile(rf"^/remisser/{re.escape(SLUG)}/granskning/avsnitt/([^/#?]+)(?:#(.*))?$")
pages = {}


def fetch(path):
    if path not in pages:
        st, _, body = request("GET", path)
        pages[path] = (st, parse(body))
    return pages[path]


def orgs_in(s):
    found = {o for o in orgs if o in s}
    return {o for o in found if not any(o != p and o in p for p in found)}


def named(a):
    """The organisations the page names for link a (see the docstring)."""
    td = next((x for x in a.ancestors() if x.tag in ("td", "th")), None)
    if td is not None and td.tag == "td":
        row = td.parent
        col = row.elements().index(td)
        table = next(x for x in row.ancestors() if x.tag == "table")
        head = next((x for x in table.walk() if x.tag == "thead"), None)
        hrow = next((x for x in head.walk() if x.tag == "tr"), None) if head else None
        if hrow is not None and col < len(hrow.elements()):
            return orgs_in(squash(hrow.elements()[col].text()))
        return set()
    found = orgs_in(squash(a.text()))
    if found:
        return found
    scope = next((x for x in a.ancestors() if x.tag in ("li", "label", "p", "dd")), None)
    return orgs_in(squash(scope.text())) if scope is not None else set()


def follow(path):
    """(links to answers, problems) of the page at path."""
    st, root = fetch(path)
    if st != 200:
        return 0, [f"{path}: status {st}"]
    links, problems = 0, []
    for a in (e for e in root.walk() if e.tag == "a"):
        m = ANSWER.match(a.attrs.get("href", ""))
        if m is None or not (m.group(2) or "").startswith("svar-"):
            continue
        links += 1
        href, frag = a.attrs["href"], m.group(2)
        who = named(a)
        if len(who) != 1:
            problems.append(f"{path}: {href} ({squash(a.text())!r}) names {sorted(who)}")
            continue
        want = who.pop()
        lst, lroot = fetch(href.split("#")[0])
        el = next((e for e in lroot.walk() if e.attrs.get("id") == frag), None)
        if lst != 200 or el is None:
            problems.append(f"{path}: {href} for {want}: no element #{frag} (status {lst})")
            continue
        head = next((e for e in lroot.walk()
                     if e.attrs.get("id") == el.attrs.get("aria-labelledby")), None)
        got = squash(head.text()) if head is not None else None
        if el.tag != "article" or "answer" not in el.attrs.get("class", "") or got != want:
            problems.append(f"{path}: {href} for {want} lands on <{el.tag}> of {got}")
    return links, problems


def all_links(name, paths, at_least):
    total, problems = 0, []
    for p in paths:
        k, pr = follow(p)
        total += k
        problems += pr
    check(f"{name}: every answer link ({total}) lands on the named organisation's answer",
          total >= at_least and not problems,
          ([f"only {total} links, expected at least {at_least}"] if total < at_least else [])
          + problems)


all_links(f"the summary page of {NR} (its candidates and the saved summary)", [summary],
          2 * len(refs) + 2)
all_links("the summary pages of every section", [f"{W}/sammanfattning?avsnitt={nr}"
                                                 for nr in sections], len(sections))
all_links("the theme's summary page (answers to a section and a whole response)",
          [f"{W}/sammanfattning?tema={tid}"], 3)
all_links("the section views (the summary's references)",
          [f"{W}/granskning/avsnitt/{nr}" for nr in sections + ["helhet"]], len(refs) + 2)
all_links("the analysis pages and the near-duplicates",
          [f"{W}/analys"] + [f"{W}/analys?avsnitt={nr}" for nr in sections] +
          [f"{W}/dubbletter"], 1)
all_links("search hits (answers and summaries)",
          [f"{W}/sok?q={urllib.parse.quote(q)}" for q in
           ("kommun", "läkarmedverkan", "tröskelprincipen", "hemsjukvård")], len(answered))
all_links("the beslutsförslag of every section and of an added section",
          [f"{W}/beslutsforslag/{nr}" for nr in sections] + [new_decision],
          len(sections) + len(answered))
all_links("the dialogmöte", [meeting], 2)
all_links("the review matrix", [f"{W}/granskning"], len(answered))

# Every search hit is an answer link (not the top of its section).
st, root = fetch(f"{W}/sok?q=kommun")
hits = [a for li in root.walk() if li.tag == "li" and li.parent.attrs.get("class") == "hits"
        for a in li.walk() if a.tag == "a"]
check("every search hit links to the organisation's answer itself",
      hits and all((ANSWER.match(a.attrs.get("href", "")) or [None] * 3)[2] for a in hits),
      [a.attrs.get("href", "") for a in hits if not (ANSWER.match(a.attrs.get("href", ""))
                                                     or [None] * 3)[2]])
# The meeting links the organisations that have answered, and names the others unlinked
# (Kungsbacka, unless a suite before this one answered for it).
st, root = fetch(meeting)
linked = {squash(a.text()) for a in root.walk() if a.tag == "a" and a.parent.tag == "li"
          and ANSWER.match(a.attrs.get("href", ""))}
responded = set(sql("SELECT o.name FROM responses r JOIN organisations o ON o.id = r.org_id"
                    f" WHERE r.remiss_id = {rid}").splitlines())
check("the meeting links exactly its organisations that have answered",
      st == 200 and all(o in root.text() for o in org_id) and
      linked == {o for o in org_id if o in responded},
      [f"linked {sorted(linked)}, answered {sorted(o for o in org_id if o in responded)}"])

# Every other link with a #fragment on these pages, the themes page and the open notes
# page lands on an element that exists (a note, a theme, a heading).
for extra in (f"{W}/teman", f"{W}/anteckningar"):
    fetch(extra)
missing, seen = [], 0
for path, (st, root) in list(pages.items()):
    for a in (e for e in root.walk() if e.tag == "a"):
        href = a.attrs.get("href", "")
        if "#" not in href or not (href.startswith("/") or href.startswith("#")):
            continue
        target, frag = href.split("#", 1)
        seen += 1
        lst, lroot = fetch(target or path)
        if lst != 200 or not any(e.attrs.get("id") == frag for e in lroot.walk()):
            missing.append(f"{path}: {href} (status {lst})")
check(f"every link with a fragment on those pages ({seen}) lands on an element that exists",
      seen > 0 and not missing, missing)
st, root = fetch(f"{W}/anteckningar")
check("the open notes page links to the note",
      any("#anteckning-" in a.attrs.get("href", "") for a in root.walk() if a.tag == "a"))

finish()
