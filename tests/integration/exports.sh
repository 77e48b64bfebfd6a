#!/usr/bin/env bash
# tests/integration/exports.sh BUILD-DIR BASE-URL TMPDIR: the exports of a remiss through nginx and
# remissctl: who may download them, their names and types, and that each format holds what the
# database holds (the CSV parses back into the database's rows, the XML validates, the HTML is
# well-formed, the ODT is a valid package naming every organisation and section). Needs
# REMISS_DB, REMISS_SCHEMA_DIR and the demo data. Prints "ok N - name" lines and a summary.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: exports.sh BUILD-DIR BASE-URL TMPDIR}
BASE=${2:?usage}
T=${3:?usage}
SLUG=ok-hemsjukvard-2025
API=/api/v1/remisser/$SLUG
mkdir -p "$T"
export REMISS_STATIC_DIR=$ROOT/static

REQ_ACCEPT=	# the API's default type
get() { # get TOKEN PATH OUT: a GET with TOKEN (none if empty); the body also in OUT
	req - GET "$2" ${1:+-H "Authorization: Bearer $1"} && cp "$(answer_dir)/body" "$3"
}

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
# The theme on an answer to a question too (Halmstad's answer to q1, under 3.3).
sql "INSERT INTO tags (theme_id, response_id, question_id, version_id, created_by)
	SELECT $tid, resp.id, q.id, (SELECT id FROM response_versions WHERE response_id = resp.id
		ORDER BY version DESC LIMIT 1),
	$uid FROM responses resp JOIN organisations o ON o.id = resp.org_id
	JOIN questions q ON q.remiss_id = resp.remiss_id AND q.qid = 'q1'
	WHERE resp.remiss_id = $rid AND o.name = 'Halmstads kommun'" >/dev/null

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
		eval 'status_is 200 && header_matches "^Content-Disposition: attachment; filename=\"$SLUG-[a-z]+\.'"${f##*.}"'\""'
done
check "the types are XML, CSV, OpenDocument text and HTML" eval '
	get "$F_TOKEN" "$API/export.odt" "$T/x" && header_matches "^Content-Type: application/vnd.oasis.opendocument.text" &&
	get "$F_TOKEN" "$API/export.csv" "$T/x" && header_matches "^Content-Type: text/csv; charset=utf-8" &&
	get "$F_TOKEN" "$API/export.html" "$T/x" && header_matches "^Content-Type: text/html; charset=utf-8" &&
	get "$F_TOKEN" "$API/export.xml" "$T/x" && header_matches "^Content-Type: application/xml"'
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
# The rows INTERFACES.md §5 asks for, in the export's order: per live section one row per
# organisation that answered the remiss, then per question of the section one row per such
# organisation; then the questions about the whole remiss (avsnitt empty). rubrik is the
# section's heading or the question's text; blank answer fields where there is no answer.
expected_csv() { # expected_csv SLUG
	psql "$REMISS_DB" -qAc "COPY (WITH r AS (SELECT resp.id, o.name, o.kind, v.id AS vid,
		v.version, COALESCE(to_char(v.arrived_on, 'YYYY-MM-DD'), iso_time_se(v.received_at)) AS received
		FROM remiss m JOIN responses resp ON resp.remiss_id = m.id
		JOIN organisations o ON o.id = resp.org_id $latest WHERE m.slug = '$1'),
	target AS (SELECT s.position AS p1, s.id AS p2, -1 AS p3, 0::bigint AS p4,
		s.id AS sid, NULL::bigint AS qid, s.nr, s.heading AS rubrik
		FROM sections s JOIN remiss m ON m.id = s.remiss_id
		WHERE m.slug = '$1' AND s.removed_at IS NULL
	UNION ALL SELECT COALESCE(s.position, 2147483647), COALESCE(s.id, 0), q.position, q.id,
		NULL, q.id, COALESCE(s.nr, ''), q.text
		FROM questions q JOIN remiss m ON m.id = q.remiss_id
		LEFT JOIN sections s ON s.id = q.section_id
		WHERE m.slug = '$1' AND q.removed_at IS NULL AND s.removed_at IS NULL)
	SELECT r.name, r.kind, t.nr, t.rubrik, COALESCE(a.position, ''),
	COALESCE(a.comment, ''), COALESCE(a.proposed_wording, ''), COALESCE(a.consequence_region, ''),
	COALESCE(a.consequence_kommun, ''), COALESCE(a.short_term, ''), COALESCE(a.long_term, ''),
	COALESCE((SELECT string_agg(DISTINCT th.name, '; ') FROM tags tg JOIN themes th ON th.id = tg.theme_id
	  WHERE tg.response_id = r.id AND (tg.section_id = t.sid OR tg.question_id = t.qid)), ''),
	r.version, r.received
	FROM target t CROSS JOIN r
	LEFT JOIN answers a ON a.version_id = r.vid AND (a.section_id = t.sid OR a.question_id = t.qid)
	ORDER BY t.p1, t.p2, t.p3, t.p4, r.name) TO STDOUT WITH (FORMAT csv)"
}
# Every answer the database holds for the latest versions, to a section or a question, with
# every stored field of the answers table, keyed as the CSV's rows are.
stored_answers() { # stored_answers SLUG
	psql "$REMISS_DB" -qAc "COPY (SELECT o.name AS remissinstans,
	COALESCE(s.nr, qs.nr, '') AS avsnitt, COALESCE(s.heading, q.text) AS rubrik,
	COALESCE(a.position, '') AS stallningstagande, COALESCE(a.comment, '') AS kommentar,
	COALESCE(a.proposed_wording, '') AS forslag_till_lydelse,
	COALESCE(a.consequence_region, '') AS konsekvens_region,
	COALESCE(a.consequence_kommun, '') AS konsekvens_kommun,
	COALESCE(a.short_term, '') AS kortsiktigt, COALESCE(a.long_term, '') AS langsiktigt
	FROM remiss m JOIN responses resp ON resp.remiss_id = m.id
	JOIN organisations o ON o.id = resp.org_id $latest
	JOIN answers a ON a.version_id = v.id LEFT JOIN sections s ON s.id = a.section_id
	LEFT JOIN questions q ON q.id = a.question_id LEFT JOIN sections qs ON qs.id = q.section_id
	WHERE m.slug = '$1' ORDER BY a.id) TO STDOUT WITH (FORMAT csv, HEADER)"
}
CSV_COLS="remissinstans typ avsnitt rubrik stallningstagande kommentar forslag_till_lydelse
	konsekvens_region konsekvens_kommun kortsiktigt langsiktigt teman version mottagen"
expected_csv "$SLUG" >"$T/expected.csv"
check "the CSV parses back into the database's rows, a row per answer to a section or a question (BOM, CRLF, header of INTERFACES.md)" \
	python3 "$ROOT/tests/export/csv_check.py" "$T/api.csv" "$T/expected.csv" $CSV_COLS
# The round trip knows every field an answer stores: a column added to answers must be
# added to the export and to stored_answers above. search_tsv (migration 016) is the
# search index's copy of the texts, derived by the database, not a field of the answer.
answer_columns="comment consequence_kommun consequence_region id long_term ord position proposed_wording question_id search_tsv section_id short_term version_id"
have_columns=$(sql "SELECT string_agg(column_name::text, ' ' ORDER BY column_name)
	FROM information_schema.columns WHERE table_name = 'answers' AND table_schema = current_schema()")
check "the round trip covers every column of the answers table" \
	eval '[ "$have_columns" = "$answer_columns" ] || { echo "#   answers has: $have_columns"; false; }'
stored_answers "$SLUG" >"$T/stored.csv"
check "every stored answer field is in the CSV: the consequence matrix and the time horizons of the questions' answers too" \
	python3 "$ROOT/tests/export/csv_roundtrip.py" "$T/api.csv" "$T/stored.csv" \
	stallningstagande kommentar forslag_till_lydelse konsekvens_region konsekvens_kommun kortsiktigt langsiktigt
q1_text=$(sql "SELECT text FROM questions WHERE remiss_id = $rid AND qid = 'q1'")
check "a question's row has the question's section as avsnitt, its text as rubrik and the themes tagged on its answer" \
	python3 - "$T/api.csv" "$q1_text" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
hit = [r for r in rows if r["remissinstans"] == "Halmstads kommun" and r["rubrik"] == sys.argv[2]]
assert len(hit) == 1 and hit[0]["avsnitt"] == "3.3", hit
assert hit[0]["konsekvens_region"] and hit[0]["konsekvens_kommun"], hit
assert hit[0]["teman"] == 'Exporttema, "citerat"', hit
EOF
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
	odt_has "$T/api.odt" Remissinstanser "Ställningstaganden per avsnitt" "${expect[@]}"

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
	odt_has "$T/api.odt" "Frågor om avsnittet" "$q1"
check "the XML export has them in the stored remissvar" grep -qF "<svar fraga=\"q1\">" "$T/api.xml"
check "the HTML and ODT exports give the themes tagged on an answer to a question beside it" \
	python3 - "$T/api.html" "$T/api.odt" <<'EOF'
import sys, zipfile
import xml.etree.ElementTree as ET
theme = 'Exporttema, "citerat"'
def text(e):
    return "".join(e.itertext())
# HTML: the q1 block, Halmstad's row, its paragraph of themes.
html = ET.parse(sys.argv[1]).getroot()
ns = {"h": "http://www.w3.org/1999/xhtml"}
rows = [tr for div in html.iter("{http://www.w3.org/1999/xhtml}div")
        if div.get("class") == "fraga" and text(div).find("Fråga q1:") >= 0
        for tr in div.iter("{http://www.w3.org/1999/xhtml}tr")
        if text(tr).startswith("Halmstads kommun")]
assert len(rows) == 1, rows
assert any(p.get("class") == "teman" and text(p) == theme
           for p in rows[0].iter("{http://www.w3.org/1999/xhtml}p")), text(rows[0])
# ODT: the rows of the questions' tables; Halmstad's answer to q1 (its consequence
# text) names the theme, and no other organisation's answer to a question does.
T = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
content = ET.fromstring(zipfile.ZipFile(sys.argv[2]).read("content.xml"))
hits = [text(r) for t in content.iter("{%s}table" % T) if "fraga" in t.get("{%s}name" % T, "")
        for r in t.iter("{%s}table-row" % T) if theme in text(r)]
assert len(hits) == 1 and hits[0].startswith("Halmstads kommun") and "tröskelprincipen" in hits[0], hits
EOF

# --- LibreOffice opens the ODT and the HTML -------------------------------------------
# Both are converted to PDF by LibreOffice (one headless run, with a profile of its own
# under $T so that it works as root and beside any other LibreOffice) and read back with
# pdftotext: every organisation, every section heading and an answer to a question must be
# in the text a reader sees. dev/test installs both tools (need_test_packages in
# dev/lib.sh); a missing one is a failure, never a skip.
if command -v soffice >/dev/null && command -v pdftotext >/dev/null; then
	mkdir -p "$T/pdf" "$T/lo-home"
	cp "$T/api.odt" "$T/pdf/export-odt.odt"
	cp "$T/api.html" "$T/pdf/export-html.html"
	profile=$(python3 -c 'import pathlib, sys; print(pathlib.Path(sys.argv[1]).resolve().as_uri())' "$T/lo-profile")
	started=$(date +%s%N)
	HOME=$T/lo-home timeout 300 soffice -env:UserInstallation="$profile" --headless --norestore \
		--convert-to pdf --outdir "$T/pdf" "$T/pdf/export-odt.odt" "$T/pdf/export-html.html" \
		</dev/null >"$T/pdf/soffice.log" 2>&1
	echo "#   soffice converted the ODT and the HTML in $((($(date +%s%N) - started) / 1000000)) ms"
	for f in odt html; do
		check "LibreOffice converts the ${f^^} export to PDF whose text has every organisation, section and the answer to q1" \
			eval '[ -s "$T/pdf/export-$f.pdf" ] || { sed "s/^/#   /" "$T/pdf/soffice.log"; false; } &&
			python3 "$ROOT/tests/export/pdf_text_check.py" "$T/pdf/export-$f.pdf" "${expect[@]}" "$q1"'
	done
else
	notok "LibreOffice (soffice) and pdftotext are installed: dev/test installs them (need_test_packages in dev/lib.sh)"
fi

# --- the Word documents (d19-docx) ---------------------------------------------------
# The remissammanställning and the beslutsförslag as .docx, read back with python-docx
# (/usr/bin/python3: Debian's python3-docx) against what the database holds, and opened by
# LibreOffice. A beslutsförslag the test writes itself: one section changed, one struck, one
# new section.
DOCX_TYPE=application/vnd.openxmlformats-officedocument.wordprocessingml.document
sec_a=$(sql "SELECT id FROM sections WHERE remiss_id = $rid AND removed_at IS NULL ORDER BY position LIMIT 1")
sec_b=$(sql "SELECT id FROM sections WHERE remiss_id = $rid AND removed_at IS NULL ORDER BY position OFFSET 1 LIMIT 1")
sql "INSERT INTO decisions (remiss_id, section_id, kind, revised_text, motivation, status, updated_by)
	VALUES ($rid, $sec_a, 'andrad', E'Ny lydelse från docx-testet.\nAndra stycket & <mer>.', 'Motivering från docx-testet.', 'klar', $uid),
	($rid, $sec_b, 'struken', '', 'Struket av docx-testet.', 'utkast', $uid)
	ON CONFLICT DO NOTHING" >/dev/null
sql "INSERT INTO decisions (remiss_id, kind, nr, heading, revised_text, motivation, updated_by)
	VALUES ($rid, 'ny', '99', 'Nytt avsnitt från docx-testet', 'Texten i det nya avsnittet.', 'Behövs.', $uid)
	ON CONFLICT DO NOTHING" >/dev/null
for f in docx beslutsforslag.docx; do
	get "$F_TOKEN" "$API/export.$f" "$T/api.$f"
	check "GET export.$f is a Word document to save as $SLUG-${f%.docx}...docx" \
		eval 'status_is 200 && header_matches "^Content-Type: $DOCX_TYPE" &&
		header_matches "^Content-Disposition: attachment; filename=\"$SLUG-(remissammanstallning|beslutsforslag)\.docx\""'
done
check "remissctl export writes both Word formats" \
	eval '{ "$BUILD/remissctl" export "$SLUG" --format docx -o "$T/ctl.docx" && "$BUILD/remissctl" export "$SLUG" --format beslutsforslag.docx -o "$T/ctl.bf.docx" && [ -s "$T/ctl.docx" ] && [ -s "$T/ctl.bf.docx" ]; } 2>"$T/docx.err" || { sed "s/^/#   /" "$T/docx.err" | head -20; false; }'
# What the database holds: the invited organisations, the live sections' headings and
# every answer text of the latest versions (records split by RS: texts have line breaks).
mapfile -t d_orgs < <(sql "SELECT o.name FROM invitations i JOIN organisations o ON o.id = i.org_id WHERE i.remiss_id = $rid")
mapfile -t d_heads < <(sql "SELECT nr || ' ' || heading FROM sections WHERE remiss_id = $rid AND removed_at IS NULL")
mapfile -d $'\x1e' -t d_texts < <(psql "$REMISS_DB" -XqAt -R $'\x1e' -c "SELECT t FROM remiss m
	JOIN responses resp ON resp.remiss_id = m.id $latest JOIN answers a ON a.version_id = v.id,
	LATERAL (VALUES (a.comment), (a.proposed_wording), (a.consequence_region), (a.consequence_kommun),
		(a.short_term), (a.long_term)) x(t)
	WHERE m.slug = '$SLUG' AND COALESCE(t, '') <> ''")
heading_args=()
for h in "${d_heads[@]}"; do heading_args+=(--heading "$h"); done
check "the DOCX has a TOC, the page numbers, a chart picture, every section as a Heading, every organisation and every answer text (${#d_texts[@]})" \
	/usr/bin/python3 "$ROOT/tests/export/docx_check.py" "$T/api.docx" --toc --footer-pages --min-pictures 1 \
	--heading Remissinstanser --heading "Ställningstaganden per avsnitt" "${heading_args[@]}" \
	--heading "Frågor om avsnittet" "Fråga q1: Vad är specialistvård" "$q1" \
	"${d_orgs[@]}" "${d_texts[@]}" "Ny lydelse från docx-testet." "Nytt avsnitt från docx-testet"
check "the DOCX's answer tables repeat their header row on every page" python3 - "$T/api.docx" <<'PY'
import re, sys, zipfile
doc = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode()
tables = re.findall(r"<w:tbl>.*?</w:tbl>", doc, re.S)
assert tables, "no tables"
bad = [t[:200] for t in tables if not re.search(r"<w:tr><w:trPr>(<[^>]*>)*<w:tblHeader/>", t)]
assert not bad, bad
assert all('<w:tblStyle w:val="Tabell"/>' in t for t in tables)
PY
check "the beslutsförslag DOCX has each section's decision, the new text, the motivation and the new section, and no answers" \
	/usr/bin/python3 "$ROOT/tests/export/docx_check.py" "$T/api.beslutsforslag.docx" "${heading_args[@]}" \
	--heading "Beslutsförslag: Ändrad (klar för beslut)" --heading "Beslutsförslag: Struken (utkast)" \
	--heading "99 Nytt avsnitt från docx-testet" \
	"Ny lydelse från docx-testet." "Andra stycket & <mer>." "Motivering från docx-testet." \
	"Struket av docx-testet." "Texten i det nya avsnittet." --absent "$q1" --absent "Remissinstansernas svar"
if command -v soffice >/dev/null && command -v pdftotext >/dev/null; then
	mkdir -p "$T/docxpdf" "$T/lo-home"
	cp "$T/api.docx" "$T/docxpdf/export-docx.docx"
	cp "$T/api.beslutsforslag.docx" "$T/docxpdf/export-bf.docx"
	profile=$(python3 -c 'import pathlib, sys; print(pathlib.Path(sys.argv[1]).resolve().as_uri())' "$T/lo-profile")
	HOME=$T/lo-home timeout 300 soffice -env:UserInstallation="$profile" --headless --norestore \
		--convert-to pdf --outdir "$T/docxpdf" "$T/docxpdf/export-docx.docx" "$T/docxpdf/export-bf.docx" \
		</dev/null >"$T/docxpdf/soffice.log" 2>&1
	check "LibreOffice converts the DOCX export to PDF whose text has every organisation, section and the answer to q1" \
		eval '[ -s "$T/docxpdf/export-docx.pdf" ] || { sed "s/^/#   /" "$T/docxpdf/soffice.log"; false; } &&
		python3 "$ROOT/tests/export/pdf_text_check.py" "$T/docxpdf/export-docx.pdf" "${expect[@]}" "$q1"'
	check "LibreOffice converts the beslutsförslag DOCX to PDF with its decisions" \
		eval '[ -s "$T/docxpdf/export-bf.pdf" ] || { sed "s/^/#   /" "$T/docxpdf/soffice.log"; false; } &&
		python3 "$ROOT/tests/export/pdf_text_check.py" "$T/docxpdf/export-bf.pdf" "${d_heads[@]}" "Ny lydelse från docx-testet." "Nytt avsnitt från docx-testet"'
else
	notok "LibreOffice (soffice) and pdftotext are installed: dev/test installs them (need_test_packages in dev/lib.sh)"
fi
# The beslutsförslag written for the Word checks goes again: the later suites on this remiss
# (decisions.sh) start from one with nothing decided.
sql "DELETE FROM decisions WHERE remiss_id = $rid AND motivation IN
	('Motivering från docx-testet.', 'Struket av docx-testet.', 'Behövs.')" >/dev/null

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
	req - POST /api/v1/remisser/formel-export-test/remissvar -H "Authorization: Bearer $FK_TOKEN" \
		-H 'Content-Type: application/xml' --data-binary @"$T/formel-svar.xml"
	check "a response with formula-like comments is stored as written" \
		eval 'status_is 201 && [ "$(sql "SELECT count(*) FROM answers a JOIN response_versions v ON v.id = a.version_id JOIN responses r ON r.id = v.response_id JOIN remiss m ON m.id = r.remiss_id WHERE m.slug = '"'"'formel-export-test'"'"' AND a.comment LIKE '"'"'=HYPERLINK%'"'"'")" = 1 ]'
	get "$F_TOKEN" "/api/v1/remisser/formel-export-test/export.csv" "$T/f.csv"
	check "a field that starts like a formula opens as text: one apostrophe first, the rest unchanged" \
		python3 - "$T/f.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
h = rows[0]
got = {r[h.index("avsnitt")]: r for r in rows[1:] if r[h.index("rubrik")] in ("Första", "Andra")}
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
	expected_csv formel-export-test >"$T/f.expected.csv"
	stored_answers formel-export-test >"$T/f.stored.csv"
	check "the CSV has the rows of both questions: f1 under its section, f9 with an empty avsnitt" \
		eval 'python3 "$ROOT/tests/export/csv_check.py" "$T/f.csv" "$T/f.expected.csv" $CSV_COLS &&
		python3 "$ROOT/tests/export/csv_roundtrip.py" "$T/f.csv" "$T/f.stored.csv" kommentar kortsiktigt &&
		grep -qF ",,Vad händer på kort och lång sikt?,,,,,,Kortsiktigt svar på f9.," "$T/f.csv"'
	get "$F_TOKEN" "/api/v1/remisser/formel-export-test/export.html" "$T/f.html"
	check "the HTML export has the section's question and the remiss-wide question with their answers" \
		eval 'grep -qF "Fråga f1: Hur påverkas ni?" "$T/f.html" && grep -qF "Svaret på fråga f1 från Formelkommunen." "$T/f.html" && grep -qF "Frågor om remissen som helhet" "$T/f.html" && grep -qF "Kortsiktigt svar på f9." "$T/f.html" && grep -qF "=HYPERLINK(" "$T/f.html" && xmllint --noout "$T/f.html"'
	get "$F_TOKEN" "/api/v1/remisser/formel-export-test/export.odt" "$T/f.odt"
	check "the ODT export has them too" odt_has "$T/f.odt" \
		"Fråga f1: Hur påverkas ni?" "Svaret på fråga f1 från Formelkommunen." \
		"Frågor om remissen som helhet" "Kortsiktigt svar på f9."
	get "$F_TOKEN" "/api/v1/remisser/formel-export-test/export.xml" "$T/f.xml"
	check "the XML export has them and validates" eval 'grep -qF "<svar fraga=\"f1\">" "$T/f.xml" && grep -qF "<svar fraga=\"f9\">" "$T/f.xml" && xmllint --noout --schema "$ROOT/schema/remissvar.xsd" "$T/f.xml" 2>/dev/null'
else
	notok "the formula test remiss imports: $(head -c 300 "$T/err")"
fi

# --- a registered response: the day it arrived is the day every export shows ----------
# The deadline has passed; a letter that arrived two days before it is registered now, by
# remissctl as by the web form, and counts from the day it arrived. One that arrived after
# the deadline is refused.
arrival=$(TZ=Europe/Stockholm date -d '-6 days' +%F)
cat >"$T/sen-remiss.xml" <<XML
<remiss xmlns="urn:remissvar:1" id="ankomst-export-test">
  <titel>Ankomstdatum i exporten</titel>
  <avsandare>Region Halland</avsandare>
  <oppnar>$(TZ=Europe/Stockholm date -d '-20 days' +%F)</oppnar>
  <sista-svarsdag>$(TZ=Europe/Stockholm date -d '-4 days' +%F)</sista-svarsdag>
  <remissinstans typ="kommun">Brevkommunen</remissinstans>
  <avsnitt nr="1" rubrik="Första">Text ett.</avsnitt>
</remiss>
XML
cat >"$T/brev-svar.xml" <<'XML'
<remissvar xmlns="urn:remissvar:1" remiss="ankomst-export-test">
  <remissinstans typ="kommun">Brevkommunen</remissinstans>
  <kontakt namn="Eva Ek" epost="eva.ek@example.se"/>
  <stallningstagande>tillstyrker</stallningstagande>
  <svar avsnitt="1"><kommentar>Brevet kom med posten.</kommentar></svar>
</remissvar>
XML
if "$BUILD/remissctl" remiss import "$T/sen-remiss.xml" >/dev/null 2>"$T/err"; then
	check "remissctl refuses a registered response that arrived after the deadline, storing nothing" eval '
		! "$BUILD/remissctl" response import "$T/brev-svar.xml" --channel registrerad \
			--arrived "$(TZ=Europe/Stockholm date -d "-3 days" +%F)" >/dev/null 2>"$T/err" &&
		grep -q "closed for Brevkommunen on the day it arrived" "$T/err" &&
		[ "$(sql "SELECT count(*) FROM response_versions v JOIN responses r ON r.id = v.response_id JOIN remiss m ON m.id = r.remiss_id WHERE m.slug = '"'"'ankomst-export-test'"'"'")" = 0 ]'
	check "remissctl registers one that arrived before the deadline, after it" \
		"$BUILD/remissctl" response import "$T/brev-svar.xml" --channel registrerad --arrived "$arrival"
	check "--arrived is only for a registered response (usage error)" eval '
		"$BUILD/remissctl" response import "$T/brev-svar.xml" --arrived "$arrival" 2>/dev/null; [ $? = 2 ]'
	get "$F_TOKEN" "/api/v1/remisser/ankomst-export-test/export.csv" "$T/a.csv"
	check "the CSV's mottagen is the day it arrived" python3 - "$T/a.csv" "$arrival" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
h = rows[0]
r = [r for r in rows[1:] if r[h.index("remissinstans")] == "Brevkommunen"]
assert r and all(x[h.index("mottagen")] == sys.argv[2] for x in r), r
PY
	get "$F_TOKEN" "/api/v1/remisser/ankomst-export-test/export.html" "$T/a.html"
	check "the HTML export shows the day it arrived" grep -qF "<td>$(svdate "$arrival")</td>" "$T/a.html"
	get "$F_TOKEN" "/api/v1/remisser/ankomst-export-test/export.odt" "$T/a.odt"
	check "the ODT export shows it too" odt_has "$T/a.odt" \
		"Brevkommunen" "$(svdate "$arrival")"
	get "$F_TOKEN" "/api/v1/remisser/ankomst-export-test/remissvar" "$T/a.xml"
	check "the API's kvittenser carry ankomstdatum and validate" eval 'status_is 200 &&
		grep -qF "ankomstdatum=\"$arrival\"" "$T/a.xml" &&
		xmllint --noout --schema "$ROOT/schema/remissvar.xsd" "$T/a.xml" 2>/dev/null'
	sql "UPDATE remiss SET status = 'stangd' WHERE slug = 'ankomst-export-test'" >/dev/null
	check "the archive package's arkiv.xml records the day it arrived" eval '
		"$BUILD/remissctl" archive ankomst-export-test -o "$T/ankomst.tar" >/dev/null 2>&1 &&
		mkdir -p "$T/ankomst" && tar -xf "$T/ankomst.tar" -C "$T/ankomst" &&
		grep -rqF "ankomstdatum=\"$arrival\"" "$T/ankomst" --include=arkiv.xml'
else
	notok "the arrival test remiss imports: $(head -c 300 "$T/err")"
fi

# --- the Excel workbook ----------------------------------------------------------------
# The remiss as the database holds it, for tests/export/xlsx_check.py: the invited
# organisations with their latest version, the live sections in order, every answer of a
# latest version (to a section or to a question) with every stored field.
. "$ROOT/tests/export/expected_json.sh"
XLSX_TYPE=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
xlsx_check() { /usr/bin/python3 "$ROOT/tests/export/xlsx_check.py" "$@"; }
# lo_csv XLSX DIR: every sheet of XLSX as LibreOffice shows it (dates as displayed), one CSV
# per sheet, DIR/NAME-SHEET.csv; a profile of its own under $T, as for the ODT above.
lo_csv() {
	local profile
	mkdir -p "$2" "$T/lo-home"
	profile=$(python3 -c 'import pathlib, sys; print(pathlib.Path(sys.argv[1]).resolve().as_uri())' "$T/lo-profile")
	HOME=$T/lo-home timeout 300 soffice -env:UserInstallation="$profile" --headless --norestore \
		--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
		--outdir "$2" "$1" </dev/null >"$2/soffice.log" 2>&1
	ls "$2"/*.csv >/dev/null 2>&1 || { sed 's/^/#   /' "$2/soffice.log"; return 1; }
}

get "$F_TOKEN" "$API/export.xlsx" "$T/api.xlsx"
check "GET export.xlsx is 200, an Excel workbook named SLUG-remissvar.xlsx" \
	eval 'status_is 200 && header_matches "^Content-Type: $XLSX_TYPE" &&
	header_matches "^Content-Disposition: attachment; filename=\"$SLUG-remissvar\.xlsx\"" &&
	[ "$(head -c 4 "$T/api.xlsx" | od -An -c | tr -d " ")" = "PK003004" ]'
get "$K_TOKEN" "$API/export.xlsx" "$T/x"
check "a remissinstans may not download the workbook (403)" status_is 403
req - GET "/remisser/$SLUG/export" -H "Authorization: Bearer $G_TOKEN" -H 'Accept: text/html'
check "the Export page links the workbook, and a granskare downloads it from there" \
	eval 'status_is 200 && body_has "href=\"$API/export.xlsx\"" && body_has "Svar som Excelarbetsbok (.xlsx)" &&
	get "$G_TOKEN" "$API/export.xlsx" "$T/page.xlsx" && status_is 200'
check "each workbook download is audited with its format" \
	eval '[ "$(sql "SELECT count(*) FROM audit_log WHERE action = '"'"'remiss.export'"'"' AND object_id = '"'"'$SLUG'"'"' AND detail->>'"'"'format'"'"' = '"'"'xlsx'"'"'")" -ge 2 ]'
check "remissctl export --format xlsx writes the workbook" \
	"$BUILD/remissctl" export "$SLUG" --format xlsx -o "$T/ctl.xlsx"
expected_json "$SLUG" >"$T/expected.json"
check "the workbook has every organisation, section and answer of the remiss in the right sheet, row and column (API)" \
	xlsx_check "$T/api.xlsx" "$T/expected.json"
check "so do the page's and remissctl's" \
	eval 'xlsx_check "$T/page.xlsx" "$T/expected.json" && xlsx_check "$T/ctl.xlsx" "$T/expected.json"'
check "the workbook's Taggar and Teman sheets have the referensgrupp's theme, tag and note" \
	/usr/bin/python3 - "$T/api.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
tags = [r for r in wb["Taggar"].iter_rows(values_only=True)]
assert tags[0][:5] == ("Remissinstans", "Avsnitt", "Tema", "Citat", "Anteckning"), tags[0]
assert any(r[2] == 'Exporttema, "citerat"' and r[3] for r in tags[1:]), tags
assert any(r[4] == 'Fråga "varför", och\nmer' and r[6].year > 2000 for r in tags[1:]), tags
themes = [r for r in wb["Teman"].iter_rows(values_only=True)]
assert any(r[0] == 'Exporttema, "citerat"' for r in themes[1:]), themes
EOF
check "LibreOffice opens the workbook: its overview names every organisation and section" \
	eval 'lo_csv "$T/api.xlsx" "$T/lo" && missing=$(missing_in "$T/lo/api-Översikt.csv") && [ -z "$missing" ] || { echo "$missing"; false; }'
# The registered response's ankomstdatum: a real date, which the overview shows in Swedish.
get "$F_TOKEN" "/api/v1/remisser/ankomst-export-test/export.xlsx" "$T/a.xlsx"
check "the overview's date is the day a registered response arrived, a real date LibreOffice shows as $(svdate "$arrival")" \
	eval 'status_is 200 && expected_json ankomst-export-test >"$T/a.json" && xlsx_check "$T/a.xlsx" "$T/a.json" &&
	lo_csv "$T/a.xlsx" "$T/lo-a" && grep -F "Brevkommunen" "$T/lo-a/a-Översikt.csv" | grep -qF ",$(svdate "$arrival"),"'

# The formula remiss above has a question of its section and one about the whole remiss.
get "$F_TOKEN" "/api/v1/remisser/formel-export-test/export.xlsx" "$T/f.xlsx"
check "the answers to a section's question are under the section, those to a remiss-wide question on Frågor om remissen" \
	eval 'status_is 200 && expected_json formel-export-test >"$T/f.json" &&
	/usr/bin/python3 -c "import json, sys; e = json.load(open(sys.argv[1])); assert any(a[\"qid\"] and a[\"qsection\"] is None for a in e[\"answers\"]) and any(a[\"qsection\"] for a in e[\"answers\"])" "$T/f.json" &&
	xlsx_check "$T/f.xlsx" "$T/f.json"'

# Hostile texts: formulas, a 40 000-character comment, control characters, headings with
# the characters a sheet name may not hold, and sections whose sheet names would be the
# same once cleaned and cut to 31 characters, or alike but for case.
cat >"$T/xlsx-remiss.xml" <<XML
<remiss xmlns="urn:remissvar:1" id="xlsx-export-test">
  <titel>Kalkylblad med fällor</titel>
  <avsandare>Region Halland</avsandare>
  <oppnar>$today</oppnar>
  <sista-svarsdag>$later</sista-svarsdag>
  <remissinstans typ="kommun">Arkkommunen</remissinstans>
  <remissinstans typ="region">Bladregionen</remissinstans>
  <avsnitt nr="1:a" rubrik="Mål/medel [del 1]: *viktigt*? \\ slut">Text ett.
    <fraga id="xk9" typ="fritext">Vad kostar det?</fraga>
  </avsnitt>
  <avsnitt nr="1-a" rubrik="Mål/medel [del 1]: *viktigt*? \\ slut">Text två.</avsnitt>
  <avsnitt nr="2.2.2.2.2.2.2.2.2.2.2.2.2.2.2.1" rubrik="Första långa">Text tre.</avsnitt>
  <avsnitt nr="2.2.2.2.2.2.2.2.2.2.2.2.2.2.2.2" rubrik="Andra långa">Text fyra.</avsnitt>
  <avsnitt nr="A" rubrik="Stort">Text fem.</avsnitt>
  <avsnitt nr="a" rubrik="stort">Text sex.</avsnitt>
</remiss>
XML
long=$(printf "Lång kommentar. %.0s" $(seq 2500))
long="${long% }x"	# 40 000 characters, the last not a space
cat >"$T/xlsx-svar.xml" <<XML
<remissvar xmlns="urn:remissvar:1" remiss="xlsx-export-test">
  <remissinstans typ="kommun">Arkkommunen</remissinstans>
  <kontakt namn="Eva Ek" epost="eva.ek@example.se"/>
  <stallningstagande>avstyrker</stallningstagande>
  <svar avsnitt="1:a">
    <stallningstagande>avstyrker</stallningstagande>
    <kommentar>=cmd|' /C calc'!A0</kommentar>
    <forslag-till-lydelse>@SUM(1+1)*cmd|' /C calc'!A0</forslag-till-lydelse>
  </svar>
  <svar avsnitt="1-a">
    <stallningstagande>tillstyrker-med-andringar</stallningstagande>
    <kommentar>$long</kommentar>
  </svar>
  <svar avsnitt="A"><kommentar>+46 35 13 20 00 och _x0041_ som text</kommentar></svar>
  <svar fraga="xk9"><kommentar>-1 krona</kommentar></svar>
</remissvar>
XML
if "$BUILD/remissctl" remiss import "$T/xlsx-remiss.xml" >/dev/null 2>"$T/err"; then
	XK_TOKEN=$("$BUILD/remissctl" token create --org "Arkkommunen" --label export)
	req - POST /api/v1/remisser/xlsx-export-test/remissvar -H "Authorization: Bearer $XK_TOKEN" \
		-H 'Content-Type: application/xml' --data-binary @"$T/xlsx-svar.xml"
	check "the response with formula-like texts and a 40 000-character comment is stored" \
		eval 'status_is 201 && [ "$(sql "SELECT max(length(a.comment)) FROM answers a JOIN response_versions v ON v.id = a.version_id JOIN responses r ON r.id = v.response_id JOIN remiss m ON m.id = r.remiss_id WHERE m.slug = '"'"'xlsx-export-test'"'"'")" = 40000 ]'
	# What no form or upload lets in, the database may still hold (a document the reader
	# read, an older import): control characters. Stored as the server stores a version
	# (its canonical XML's SHA-256, a receipt, the response.submit audit row), so that
	# remissctl verify in later suites finds the database whole.
	sql "WITH r AS (INSERT INTO responses (remiss_id, org_id) SELECT m.id, o.id FROM remiss m, organisations o
		WHERE m.slug = 'xlsx-export-test' AND o.name = 'Bladregionen' RETURNING id),
	x AS (SELECT '<remissvar xmlns=\"urn:remissvar:1\" remiss=\"xlsx-export-test\"/>'::text AS xml),
	v AS (INSERT INTO response_versions (response_id, version, channel, position, contact_name,
		contact_email, canonical_xml, sha256, receipt_number)
		SELECT r.id, 1, 'xml', 'tillstyrker', 'Kontakt', 'kontakt@example.org', x.xml,
		encode(sha256(convert_to(x.xml, 'UTF8')), 'hex'), receipt_issue(now()) FROM r, x
		RETURNING id, response_id, receipt_number, sha256),
	au AS (INSERT INTO audit_log (actor, action, object_type, object_id, detail)
		SELECT 'remissctl', 'response.submit', 'response_version', v.id::text,
		jsonb_build_object('version', 1, 'receipt', v.receipt_number, 'channel', 'xml',
			'response_id', v.response_id, 'sha256', v.sha256) FROM v)
	INSERT INTO answers (version_id, section_id, ord, position, comment, proposed_wording)
		SELECT v.id, s.id, 0, 'inga-synpunkter', E'Styr\\x1btecken', E'Rad ett\\x01\\x07\\r\\nRad två\\x0bslut'
		FROM v, sections s JOIN remiss m ON m.id = s.remiss_id WHERE m.slug = 'xlsx-export-test' AND s.nr = '1-a'" >/dev/null
	get "$F_TOKEN" "/api/v1/remisser/xlsx-export-test/export.xlsx" "$T/h.xlsx"
	expected_json xlsx-export-test >"$T/h.json"
	check "the hostile remiss's workbook opens in openpyxl with every text as stored (cut at 32 767 characters, control characters replaced)" \
		eval 'status_is 200 && xlsx_check "$T/h.xlsx" "$T/h.json"'
	check "formula-like texts are strings, never formulas; the long comment is cut with a marker and counted; the sheet names are distinct" \
		/usr/bin/python3 - "$T/h.xlsx" <<'EOF'
import re, sys, zipfile, openpyxl
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if n.startswith("xl/worksheets/"):
        assert b"<f>" not in z.read(n) and b"<f " not in z.read(n), n
wb = openpyxl.load_workbook(sys.argv[1])
names = wb.sheetnames
assert len(names) == 9, names      # the overview, six sections, Taggar, Teman
assert len({n.casefold() for n in names}) == 9, names
assert names[2].endswith(" (2)") and names[4].endswith(" (2)") and names[6].endswith(" (2)"), names
assert all(len(n.encode("utf-16-le")) <= 62 and not re.search(r"[\[\]:*?/\\]", n) for n in names), names
row = [r for r in wb.worksheets[1].iter_rows() if r[0].value == "Arkkommunen"][0]
assert row[3].value == "=cmd|' /C calc'!A0" and row[3].data_type == "s", (row[3].value, row[3].data_type)
assert row[4].value == "@SUM(1+1)*cmd|' /C calc'!A0" and row[4].data_type == "s", row[4].value
row = [r for r in wb.worksheets[2].iter_rows() if r[0].value == "Arkkommunen"][0]
long = row[3].value
assert long.endswith("… [förkortat]") and len(long) == 32767 and long.startswith("Lång kommentar. "), len(long)
row = [r for r in wb.worksheets[2].iter_rows() if r[0].value == "Bladregionen"][0]
assert row[3].value == "Styr\ufffdtecken", repr(row[3].value)
assert row[4].value == "Rad ett\ufffd\ufffd\nRad två\nslut", repr(row[4].value)
notes = [c for r in wb["Översikt"].iter_rows(values_only=True) for c in r if isinstance(c, str)]
assert any("förkortats" in c and c.endswith("): 1.") for c in notes), notes[-3:]
EOF
	# The same class of defect in the other writers: libxml2's writer lets control
	# characters through, which no XML parser takes.
	get "$F_TOKEN" "/api/v1/remisser/xlsx-export-test/export.html" "$T/h.html"
	get "$F_TOKEN" "/api/v1/remisser/xlsx-export-test/export.odt" "$T/h.odt"
	check "the HTML and ODT exports of the answer with control characters are well-formed, the characters replaced" \
		eval 'xmllint --noout "$T/h.html" && grep -qF "Styr�tecken" "$T/h.html" &&
		odt_has "$T/h.odt" "Styr�tecken" "Rad ett��"'
	check "LibreOffice opens the hostile workbook and shows the formula-like texts as text" \
		eval 'lo_csv "$T/h.xlsx" "$T/lo-h" && grep -rqF "=cmd|'"'"' /C calc'"'"'!A0" "$T/lo-h" &&
		grep -rqF "@SUM(1+1)*cmd|" "$T/lo-h" && grep -rqF "+46 35 13 20 00 och _x0041_ som text" "$T/lo-h" &&
		! grep -rqE "#NAME|Err:|#VALUE" "$T/lo-h"'
else
	notok "the xlsx test remiss imports: $(head -c 300 "$T/err")"
fi

# --- the page that links the downloads -----------------------------------------------
req - GET "/remisser/$SLUG/export" -H "Authorization: Bearer $G_TOKEN" -H 'Accept: text/html'
check "the review workspace has an Export page linking every format" \
	eval 'status_is 200 && body_has "href=\"$API/export.odt\"" && body_has "href=\"$API/export.taggar.csv\"" && body_has "aria-current=\"page\">Export<"'

finish
