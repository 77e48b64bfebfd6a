#!/usr/bin/env python3
"""bench/data.py: the data of the benchmarks, generated (no fixtures to keep in step).

  data.py files OUT NORGS      remiss definitions, the seven review responses, the 100 KB
                               upload template, setup.sql (users, sessions, API tokens,
                               drafts), sessions.txt, tokens.txt, granskare.txt
  data.py pgbench OUT KIND     the pgbench script of one submission transaction (KIND webb
                               or xml), its payload taken from a version the server stored
                               in the warm-up (needs REMISS_DB)

Every secret is random per run; the database stores only SHA-256 hashes, as remissd does.
"""
import datetime
import hashlib
import os
import secrets
import subprocess
import sys

SUBMIT_SLUG = "bench-svar"
REVIEW_SLUG = "bench-granskning"
SUBMIT_SECTIONS = 10
REVIEW_SECTIONS = 30
REVIEW_ORGS = 7
POSITIONS = ["tillstyrker", "tillstyrker-med-andringar", "avstyrker", "inga-synpunkter"]

WORDS = ("kommunen regionen hemsjukvård ansvar vårdcentral tröskelprincipen ersättning "
         "uppföljning samverkan sjuksköterska läkarinsats planering trygghet invånare "
         "kostnader verksamheten bedömning överenskommelse förslaget behöver").split()


def text(n, seed):
    """About n characters of Swedish-looking prose, deterministic per seed."""
    out, i = [], seed
    while sum(len(w) + 1 for w in out) < n:
        out.append(WORDS[(i * 7 + len(out) * 3) % len(WORDS)])
        i += 1
    s = " ".join(out)
    return s[:1].upper() + s[1:n - 1] + "."


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def sql_lit(s):
    return "'" + s.replace("'", "''") + "'"


def pgb_lit(s):
    """A literal pgbench leaves alone: it takes every ":name", even inside quotes, for a
    variable, so colons are written as \\x3a in an E'' string."""
    return "E'" + s.replace("\\", "\\\\").replace("'", "''").replace(":", "\\x3a") + "'"


def sha(s):
    return hashlib.sha256(s.encode()).hexdigest()


def remiss_xml(slug, title, nsections, orgs):
    today = datetime.date.today()
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<remiss xmlns="urn:remissvar:1" id="{slug}">',
             f"  <titel>{esc(title)}</titel>",
             "  <avsandare>Region Halland, prestandamätning</avsandare>",
             f"  <oppnar>{today - datetime.timedelta(days=30)}</oppnar>",
             f"  <sista-svarsdag>{today + datetime.timedelta(days=30)}</sista-svarsdag>",
             f"  <beskrivning>{esc(text(600, 1))}</beskrivning>"]
    lines += [f'  <remissinstans typ="kommun">{esc(o)}</remissinstans>' for o in orgs]
    lines += [f'  <avsnitt nr="{i}" rubrik="Avsnitt {i}">{esc(text(400, i))}</avsnitt>'
              for i in range(1, nsections + 1)]
    lines.append("</remiss>")
    return "\n".join(lines) + "\n"


def remissvar_xml(slug, org, nsections, comment_len):
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<remissvar xmlns="urn:remissvar:1" remiss="{slug}">',
             f'  <remissinstans typ="kommun">{esc(org)}</remissinstans>',
             "  <diarienummer>KS 2025/17</diarienummer>",
             '  <beslut instans="Kommunstyrelsen" datum="2025-01-15"/>',
             '  <kontakt namn="Bengt Bänk" epost="bengt.bank@example.se" telefon="035-00 00 00"/>',
             "  <stallningstagande>tillstyrker-med-andringar</stallningstagande>",
             f"  <sammanfattning>{esc(text(300, 5))}</sammanfattning>"]
    for i in range(1, nsections + 1):
        lines += [f'  <svar avsnitt="{i}">',
                  f"    <stallningstagande>{POSITIONS[i % 4]}</stallningstagande>",
                  f"    <kommentar>{esc(text(comment_len, i))}</kommentar>",
                  f"    <forslag-till-lydelse>{esc(text(comment_len // 4, i + 3))}</forslag-till-lydelse>",
                  "  </svar>"]
    lines.append("</remissvar>")
    return "\n".join(lines) + "\n"


def files(out, norgs):
    os.makedirs(out, exist_ok=True)
    orgs = [f"Benchkommun {i:03d}" for i in range(norgs)]
    review_orgs = [f"Granskkommun {i}" for i in range(1, REVIEW_ORGS + 1)]

    def write(name, s):
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(s)

    write("remiss-svar.xml", remiss_xml(SUBMIT_SLUG, "Mätning: inskick", SUBMIT_SECTIONS, orgs))
    write("remiss-granskning.xml",
          remiss_xml(REVIEW_SLUG, "Mätning: granskning", REVIEW_SECTIONS, review_orgs))
    for i, o in enumerate(review_orgs, 1):
        write(f"svar-granskning-{i}.xml", remissvar_xml(REVIEW_SLUG, o, REVIEW_SECTIONS, 600))
    # The upload: ten answers of about 8 KB and 2 KB make a 100 KB document.
    tmpl = remissvar_xml(SUBMIT_SLUG, "@ORG@", SUBMIT_SECTIONS, 7600)
    write("upload.xml.tmpl", tmpl)

    sql = ["BEGIN;"]
    sessions, tokens = [], []
    for n, o in enumerate(orgs):
        email = f"bench{n:03d}@bench.example"
        cookie, csrf, token = (secrets.token_hex(32) for _ in range(3))
        sessions.append(f"{cookie} {csrf} 0")
        tokens.append(f"{token}\t{o}")
        org = f"(SELECT id FROM organisations WHERE name = {sql_lit(o)})"
        sql.append(f"INSERT INTO users (email, name, role, org_id) VALUES ({sql_lit(email)},"
                   f" 'Bengt Bänk', 'kommun', {org});")
        sql.append(f"INSERT INTO sessions (token_hash, user_id, csrf) SELECT {sql_lit(sha(cookie))},"
                   f" id, {sql_lit(csrf)} FROM users WHERE email = {sql_lit(email)};")
        sql.append(f"INSERT INTO api_tokens (token_hash, org_id, label) VALUES"
                   f" ({sql_lit(sha(token))}, {org}, 'bench');")
        # The draft the web form sends: ten answers, about 5 KB in all.
        sql.append("INSERT INTO responses (remiss_id, org_id, draft_position, draft_summary,"
                   " draft_diarienummer, draft_decision_body, draft_decision_date,"
                   " draft_contact_name, draft_contact_email, draft_contact_phone)"
                   f" SELECT r.id, {org}, 'tillstyrker-med-andringar', {sql_lit(text(300, n))},"
                   " 'KS 2025/17', 'Kommunstyrelsen', '2025-01-15', 'Bengt Bänk',"
                   f" {sql_lit(email)}, '035-00 00 00' FROM remiss r WHERE r.slug = '{SUBMIT_SLUG}';")
        for i in range(1, SUBMIT_SECTIONS + 1):
            sql.append("INSERT INTO draft_answers (response_id, section_id, position, comment)"
                       f" SELECT re.id, s.id, '{POSITIONS[i % 4]}', {sql_lit(text(440, n + i))}"
                       " FROM responses re JOIN remiss r ON r.id = re.remiss_id"
                       f" JOIN sections s ON s.remiss_id = r.id AND s.nr = '{i}'"
                       f" WHERE r.slug = '{SUBMIT_SLUG}' AND re.org_id = {org};")
    gcookie, gcsrf = secrets.token_hex(32), secrets.token_hex(32)
    sql.append("INSERT INTO users (email, name, role) VALUES ('granskare@bench.example',"
               " 'Greta Granskare', 'granskare');")
    sql.append(f"INSERT INTO sessions (token_hash, user_id, csrf) SELECT {sql_lit(sha(gcookie))},"
               " id, " + sql_lit(gcsrf) + " FROM users WHERE email = 'granskare@bench.example';")
    sql.append("COMMIT;")
    write("setup.sql", "\n".join(sql) + "\n")
    write("sessions.txt", "\n".join(sessions) + "\n")
    write("tokens.txt", "\n".join(tokens) + "\n")
    write("granskare.txt", gcookie + "\n")


def psql(q):
    return subprocess.run(["psql", os.environ["REMISS_DB"], "-XAtq", "-c", q], check=True,
                          capture_output=True, text=True).stdout.rstrip("\n")


def pgbench(out, kind):
    """The transaction of response_submit() with STMT_* texts as in src/db/stmt.c."""
    v = psql(f"SELECT max(v.id) FROM response_versions v JOIN responses re ON re.id = v.response_id"
             f" JOIN remiss r ON r.id = re.remiss_id WHERE r.slug = '{SUBMIT_SLUG}'"
             f" AND v.channel = '{kind}'")
    if not v:
        sys.exit(f"data.py: no stored {kind} version to copy the payload from")
    col = lambda q: psql(q.replace("@V", v))
    xml = col("SELECT canonical_xml FROM response_versions WHERE id = @V")
    rid = col("SELECT re.remiss_id FROM response_versions v JOIN responses re ON re.id = v.response_id WHERE v.id = @V")
    f = {c: col(f"SELECT COALESCE({c}, '') FROM response_versions WHERE id = @V") for c in
         ("position", "summary", "decision_body", "decision_date::text", "diarienummer",
          "contact_name", "contact_email", "contact_phone", "sha256")}
    arrays = [col(f"SELECT array_agg({c} ORDER BY ord)::text FROM answers WHERE version_id = @V")
              for c in ("section_id", "question_id", "position", "comment", "proposed_wording",
                        "consequence_region", "consequence_kommun", "short_term", "long_term")]
    types = ["bigint"] * 2 + ["text"] * 7
    key = "(:client_id::text || '-' || :k::text)"
    detail = ('{"version":1,"receipt":"2025-000001","channel":"' + kind +
              '","response_id":1,"sha256":"' + f["sha256"] + '"}')
    nul = lambda s: "NULL" if s == "" else pgb_lit(s)
    s = f"""-- bench/pgbench-{kind}.sql (generated by bench/data.py): the SQL of one {kind} submission,
-- statement by statement as response_submit() runs it, with the payload of a stored version.
\\set org :orgbase + :client_id % :norgs
\\set k random(1, 9000000000000000000)
BEGIN;
SELECT to_char(COALESCE(i.extended_closes, r.closes), 'YYYY-MM-DD'),
 r.status = 'oppen' AND (now() AT TIME ZONE 'Europe/Stockholm')::date
  BETWEEN r.opens AND COALESCE(i.extended_closes, r.closes)
 FROM invitations i JOIN remiss r ON r.id = i.remiss_id
 WHERE i.remiss_id = {rid}::bigint AND i.org_id = :org::bigint;
SELECT r.id AS resp, r.lock_version, o.name, o.kind, COALESCE(o.orgnr, '')
 FROM responses r JOIN organisations o ON o.id = r.org_id
 WHERE r.remiss_id = {rid}::bigint AND r.org_id = :org::bigint FOR UPDATE OF r \\gset
SELECT id, request_sha256, receipt_number, iso_time_se(received_at), version, sha256
 FROM response_versions WHERE response_id = :resp::bigint AND idempotency_key = {key};
INSERT INTO response_versions (response_id, version, channel, position, summary, decision_body,
 decision_date, diarienummer, contact_name, contact_email, contact_phone, canonical_xml, sha256,
 receipt_number, received_at, submitted_by, idempotency_key, request_sha256)
 SELECT :resp::bigint, COALESCE((SELECT max(version) FROM response_versions
  WHERE response_id = :resp::bigint), 0) + 1,
 '{kind}', {nul(f['position'])}, {nul(f['summary'])}, {nul(f['decision_body'])},
 {nul(f['decision_date::text'])}::date, {nul(f['diarienummer'])}, {nul(f['contact_name'])},
 {nul(f['contact_email'])}, {nul(f['contact_phone'])}, {pgb_lit(xml)}, '{f['sha256']}',
 receipt_number(now(), nextval('response_receipt_seq')), now(), NULL, {key}, '{f['sha256']}'
 RETURNING id AS vid, version, receipt_number, iso_time_se(received_at) \\gset
INSERT INTO answers (version_id, ord, section_id, question_id, position, comment,
 proposed_wording, consequence_region, consequence_kommun, short_term, long_term)
 SELECT :vid::bigint, u.ord - 1, u.s, u.q, u.p, u.c, u.w, u.cr, u.ck, u.st, u.lt
 FROM unnest({', '.join(pgb_lit(a) + '::' + t + '[]' for a, t in zip(arrays, types))})
 WITH ORDINALITY AS u(s, q, p, c, w, cr, ck, st, lt, ord);
INSERT INTO audit_log (actor, action, object_type, object_id, detail)
 VALUES ('org:' || :org::text, 'response.submit', 'response_version', :vid::text, {pgb_lit(detail)}::jsonb)
 RETURNING id;
COMMIT;
"""
    with open(os.path.join(out, f"pgbench-{kind}.sql"), "w", encoding="utf-8") as fh:
        fh.write(s)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "files":
        files(sys.argv[2], int(sys.argv[3]))
    elif len(sys.argv) == 4 and sys.argv[1] == "pgbench":
        pgbench(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
