#!/usr/bin/env bash
# bench/export.sh BUILD-DIR [ORGS x SECTIONS ...]: time and peak memory of every export format.
#
# Starts a private PostgreSQL under var/bench-export/, and for each size (default 30x20,
# 300x200 and 3000x200, the size of issue 9's goal: 600 000 answers) builds a remiss with that
# many invited organisations, each with a submitted version answering every section (position,
# a comment of ~60 words, a tag on every tenth answer), entirely in set-based SQL (INSERT ...
# SELECT over generate_series, never row by row; prints how long it took); then runs
# `remissctl export` in every format under /usr/bin/time -v and prints one line per format:
# size, seconds, peak RSS (MiB), output bytes. With --doc it also rewrites the "Exports"
# section of docs/performance.md. BENCH_FORMATS="csv xlsx" (default: every format) runs
# only those, e.g. the XLSX beside its CSV baseline at 3000x200 without the others.
# Timings are reported, never asserted.
set -euo pipefail
. "$(cd "$(dirname "$0")/.." && pwd)/dev/lib.sh"

DOC=0
if [ "${1:-}" = --doc ]; then DOC=1; shift; fi
BUILD=$(realpath "${1:?usage: bench/export.sh [--doc] BUILD-DIR [ORGSxSECTIONS ...]}")
shift
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(30x20 300x200 3000x200)
B=$ROOT/var/bench-export
[ -x /usr/bin/time ] || { echo "bench/export.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

cleanup() { pg_stop "$B/pg"; }
trap cleanup EXIT
rm -rf "$B"
mkdir -p "$B/out"
pg_start "$B/pg" fast
export REMISS_DB=$(pg_conninfo "$B/pg")
export REMISS_SCHEMA_DIR=$ROOT/schema REMISS_STATIC_DIR=$ROOT/static
"$BUILD/remissctl" migrate >/dev/null 2>&1

# make_remiss SLUG ORGS SECTIONS: the remiss, its sections, organisations, versions, answers.
make_remiss() {
	psql "$REMISS_DB" -q -v ON_ERROR_STOP=1 -v slug="$1" -v orgs="$2" -v secs="$3" <<'SQL'
BEGIN;
INSERT INTO remiss (slug, title, sender, opens, closes, status)
	VALUES (:'slug', 'Benchmark ' || :'slug', 'Region Bench', current_date - 30, current_date + 30, 'oppen');
INSERT INTO sections (remiss_id, nr, heading, body, position)
	SELECT r.id, i::text, 'Avsnitt ' || i, repeat('Förslagets text om vård i hemmet. ', 20), i
	FROM remiss r, generate_series(1, :secs) i WHERE r.slug = :'slug';
INSERT INTO organisations (name, kind)
	SELECT :'slug' || ' kommun ' || lpad(i::text, 5, '0'), 'kommun' FROM generate_series(1, :orgs) i;
INSERT INTO invitations (remiss_id, org_id)
	SELECT r.id, o.id FROM remiss r, organisations o WHERE r.slug = :'slug' AND o.name LIKE :'slug' || ' kommun %';
INSERT INTO responses (remiss_id, org_id)
	SELECT remiss_id, org_id FROM invitations WHERE remiss_id = (SELECT id FROM remiss WHERE slug = :'slug');
INSERT INTO response_versions (response_id, version, channel, position, contact_name, contact_email,
	canonical_xml, sha256, receipt_number)
	SELECT resp.id, 1, 'xml', 'tillstyrker', 'Kontakt', 'kontakt@example.org',
	 '<remissvar xmlns="urn:remissvar:1" remiss="' || :'slug' || '"><remissinstans typ="kommun">' || o.name ||
	 '</remissinstans><kontakt namn="Kontakt" epost="kontakt@example.org"></kontakt>' ||
	 '<stallningstagande>tillstyrker</stallningstagande></remissvar>',
	 encode(sha256(convert_to(o.name, 'UTF8')), 'hex'),
	 receipt_issue(now())
	FROM responses resp JOIN organisations o ON o.id = resp.org_id
	WHERE resp.remiss_id = (SELECT id FROM remiss WHERE slug = :'slug');
INSERT INTO answers (version_id, section_id, ord, position, comment, proposed_wording)
	SELECT v.id, s.id, s.position - 1,
	 (ARRAY['tillstyrker', 'tillstyrker-med-andringar', 'avstyrker', 'inga-synpunkter'])[1 + (v.id + s.id) % 4],
	 'Kommunen anser att ' || s.heading || ' behöver förtydligas, särskilt när det gäller ansvaret '
	 'mellan huvudmännen, "tröskelprincipen", bemanning, kostnader, läkarmedverkan och hur '
	 'uppföljningen ska göras, ' || repeat('med gemensamma bedömningskriterier och rutiner ', 3) || '.',
	 CASE WHEN s.position % 5 = 0 THEN 'Ny lydelse: ' || s.heading || ' ska gälla alla.' END
	FROM response_versions v JOIN responses resp ON resp.id = v.response_id
	JOIN sections s ON s.remiss_id = resp.remiss_id
	WHERE resp.remiss_id = (SELECT id FROM remiss WHERE slug = :'slug');
INSERT INTO themes (remiss_id, name) SELECT id, 'Finansiering' FROM remiss WHERE slug = :'slug';
INSERT INTO tags (theme_id, response_id, section_id, version_id, field, quote, start_pos, end_pos)
	SELECT th.id, resp.id, a.section_id, v.id, 'kommentar', 'Kommunen anser', 0, 14
	FROM answers a JOIN response_versions v ON v.id = a.version_id
	JOIN responses resp ON resp.id = v.response_id JOIN themes th ON th.remiss_id = resp.remiss_id
	WHERE resp.remiss_id = (SELECT id FROM remiss WHERE slug = :'slug') AND a.id % 10 = 0;
COMMIT;
ANALYZE;
SQL
}

results=()
for size in "${SIZES[@]}"; do
	orgs=${size%x*} secs=${size#*x}
	slug="bench-$orgs-$secs"
	t0=$(date +%s)
	make_remiss "$slug" "$orgs" "$secs"
	echo "==> $slug: $orgs organisations x $secs sections built in $(( $(date +%s) - t0 )) s" >&2
	for f in ${BENCH_FORMATS:-${FORMATS:-csv taggar.csv xml html odt docx beslutsforslag.docx xlsx}}; do
		out=$B/out/$slug.$f
		/usr/bin/time -v -o "$B/time" "$BUILD/remissctl" export "$slug" --format "$f" -o "$out" 2>/dev/null
		secs_used=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$B/time")
		rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$B/time")
		bytes=$(stat -c %s "$out")
		line=$(printf '| %s | %s | %s | %s | %s |' "${orgs} × ${secs}" "$f" "$secs_used" "$rss" "$bytes")
		echo "$line"
		results+=("$line")
	done
done

if [ "$DOC" = 1 ]; then
	doc=$ROOT/docs/performance.md
	[ -f "$doc" ] || printf '# Performance\n' >"$doc"
	section=$(printf '## Exports\n\n`bench/export.sh --doc BUILD-DIR %s` on %s (%s CPUs), %s. A remiss\nwith N organisations × M sections, every organisation answering every section (a comment of\n~60 words), exported with `remissctl export` under `/usr/bin/time -v`: wall-clock seconds, peak\nresident memory of remissctl, output size. The model reads one section at a time, so peak\nmemory should stay flat as the remiss grows (it grows with the organisations, not with\norganisations × sections). The XML export copies each organisation'"'"'s stored canonical\nremissvar; the benchmark stores a small synthetic one, so the XML size is not representative.\nTime grows with the answers: each section costs a few queries (its answers, tags, summary,\ndecision). Use a build without sanitizers (e.g. `configure CFLAGS=-O2`).\n\n| size | format | seconds | peak RSS (MiB) | bytes |\n|---|---|---|---|---|\n%s\n' \
		"${SIZES[*]}" "$(uname -n)" "$(nproc)" "$(date -u +%Y-%m-%d)" "$(printf '%s\n' "${results[@]}")")
	python3 - "$doc" "$section" <<'EOF'
import re, sys
path, section = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
pattern = re.compile(r"^## Exports\n.*?(?=^## |\Z)", re.S | re.M)
if pattern.search(text):
    text = pattern.sub(lambda m: section + "\n", text)
else:
    text = text.rstrip("\n") + "\n\n" + section
open(path, "w", encoding="utf-8").write(text)
EOF
	echo "==> wrote the Exports section of $doc" >&2
fi
