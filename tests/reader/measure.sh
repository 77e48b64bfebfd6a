#!/usr/bin/env bash
# tests/reader/measure.sh BUILD: the document reader's accuracy on the corpus (tests/reader/corpus).
# Each response (tune/ and heldout/, *.txt with its *.truth) is written as a flat ODT (fodt.py),
# converted by LibreOffice to DOCX, ODT and PDF, read back with BUILD's remiss-extract, and
# matched against corpus/remiss.xml by BUILD's tests/reader/reader_measure. Prints per part
# and format the sections assigned (precision, recall), positions, overall position and
# letterhead fields right; fails if a format falls below the floors set here (just under
# what docs/reader-accuracy.md reports). READER_VERBOSE=1 shows every miss.
set -euo pipefail

BUILD=$(cd "${1:?usage: tests/reader/measure.sh BUILD}" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT=${READER_MEASURE_DIR:-$ROOT/var/reader-measure}
EXTRACT=$BUILD/remiss-extract
MEASURE=$BUILD/tests/reader/reader_measure
# READER_PARTS=tune while tuning: the held-out part is measured, not looked at.
PARTS=${READER_PARTS:-tune heldout}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

# Floors, in percent, over all documents (both parts) of one format.
FLOOR_RECALL=${FLOOR_RECALL:-95}
FLOOR_PRECISION=${FLOOR_PRECISION:-95}
FLOOR_POSITIONS=${FLOOR_POSITIONS:-93}
FLOOR_OVERALL=${FLOOR_OVERALL:-90}
FLOOR_LETTERHEAD=${FLOOR_LETTERHEAD:-90}

for p in "$EXTRACT" "$MEASURE"; do
	[ -x "$p" ] || { echo "measure.sh: $p is not built (make -C BUILD all check)" >&2; exit 2; }
done
command -v soffice >/dev/null || { echo "measure.sh: soffice (libreoffice-writer-nogui) missing" >&2; exit 2; }

passed=0 failed=0
check() { # check NAME OK: one line of TAP
	if [ "$2" = 1 ]; then passed=$((passed + 1)); echo "ok - $1"
	else failed=$((failed + 1)); echo "not ok - $1"; fi
}

rm -rf "$OUT"
mkdir -p "$OUT"
# The corpus remiss is a remiss the product accepts.
if xmllint --noout --schema "$ROOT/schema/remissvar.xsd" "$HERE/corpus/remiss.xml" \
	>"$OUT/xmllint.log" 2>&1; then
	check "corpus/remiss.xml is valid against schema/remissvar.xsd" 1
else
	cat "$OUT/xmllint.log" >&2
	check "corpus/remiss.xml is valid against schema/remissvar.xsd" 0
fi
# A private LibreOffice profile: no clash with another soffice on the machine.
profile="-env:UserInstallation=file://$OUT/lo-profile"


for part in $PARTS; do
	mkdir -p "$OUT/$part"
	for src in "$HERE/corpus/$part"/*.txt; do
		"$PY" "$HERE/fodt.py" "$src" "$OUT/$part/$(basename "$src" .txt).fodt"
	done
	for fmt in docx odt pdf; do
		timeout 300 soffice "$profile" --headless --convert-to "$fmt" --outdir "$OUT/$part" \
			"$OUT/$part"/*.fodt >"$OUT/soffice-$part-$fmt.log" 2>&1 ||
			{ cat "$OUT/soffice-$part-$fmt.log" >&2; exit 1; }
	done
done

# results.tsv: part format doc truth proposed assigned positions overall letterhead
: >"$OUT/results.tsv"
for part in $PARTS; do
	for src in "$HERE/corpus/$part"/*.txt; do
		name=$(basename "$src" .txt)
		for fmt in docx odt pdf; do
			doc=$OUT/$part/$name.$fmt
			txt=$OUT/$part/$name.$fmt.txt
			if ! "$EXTRACT" "$doc" >"$txt" 2>"$txt.err"; then
				echo "measure.sh: remiss-extract failed on $doc: $(cat "$txt.err")" >&2
				check "$part/$name.$fmt extracted" 0
				continue
			fi
			if ! "$MEASURE" "$HERE/corpus/remiss.xml" "$txt" "$HERE/corpus/$part/$name.truth" \
				>"$txt.result"; then
				check "$part/$name.$fmt measured" 0
				continue
			fi
			if [ "${READER_VERBOSE:-0}" = 1 ]; then
				sed "s|^MISS|$part/$name.$fmt: MISS|" "$txt.result" | grep MISS || true
			fi
			grep '^RESULT' "$txt.result" | sed -E \
				"s/RESULT truth=([0-9]+) proposed=([0-9]+) assigned=([0-9]+) positions=([0-9]+) overall=([0-9]+) letterhead=([0-9]+)/$part\t$fmt\t$name\t\1\t\2\t\3\t\4\t\5\t\6/" \
				>>"$OUT/results.tsv"
		done
	done
done

pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print 100; else printf "%d", 100 * a / b }'; }

printf '%-8s %-5s %4s %6s %8s %8s %9s %6s %9s %8s %10s\n' part format docs truth proposed \
	assigned precision recall positions overall letterhead
for part in $PARTS all; do
	for fmt in docx odt pdf; do
		read -r docs truth prop hit pos ovr lh < <(awk -F'\t' -v p="$part" -v f="$fmt" \
			'($1 == p || p == "all") && $2 == f { d++; t += $4; pr += $5; h += $6; po += $7; o += $8; l += $9 }
			END { print d + 0, t + 0, pr + 0, h + 0, po + 0, o + 0, l + 0 }' "$OUT/results.tsv")
		printf '%-8s %-5s %4d %6d %8d %8d %8s%% %5s%% %8s%% %7s%% %9s%%\n' "$part" "$fmt" "$docs" \
			"$truth" "$prop" "$hit" "$(pct "$hit" "$prop")" "$(pct "$hit" "$truth")" \
			"$(pct "$pos" "$truth")" "$(pct "$ovr" "$docs")" "$(pct "$lh" $((docs * 3)))"
		if [ "$part" = all ]; then
			check "$fmt: $docs documents read" "$([ "$docs" -gt 0 ] && echo 1 || echo 0)"
			check "$fmt: recall $(pct "$hit" "$truth")% >= $FLOOR_RECALL%" \
				"$([ "$(pct "$hit" "$truth")" -ge "$FLOOR_RECALL" ] && echo 1 || echo 0)"
			check "$fmt: precision $(pct "$hit" "$prop")% >= $FLOOR_PRECISION%" \
				"$([ "$(pct "$hit" "$prop")" -ge "$FLOOR_PRECISION" ] && echo 1 || echo 0)"
			check "$fmt: positions $(pct "$pos" "$truth")% >= $FLOOR_POSITIONS%" \
				"$([ "$(pct "$pos" "$truth")" -ge "$FLOOR_POSITIONS" ] && echo 1 || echo 0)"
			check "$fmt: overall $(pct "$ovr" "$docs")% >= $FLOOR_OVERALL%" \
				"$([ "$(pct "$ovr" "$docs")" -ge "$FLOOR_OVERALL" ] && echo 1 || echo 0)"
			check "$fmt: letterhead $(pct "$lh" $((docs * 3)))% >= $FLOOR_LETTERHEAD%" \
				"$([ "$(pct "$lh" $((docs * 3)))" -ge "$FLOOR_LETTERHEAD" ] && echo 1 || echo 0)"
		fi
	done
done
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
