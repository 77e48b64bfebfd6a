#!/usr/bin/env bash
# bench/matrix.sh BUILD-DIR [ORGS SECTIONS]...: times the review matrix page
# (/remisser/{slug}/granskning) for remisser of ORGS organisations x SECTIONS sections, every
# organisation having answered every section. Starts its own PostgreSQL under var/bench-matrix,
# generates the data with SQL, runs one remissd worker and asks it directly over FastCGI
# (tests/integration/fcgi.py) with a granskare's token: five requests per size, reporting the
# median time remissd took (its own log's us=, so the Python client's start-up is not counted),
# the page size and the worker's peak RSS (VmHWM); then one request each of /analys (section 1)
# and /dubbletter on the same data. Stops what it started.
# Default sizes: 7x30 (the demo's scale) and 300x200. Use a build without sanitizers.
# KEEP=1 leaves the database running for a look with psql.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/dev/lib.sh"
BUILD=$(cd "${1:?usage: bench/matrix.sh BUILD-DIR [ORGS SECTIONS]...}" && pwd)
shift
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(7 30 300 200)
V=$ROOT/var/bench-matrix
rm -rf "$V"; mkdir -p "$V"; chmod 0711 "$V"
cleanup() { stop_pid "$V/remissd.pid"; [ -n "${KEEP:-}" ] || pg_stop "$V/pg"; }
trap cleanup EXIT
pg_start "$V/pg" fast >/dev/null
export REMISS_DB=$(pg_conninfo "$V/pg") REMISS_SCHEMA_DIR=$ROOT/schema
"$BUILD/remissctl" migrate >/dev/null
printf 'bench-password\n' | "$BUILD/remissctl" user add granskare@bench.example granskare >/dev/null
TOKEN=$("$BUILD/remissctl" token create --user granskare@bench.example)
"$BUILD/remissd" -s "$V/remissd.sock" -m 0600 -w 1 -d "$REMISS_DB" -P "$V/remissd.pid" 2>"$V/remissd.log" &
for _ in $(seq 100); do [ -S "$V/remissd.sock" ] && [ -s "$V/remissd.pid" ] && break; sleep 0.05; done
sql() { psql "$REMISS_DB" -qAtc "$1"; }

# generate SLUG ORGS SECTIONS: a remiss, its organisations, one submitted version each
# with an answer to every section (positions and comments varying), straight in SQL.
generate() {
	local slug=$1 orgs=$2 secs=$3
	psql "$REMISS_DB" -q -v ON_ERROR_STOP=1 <<SQL >/dev/null
INSERT INTO remiss (slug, title, sender, opens, closes, status)
	VALUES ('$slug', 'Bänk $orgs x $secs', 'Region Bänk', current_date - 1, current_date + 30, 'oppen');
INSERT INTO sections (remiss_id, nr, heading, body, position)
	SELECT r.id, g::text, 'Avsnitt ' || g, 'Förslagets text för avsnitt ' || g || '.', g
	FROM remiss r, generate_series(1, $secs) g WHERE r.slug = '$slug';
INSERT INTO organisations (name, kind)
	SELECT '$slug kommun ' || g, 'kommun' FROM generate_series(1, $orgs) g
	ON CONFLICT DO NOTHING;
INSERT INTO invitations (remiss_id, org_id)
	SELECT r.id, o.id FROM remiss r, organisations o
	WHERE r.slug = '$slug' AND o.name LIKE '$slug kommun %';
INSERT INTO responses (remiss_id, org_id)
	SELECT remiss_id, org_id FROM invitations i JOIN remiss r ON r.id = i.remiss_id
	WHERE r.slug = '$slug';
INSERT INTO response_versions (response_id, version, channel, position, contact_name,
	contact_email, canonical_xml, sha256, receipt_number)
	SELECT resp.id, 1, 'xml', 'tillstyrker', 'Bänk', 'b@bench.example', '<x/>',
	    encode(sha256(resp.id::text::bytea), 'hex'), '2026-' || lpad(resp.id::text, 9, '0')
	FROM responses resp JOIN remiss r ON r.id = resp.remiss_id WHERE r.slug = '$slug';
INSERT INTO answers (version_id, section_id, ord, position, comment)
	SELECT v.id, s.id, s.position,
	    (ARRAY['tillstyrker', 'tillstyrker-med-andringar', 'avstyrker', 'inga-synpunkter'])[1 + (v.id + s.id) % 4],
	    'Kommunen anser att avsnitt ' || s.nr || ' behöver förtydligas när det gäller ansvar, kostnader och uppföljning i länet.'
	FROM response_versions v JOIN responses resp ON resp.id = v.response_id
	JOIN remiss r ON r.id = resp.remiss_id JOIN sections s ON s.remiss_id = r.id
	WHERE r.slug = '$slug';
ANALYZE;
SQL
}

worker() { pgrep -P "$(cat "$V/remissd.pid")" | head -1; }
echo "## Review matrix benchmark"
echo
echo "- machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/ {print $2}') GiB RAM"
echo "- date: $(date -u +%Y-%m-%d), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| organisations × sections | cells | median ms | page KiB | worker peak RSS MiB |"
echo "|--:|--:|--:|--:|--:|"
i=0 analysis=()
while [ $i -lt ${#sizes[@]} ]; do
	orgs=${sizes[$i]} secs=${sizes[$((i + 1))]}; i=$((i + 2))
	slug=bank-$orgs-$secs
	generate "$slug" "$orgs" "$secs"
	times=()
	for _ in 1 2 3 4 5; do
		python3 "$ROOT/tests/integration/fcgi.py" request "$V/remissd.sock" \
			"DOCUMENT_URI=/remisser/$slug/granskning" "HTTP_AUTHORIZATION=Bearer $TOKEN" \
			HTTP_ACCEPT=text/html >"$V/page" 2>&1
		grep -q '^Status: 200' "$V/page" || { echo "not 200: $(head -c 300 "$V/page")" >&2; exit 1; }
		us=$(grep "route=review_matrix" "$V/remissd.log" | tail -1 | grep -oE ' us=[0-9]+' | cut -d= -f2)
		times+=($(( us / 1000 )))
	done
	median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
	kib=$(( $(wc -c <"$V/page") / 1024 ))
	rss=$(awk '/^VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$(worker)/status")
	echo "| $orgs × $secs | $((orgs * secs)) | $median | $kib | $rss |"
	# One request each of the analysis pages on the same data (they are not cached).
	for page in "analys?avsnitt=1" dubbletter; do
		route=review_analysis; [ "$page" = dubbletter ] && route=review_duplicates
		python3 "$ROOT/tests/integration/fcgi.py" request "$V/remissd.sock" \
			"DOCUMENT_URI=/remisser/$slug/${page%%\?*}" "QUERY_STRING=$(sed -n 's/^[^?]*?//p' <<<"$page")" \
			"HTTP_AUTHORIZATION=Bearer $TOKEN" HTTP_ACCEPT=text/html >"$V/page" 2>&1
		us=$(grep "route=$route" "$V/remissd.log" | tail -1 | grep -oE ' us=[0-9]+' | cut -d= -f2)
		analysis+=("| $orgs × $secs | /${page%%\?*} | $(( ${us:-0} / 1000 )) | $(grep -c '^Status: 200' "$V/page") |")
	done
done
echo
echo "| organisations × sections | page | ms (one request) | 200 |"
echo "|--:|:--|--:|--:|"
printf '%s\n' "${analysis[@]}"
