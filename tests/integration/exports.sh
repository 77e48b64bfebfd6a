#!/usr/bin/env bash
# tests/integration/exports.sh BUILD-DIR BASE-URL TMPDIR: the exports of a remiss through nginx and
# remissctl: who may download them, their names and types, and that each format holds what the
# database holds (the CSV parses back into the database's rows, the XML validates, the HTML is
# well-formed, the ODT is a valid package naming every organisation and section). Needs
# REMISS_DB, REMISS_SCHEMA_DIR and the demo data. Prints "ok N - name" lines and a summary.
set -uo pipefail
BUILD=${1:?usage: exports.sh BUILD-DIR BASE-URL TMPDIR}
BASE=${2:?usage}
T=${3:?usage}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SLUG=ok-hemsjukvard-2025
API=/api/v1/remisser/$SLUG
PASS=0 FAIL=0 N=0
ok()    { N=$((N + 1)); PASS=$((PASS + 1)); echo "ok $N - $1"; }
notok() { N=$((N + 1)); FAIL=$((FAIL + 1)); echo "not ok $N - $1"; }
skip()  { N=$((N + 1)); PASS=$((PASS + 1)); echo "ok $N - $1 # SKIP $2"; }
check() { local name=$1; shift; if "$@"; then ok "$name"; else notok "$name"; fi; }
mkdir -p "$T"
export REMISS_STATIC_DIR=$ROOT/static
sql() { psql "$REMISS_DB" -qAtc "$1"; }

get() { # get TOKEN PATH OUT
	STATUS=$(curl -s -o "$3" -D "$T/headers" -w '%{http_code}' \
		${1:+-H "Authorization: Bearer $1"} "$BASE$2")
	tr -d '\r' <"$T/headers" >"$T/h"
}
status_is() { [ "$STATUS" = "$1" ] || { echo "#   status $STATUS, expected $1"; return 1; }; }
header_has() { grep -qiE -- "$1" "$T/h" || { echo "#   headers lack: $1"; return 1; }; }

F_TOKEN=$("$BUILD/remissctl" token create --user forvaltning@regionhalland.example --label export)
G_TOKEN=$("$BUILD/remissctl" token create --user granskare@regionhalland.example --label export)
K_TOKEN=$("$BUILD/remissctl" token create --org "Laholms kommun" --label export)

# Some analysis to export: a theme, a tag on a quoted passage and a note with a comma,
# a quote and a line break in it (the CSV must quote them).
rid=$(sql "SELECT id FROM remiss WHERE slug = '$SLUG'")
uid=$(sql "SELECT id FROM users WHERE email = 'granskare@regionhalland.example'")
sql "INSERT INTO themes (remiss_id, name, created_by) VALUES ($rid, 'Exporttema, \"citerat\"', $uid)
	ON CONFLICT DO NOTHING" >/dev/null
read -r resp sec ver <<<"$(psql "$REMISS_DB" -qAt -F ' ' -c "SELECT r.id, a.section_id, v.id
	FROM answers a JOIN response_versions v ON v.id = a.version_id
	JOIN responses r ON r.id = v.response_id
	WHERE r.remiss_id = $rid AND length(a.comment) > 12 AND a.section_id IS NOT NULL
	AND v.version = (SELECT max(version) FROM response_versions WHERE response_id = r.id)
	ORDER BY a.id LIMIT 1")"
tid=$(sql "SELECT id FROM themes WHERE remiss_id = $rid AND name LIKE 'Exporttema%'")
sql "INSERT INTO tags (theme_id, response_id, section_id, version_id, field, quote, start_pos,
	end_pos, created_by) SELECT $tid, $resp, $sec, $ver, 'kommentar', left(comment, 12), 0, 12, $uid
	FROM answers WHERE version_id = $ver AND section_id = $sec" >/dev/null
sql "INSERT INTO annotations (remiss_id, response_id, section_id, version_id, body, created_by)
	VALUES ($rid, $resp, $sec, $ver, E'Fråga \"varför\", och\nmer', $uid)" >/dev/null

# --- who may download -------------------------------------------------------------
get "" "$API/export.csv" "$T/x"
check "an export without credentials is 401" status_is 401
get "$K_TOKEN" "$API/export.csv" "$T/x"
check "a remissinstans may not export (403)" status_is 403
get "$F_TOKEN" "/api/v1/remisser/finns-inte/export.csv" "$T/x"
check "an unknown remiss is 404" status_is 404
get "$F_TOKEN" "$API/export.pdf" "$T/x"
check "an unknown format is 404" status_is 404
get "$G_TOKEN" "$API/export.csv" "$T/g.csv"
check "a granskare may export" status_is 200

for f in xml csv odt html taggar.csv; do
	get "$F_TOKEN" "$API/export.$f" "$T/api.$f"
	check "GET export.$f is 200 with a file name to save as" \
		eval 'status_is 200 && header_has "^Content-Disposition: attachment; filename=\"$SLUG-[a-z]+\.'"${f##*.}"'\""'
done
check "the types are XML, CSV, OpenDocument text and HTML" eval '
	get "$F_TOKEN" "$API/export.odt" "$T/x" && header_has "^Content-Type: application/vnd.oasis.opendocument.text" &&
	get "$F_TOKEN" "$API/export.csv" "$T/x" && header_has "^Content-Type: text/csv; charset=utf-8" &&
	get "$F_TOKEN" "$API/export.html" "$T/x" && header_has "^Content-Type: text/html; charset=utf-8" &&
	get "$F_TOKEN" "$API/export.xml" "$T/x" && header_has "^Content-Type: application/xml"'
check "every export is audited with who and which format" \
	eval '[ "$(sql "SELECT count(*) FROM audit_log WHERE action = '"'"'remiss.export'"'"' AND object_id = '"'"'$SLUG'"'"' AND detail->>'"'"'format'"'"' = '"'"'odt'"'"' AND actor LIKE '"'"'user:%'"'"'")" -ge 1 ]'

# --- remissctl export ---------------------------------------------------------------
for f in xml csv odt html taggar.csv; do
	check "remissctl export --format $f writes the file" \
		"$BUILD/remissctl" export "$SLUG" --format "$f" -o "$T/ctl.$f"
done
check "remissctl and the API give the same CSV, byte for byte" cmp -s "$T/ctl.csv" "$T/api.csv"
check "remissctl export of an unknown remiss fails (1) and leaves no file" \
	eval '"$BUILD/remissctl" export finns-inte --format csv -o "$T/none.csv" 2>/dev/null; [ $? = 1 ] && [ ! -e "$T/none.csv" ] && [ -z "$(ls "$T" | grep none.csv)" ]'
check "remissctl export with an unknown format is a usage error (2)" \
	eval '"$BUILD/remissctl" export "$SLUG" --format pdf -o "$T/x.pdf" 2>/dev/null; [ $? = 2 ]'
check "remissctl export --help" eval '"$BUILD/remissctl" export --help | grep -q "usage: remissctl export"'

# --- the CSV holds the database's rows ----------------------------------------------
latest="JOIN LATERAL (SELECT * FROM response_versions WHERE response_id = resp.id
	ORDER BY version DESC LIMIT 1) v ON true"
psql "$REMISS_DB" -qAc "COPY (SELECT o.name, o.kind, s.nr, s.heading, COALESCE(a.position, ''),
	COALESCE(a.comment, ''), COALESCE(a.proposed_wording, ''), COALESCE(a.consequence_region, ''),
	COALESCE(a.consequence_kommun, ''), COALESCE(a.short_term, ''), COALESCE(a.long_term, ''),
	COALESCE((SELECT string_agg(DISTINCT th.name, '; ') FROM tags t JOIN themes th ON th.id = t.theme_id
	  WHERE t.response_id = resp.id AND t.section_id = s.id), ''),
	v.version, iso_time_se(v.received_at)
	FROM remiss m JOIN sections s ON s.remiss_id = m.id AND s.removed_at IS NULL
	JOIN responses resp ON resp.remiss_id = m.id JOIN organisations o ON o.id = resp.org_id $latest
	LEFT JOIN answers a ON a.version_id = v.id AND a.section_id = s.id
	WHERE m.slug = '$SLUG' ORDER BY s.position, s.id, o.name) TO STDOUT WITH (FORMAT csv)" >"$T/expected.csv"
check "the CSV parses back into the database's rows (BOM, CRLF, header of INTERFACES.md)" \
	python3 "$ROOT/tests/export/csv_check.py" "$T/api.csv" "$T/expected.csv" remissinstans typ \
	avsnitt rubrik stallningstagande kommentar forslag_till_lydelse konsekvens_region \
	konsekvens_kommun kortsiktigt langsiktigt teman version mottagen
check "the teman column lists the answer's themes" grep -qF 'Exporttema, ""citerat""' "$T/api.csv"
rows_tags=$(sql "SELECT count(*) FROM tags t JOIN themes th ON th.id = t.theme_id WHERE th.remiss_id = $rid AND t.section_id IS NOT NULL AND t.question_id IS NULL")
rows_notes=$(sql "SELECT count(*) FROM annotations n JOIN annotations r ON r.id = COALESCE(n.parent_id, n.id) WHERE n.remiss_id = $rid AND r.question_id IS NULL")
check "the tags CSV has a row per tag and annotation, joinable on organisation and avsnitt" \
	python3 - "$T/api.taggar.csv" "$((rows_tags + rows_notes))" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
assert rows[0] == ["organisation", "avsnitt", "tema", "citat", "start", "slut", "anteckning", "av", "tid"], rows[0]
assert len(rows) - 1 == int(sys.argv[2]), (len(rows) - 1, sys.argv[2])
assert any(r[2] == 'Exporttema, "citerat"' and r[3] and r[4] == "0" and r[5] == "12" for r in rows[1:]), rows
assert any(r[6] == 'Fråga "varför", och\nmer' for r in rows[1:]), rows
EOF

# --- the XML validates ----------------------------------------------------------------
check "the XML export validates against schema/remissvar.xsd (xmllint)" \
	xmllint --noout --schema "$ROOT/schema/remissvar.xsd" "$T/api.xml"
check "the XML export validates with remissctl validate (the compiled schema)" \
	"$BUILD/remissctl" validate "$T/api.xml"
answered=$(sql "SELECT count(*) FROM responses r WHERE r.remiss_id = $rid AND EXISTS (SELECT 1 FROM response_versions v WHERE v.response_id = r.id)")
check "the XML export holds one remissvar per organisation that answered ($answered)" \
	eval '[ "$(grep -o "<remissvar " "$T/api.xml" | wc -l)" = "$answered" ]'
check "each remissvar in it is the stored canonical XML its receipt covers" python3 - "$T/api.xml" "$REMISS_DB" <<'EOF'
import hashlib, re, subprocess, sys
doc = open(sys.argv[1], encoding="utf-8").read()
parts = re.findall(r"<remissvar [\s\S]*?</remissvar>", doc)
stored = subprocess.run(["psql", sys.argv[2], "-qAtc", "SELECT v.sha256 FROM response_versions v"],
    capture_output=True, text=True, check=True).stdout.split()
for p in parts:
    assert hashlib.sha256(p.encode()).hexdigest() in stored, p[:200]
EOF

# --- the HTML is well-formed and complete ---------------------------------------------
check "the HTML export is well-formed (parses as XML)" xmllint --noout "$T/api.html"
names_and_headings() {
	sql "SELECT o.name FROM invitations i JOIN organisations o ON o.id = i.org_id WHERE i.remiss_id = $rid
		UNION ALL SELECT nr || ' ' || heading FROM sections WHERE remiss_id = $rid AND removed_at IS NULL"
}
missing_in() { # missing_in FILE: names and headings not in its text
	local s
	while IFS= read -r s; do grep -qF -- "$s" "$1" || echo "#   lacks: $s"; done < <(names_and_headings)
}
check "the HTML names every organisation and section heading" eval '[ -z "$(missing_in "$T/api.html" | tee /dev/stderr)" ]'
check "the HTML has a print stylesheet with a page break per section" \
	eval 'grep -q "@media print" "$T/api.html" && grep -q "break-before: page" "$T/api.html" && grep -q "<section class=\"avsnitt\"" "$T/api.html"'
check "the HTML chart gives the counts in text, not colour alone" \
	eval 'grep -q "<svg" "$T/api.html" && grep -qE "<text[^>]*>[0-9]+ tillstyrker" "$T/api.html"'

# --- the ODT is a valid package -------------------------------------------------------
mapfile -t expect < <(names_and_headings)
check "the ODT is a valid package (mimetype first and stored, manifest, well-formed parts) naming every organisation and section" \
	python3 "$ROOT/tests/export/odt_check.py" "$T/api.odt" Remissinstanser "Ställningstaganden per avsnitt" "${expect[@]}"
if command -v soffice >/dev/null 2>&1; then
	mkdir -p "$T/pdf"
	check "LibreOffice converts the ODT to PDF whose text has every organisation and section" eval '
		soffice --headless --convert-to pdf --outdir "$T/pdf" "$T/api.odt" >/dev/null 2>&1 &&
		pdftotext "$T/pdf/api.pdf" "$T/pdf/api.txt" && [ -z "$(missing_in "$T/pdf/api.txt")" ]'
else
	skip "LibreOffice converts the ODT to PDF with every organisation and section" "soffice is not installed"
fi


# --- answers to questions are in the section exports ---------------------------------
# The demo's question q1 (under section 3.3) is answered with consequences by Halmstad.
q1=$(sql "SELECT a.consequence_kommun FROM answers a JOIN questions q ON q.id = a.question_id
	JOIN response_versions v ON v.id = a.version_id JOIN responses resp ON resp.id = v.response_id
	JOIN organisations o ON o.id = resp.org_id JOIN remiss m ON m.id = q.remiss_id
	WHERE m.slug = '$SLUG' AND q.qid = 'q1' AND o.name = 'Halmstads kommun'
	ORDER BY v.version DESC LIMIT 1")
check "the HTML export has the section's question with each organisation's answer" \
	eval '[ -n "$q1" ] && grep -qF "Fråga q1: Vad är specialistvård" "$T/api.html" && grep -qF "$q1" "$T/api.html"'
check "the ODT export has them too" \
	python3 "$ROOT/tests/export/odt_check.py" "$T/api.odt" "Frågor om avsnittet" "$q1"
check "the XML export has them in the stored remissvar" grep -qF "<svar fraga=\"q1\">" "$T/api.xml"

# --- CSV formula injection, and questions on a remiss of their own ------------------
today=$(TZ=Europe/Stockholm date +%F)
later=$(TZ=Europe/Stockholm date -d '+10 days' +%F)
cat >"$T/formel-remiss.xml" <<XML
<remiss xmlns="urn:remissvar:1" id="formel-export-test">
  <titel>Formler i exporten</titel>
  <avsandare>Region Halland</avsandare>
  <oppnar>$today</oppnar>
  <sista-svarsdag>$later</sista-svarsdag>
  <remissinstans typ="kommun">Formelkommunen</remissinstans>
  <avsnitt nr="1" rubrik="Första">Text ett.
    <fraga id="f1" typ="fritext">Hur påverkas ni?</fraga>
  </avsnitt>
  <avsnitt nr="2" rubrik="Andra">Text två.</avsnitt>
</remiss>
XML
cat >"$T/formel-svar.xml" <<'XML'
<remissvar xmlns="urn:remissvar:1" remiss="formel-export-test">
  <remissinstans typ="kommun">Formelkommunen</remissinstans>
  <kontakt namn="Eva Ek" epost="eva.ek@example.se"/>
  <stallningstagande>tillstyrker</stallningstagande>
  <svar avsnitt="1">
    <stallningstagande>avstyrker</stallningstagande>
    <kommentar>=HYPERLINK("http://example.com/x","Klicka")</kommentar>
    <forslag-till-lydelse>+46 35 13 20 00</forslag-till-lydelse>
  </svar>
  <svar avsnitt="2">
    <kommentar>- punkt ett
- punkt två</kommentar>
    <forslag-till-lydelse>@SUM(A1:A2)</forslag-till-lydelse>
  </svar>
  <svar fraga="f1">
    <kommentar>Svaret på fråga f1 från Formelkommunen.</kommentar>
  </svar>
  <svar fraga="f9">
    <tidshorisont typ="kortsiktigt">Kortsiktigt svar på f9.</tidshorisont>
  </svar>
</remissvar>
XML
if "$BUILD/remissctl" remiss import "$T/formel-remiss.xml" >/dev/null 2>"$T/err"; then
	# A question to the whole remiss (the editor makes those; the remiss XML has none).
	sql "INSERT INTO questions (remiss_id, qid, kind, text, position) SELECT id, 'f9',
		'tidshorisont', 'Vad händer på kort och lång sikt?', 9 FROM remiss
		WHERE slug = 'formel-export-test'" >/dev/null
	FK_TOKEN=$("$BUILD/remissctl" token create --org "Formelkommunen" --label export)
	STATUS=$(curl -s -o "$T/x" -w '%{http_code}' -H "Authorization: Bearer $FK_TOKEN" \
		-H 'Content-Type: application/xml' --data-binary @"$T/formel-svar.xml" \
		"$BASE/api/v1/remisser/formel-export-test/remissvar")
	check "a response with formula-like comments is stored as written" \
		eval 'status_is 201 && [ "$(sql "SELECT count(*) FROM answers a JOIN response_versions v ON v.id = a.version_id JOIN responses r ON r.id = v.response_id JOIN remiss m ON m.id = r.remiss_id WHERE m.slug = '"'"'formel-export-test'"'"' AND a.comment LIKE '"'"'=HYPERLINK%'"'"'")" = 1 ]'
	get "$F_TOKEN" "/api/v1/remisser/formel-export-test/export.csv" "$T/f.csv"
	check "a field that starts like a formula opens as text: one apostrophe first, the rest unchanged" \
		python3 - "$T/f.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
h = rows[0]
got = {r[h.index("avsnitt")]: r for r in rows[1:]}
want = {
    "1": ("'=HYPERLINK(\"http://example.com/x\",\"Klicka\")", "'+46 35 13 20 00"),
    "2": ("'- punkt ett\n- punkt två", "'@SUM(A1:A2)"),
}
bad = [(k, got.get(k)) for k, (c, w) in want.items()
       if got.get(k) is None or got[k][h.index("kommentar")] != c
       or got[k][h.index("forslag_till_lydelse")] != w]
for b in bad:
    print("#   row", b)
sys.exit(1 if bad else 0)
PY
	check "the raw CSV quotes each such field (no field starts with a bare =, +, - or @)" \
		eval '! grep -qE ",[=+@-]" "$T/f.csv" && grep -qF ",\"'"'"'=HYPERLINK(\"\"http" "$T/f.csv"'
	get "$F_TOKEN" "/api/v1/remisser/formel-export-test/export.html" "$T/f.html"
	check "the HTML export has the section's question and the remiss-wide question with their answers" \
		eval 'grep -qF "Fråga f1: Hur påverkas ni?" "$T/f.html" && grep -qF "Svaret på fråga f1 från Formelkommunen." "$T/f.html" && grep -qF "Frågor om remissen som helhet" "$T/f.html" && grep -qF "Kortsiktigt svar på f9." "$T/f.html" && grep -qF "=HYPERLINK(" "$T/f.html" && xmllint --noout "$T/f.html"'
	get "$F_TOKEN" "/api/v1/remisser/formel-export-test/export.odt" "$T/f.odt"
	check "the ODT export has them too" python3 "$ROOT/tests/export/odt_check.py" "$T/f.odt" \
		"Fråga f1: Hur påverkas ni?" "Svaret på fråga f1 från Formelkommunen." \
		"Frågor om remissen som helhet" "Kortsiktigt svar på f9."
	get "$F_TOKEN" "/api/v1/remisser/formel-export-test/export.xml" "$T/f.xml"
	check "the XML export has them and validates" eval 'grep -qF "<svar fraga=\"f1\">" "$T/f.xml" && grep -qF "<svar fraga=\"f9\">" "$T/f.xml" && xmllint --noout --schema "$ROOT/schema/remissvar.xsd" "$T/f.xml" 2>/dev/null'
else
	notok "the formula test remiss imports: $(head -c 300 "$T/err")"
fi

# --- the page that links the downloads -----------------------------------------------
STATUS=$(curl -s -o "$T/page" -w '%{http_code}' -H "Authorization: Bearer $G_TOKEN" -H 'Accept: text/html' \
	"$BASE/remisser/$SLUG/export")
check "the review workspace has an Export page linking every format" \
	eval 'status_is 200 && grep -q "href=\"$API/export.odt\"" "$T/page" && grep -q "href=\"$API/export.taggar.csv\"" "$T/page" && grep -q "aria-current=\"page\">Export<" "$T/page"'

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
