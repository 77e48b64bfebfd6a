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

. "$ROOT/tests/export/expected_json.sh"
expected_json "$SLUG" >"$T/demo.json"
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
