#!/usr/bin/env bash
# tests/export/demo_check.sh BUILD SLUG DIR: the demo remiss (dev/demo/load) read back from its
# Word and Excel exports, as issue 19 asks: `remissctl export` writes the remissammanställning
# (.docx), the beslutsförslag (.docx) and the workbook (.xlsx) of SLUG from $REMISS_DB into DIR;
# python-docx must find every invited organisation, every live section's heading and every
# answer text of the latest versions in the DOCX, openpyxl every organisation, section and
# answer field in its sheet, row and column of the workbook (tests/export/xlsx_check.py), and
# LibreOffice must open both (converted to PDF, every organisation in the text). The expected
# values come from the database with SQL, never from the writers. Prints numbered TAP lines
# without a plan; exits 1 when any failed. tests/e2e/run.sh runs it on the
# demo data after the browser scenarios.
set -uo pipefail
BUILD=$1 SLUG=$2 T=$3
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$T"
# The Word writer's charts load fontconfig, whose caches live to the end of the process.
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$ROOT/dev/lsan.supp:print_suppressions=0}
rc=0
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); echo "not ok $n - $1"; rc=1; }
sql() { psql "$REMISS_DB" -XqAt -v ON_ERROR_STOP=1 -c "$1"; }
check() { # check DESCRIPTION COMMAND...
	local d=$1; shift
	if "$@" >"$T/out" 2>&1; then ok "$d"; else notok "$d"; sed 's/^/#   /' "$T/out" | head -20; fi
}

for f in docx beslutsforslag.docx; do
	check "remissctl export --format $f writes the demo remiss" \
		"$BUILD/remissctl" export "$SLUG" --format "$f" -o "$T/demo.$f"
done
check "remissctl export --format xlsx writes the demo remiss" \
	"$BUILD/remissctl" export "$SLUG" --format xlsx -o "$T/demo-book.xlsx"

rid=$(sql "SELECT id FROM remiss WHERE slug = '$SLUG'")
latest="JOIN LATERAL (SELECT * FROM response_versions WHERE response_id = resp.id
	ORDER BY version DESC LIMIT 1) v ON true"
mapfile -t orgs < <(sql "SELECT o.name FROM invitations i JOIN organisations o ON o.id = i.org_id
	WHERE i.remiss_id = $rid")
mapfile -t heads < <(sql "SELECT nr || ' ' || heading FROM sections WHERE remiss_id = $rid
	AND removed_at IS NULL")
mapfile -d $'\x1e' -t texts < <(psql "$REMISS_DB" -XqAt -R $'\x1e' -c "SELECT t FROM remiss m
	JOIN responses resp ON resp.remiss_id = m.id $latest JOIN answers a ON a.version_id = v.id,
	LATERAL (VALUES (a.comment), (a.proposed_wording), (a.consequence_region),
		(a.consequence_kommun), (a.short_term), (a.long_term)) x(t)
	WHERE m.slug = '$SLUG' AND COALESCE(t, '') <> ''")
answered=$(sql "SELECT count(*) FROM responses WHERE remiss_id = $rid")
if [ "${#orgs[@]}" -ge 5 ] && [ "${#heads[@]}" -ge 5 ] && [ "${#texts[@]}" -ge 10 ] && [ "$answered" -ge 5 ]; then
	ok "the demo remiss has ${#orgs[@]} organisations, ${#heads[@]} sections and ${#texts[@]} answer texts from $answered responses"
else
	notok "the demo remiss has organisations, sections and answers (${#orgs[@]}, ${#heads[@]}, ${#texts[@]}, $answered)"
fi
hargs=()
for h in "${heads[@]}"; do hargs+=(--heading "$h"); done
check "python-docx reads every organisation, section heading (as a Heading) and answer text of the demo remiss in its remissammanställning" \
	/usr/bin/python3 "$ROOT/tests/export/docx_check.py" "$T/demo.docx" --toc --footer-pages \
	"${hargs[@]}" "${orgs[@]}" "${texts[@]}"
check "python-docx reads every section heading of the demo remiss in its beslutsförslag" \
	/usr/bin/python3 "$ROOT/tests/export/docx_check.py" "$T/demo.beslutsforslag.docx" "${hargs[@]}"

# The remiss as the database holds it, in tests/export/xlsx_check.py's form (the same query
# as tests/integration/exports.sh's expected_json).
sql "SELECT json_build_object(
	'orgs', (SELECT COALESCE(json_agg(json_build_object('name', o.name, 'kind', o.kind,
		'orgnr', COALESCE(o.orgnr, ''), 'receipt', COALESCE(v.receipt_number, ''),
		'position', COALESCE(v.position, ''), 'answered', v.id IS NOT NULL,
		'received', COALESCE(to_char(v.arrived_on, 'YYYY-MM-DD'),
			to_char(v.received_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI:SS'), ''))
		ORDER BY o.name), '[]')
		FROM remiss m JOIN invitations i ON i.remiss_id = m.id JOIN organisations o ON o.id = i.org_id
		LEFT JOIN responses resp ON resp.remiss_id = m.id AND resp.org_id = o.id
		LEFT JOIN LATERAL (SELECT * FROM response_versions WHERE response_id = resp.id
			ORDER BY version DESC LIMIT 1) v ON true
		WHERE m.slug = '$SLUG'),
	'sections', (SELECT COALESCE(json_agg(json_build_object('nr', s.nr, 'heading', s.heading)
		ORDER BY s.position, s.id), '[]')
		FROM sections s JOIN remiss m ON m.id = s.remiss_id WHERE m.slug = '$SLUG' AND s.removed_at IS NULL),
	'answers', (SELECT COALESCE(json_agg(json_build_object('org', o.name, 'section', s.nr,
		'qid', q.qid, 'qtext', q.text, 'qsection', qs.nr, 'position', COALESCE(a.position, ''),
		'comment', COALESCE(a.comment, ''), 'wording', COALESCE(a.proposed_wording, ''),
		'cons_region', COALESCE(a.consequence_region, ''), 'cons_kommun', COALESCE(a.consequence_kommun, ''),
		'short_term', COALESCE(a.short_term, ''), 'long_term', COALESCE(a.long_term, ''))), '[]')
		FROM remiss m JOIN responses resp ON resp.remiss_id = m.id
		JOIN invitations i ON i.remiss_id = m.id AND i.org_id = resp.org_id
		JOIN organisations o ON o.id = resp.org_id $latest
		JOIN answers a ON a.version_id = v.id LEFT JOIN sections s ON s.id = a.section_id
		LEFT JOIN questions q ON q.id = a.question_id LEFT JOIN sections qs ON qs.id = q.section_id
		WHERE m.slug = '$SLUG' AND (s.id IS NULL OR s.removed_at IS NULL)
		AND (q.id IS NULL OR (q.removed_at IS NULL AND (qs.id IS NULL OR qs.removed_at IS NULL)))))" \
	>"$T/demo.json"
check "openpyxl reads every organisation, section and answer of the demo remiss in the right sheet, row and column of the workbook" \
	/usr/bin/python3 "$ROOT/tests/export/xlsx_check.py" "$T/demo-book.xlsx" "$T/demo.json"

# LibreOffice opens all three: converted to PDF, the text names every organisation (the
# beslutsförslag: every section heading).
profile=$(python3 -c 'import pathlib, sys; print(pathlib.Path(sys.argv[1]).resolve().as_uri())' "$T/lo-profile")
mkdir -p "$T/pdf" "$T/lo-home"
HOME=$T/lo-home timeout 300 soffice -env:UserInstallation="$profile" --headless --norestore \
	--convert-to pdf --outdir "$T/pdf" "$T/demo.docx" "$T/demo.beslutsforslag.docx" "$T/demo-book.xlsx" \
	</dev/null >"$T/soffice.log" 2>&1
has_all() { # has_all PDF TEXT...: pdftotext's text (lines joined) contains every TEXT
	local pdf=$1 t missing=0; shift
	[ -s "$pdf" ] || { echo "no $pdf"; sed 's/^/  /' "$T/soffice.log"; return 1; }
	pdftotext "$pdf" - | tr -s ' \n' ' ' >"$pdf.txt"
	for t in "$@"; do grep -qF -- "$t" "$pdf.txt" || { echo "missing: $t"; missing=1; }; done
	return $missing
}
check "LibreOffice opens the remissammanställning (.docx): its PDF names every organisation" \
	has_all "$T/pdf/demo.pdf" "${orgs[@]}"
check "LibreOffice opens the beslutsförslag (.docx): its PDF has every section heading" \
	has_all "$T/pdf/demo.beslutsforslag.pdf" "${heads[@]}"
check "LibreOffice opens the workbook (.xlsx): its PDF names every organisation" \
	has_all "$T/pdf/demo-book.pdf" "${orgs[@]}"
exit $rc
