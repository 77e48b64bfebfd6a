#!/usr/bin/env bash
# tests/integration/chaos.sh BUILD-DIR BASE-URL TMPDIR REMISSD-PIDFILE PG-DIR NGINX-PREFIX:
# nothing lost, nothing doubled. Four organisations submit CHAOS_N (default 500) remissvar
# through nginx with Idempotency-Keys and retry on any error (chaos.py) while random workers
# are killed with SIGKILL, PostgreSQL is restarted once and nginx reloaded once. Then every
# acknowledged receipt is in the database with its SHA-256, no key is stored twice, and the
# audit log has exactly one response.submit per stored version. Needs REMISS_DB.
# Prints "ok N - name" lines and "N passed, N failed". bench/chaos-long is the long version.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: chaos.sh BUILD-DIR BASE-URL TMPDIR REMISSD-PIDFILE PG-DIR NGINX-PREFIX}
BASE=${2:?usage} T=${3:?usage} PIDFILE=${4:?usage} PGDIR=${5:?usage} NGX=${6:?usage}
SUBMITS=${CHAOS_N:-500}
SLUG=${CHAOS_SLUG:-kaos-$(date +%s)}
mkdir -p "$T"

# A remiss of its own, open today, inviting four organisations with a token each.
new_remiss "$SLUG" Kaostest 1 "kommun:Kaoskommun 1" "kommun:Kaoskommun 2" "kommun:Kaoskommun 3" "kommun:Kaoskommun 4"
: >"$T/tokens"
for i in 1 2 3 4; do
	printf '%s\tKaoskommun %s\n' "$("$BUILD/remissctl" token create --org "Kaoskommun $i" --label chaos)" "$i" >>"$T/tokens"
done
check "four organisations with tokens for the chaos run" eval '[ "$(grep -c . "$T/tokens")" = 4 ]'

sup=$(cat "$PIDFILE")
pg_cmd=". '$ROOT/dev/lib.sh'; pg_restart '$PGDIR'"
ngx_cmd="nginx -p '$NGX' -c '$NGX/nginx.conf' -e '$NGX/error.log' -s reload"
python3 "$ROOT/tests/integration/chaos.py" "$BASE" "$SLUG" "$T/tokens" "$SUBMITS" "$sup" \
	"bash -c \"$pg_cmd\"" "$ngx_cmd" "$T/acked" >"$T/chaos.out" 2>"$T/chaos.err"
rc=$?
grep '^#' "$T/chaos.out"
head -5 "$T/chaos.err" | sed 's/^/# /'
summary=$(grep '^SUMMARY' "$T/chaos.out")
val() { sed -nE "s/.* $1=([0-9]+).*/\1/p" <<<" $summary"; }
check "every one of the $SUBMITS submissions was acknowledged in the end" eval '[ $rc = 0 ] && [ "$(val acked)" = "$SUBMITS" ]'
check "workers were killed while submissions ran" eval '[ "$(val kills)" -ge 5 ]'
check "PostgreSQL was restarted and nginx reloaded during the run" \
	eval '[ "$(val pg_restarted)" = 1 ] && [ "$(val nginx_reloaded)" = 1 ]'
check "no key was acknowledged with two different receipts" eval '[ "$(val doubled)" = 0 ]'

# What the database holds for the chaos remiss: KEY VERSION-ID SHA256, by key.
in_remiss="v.response_id IN (SELECT r.id FROM responses r JOIN remiss m ON m.id = r.remiss_id WHERE m.slug = '$SLUG')"
sql "SELECT idempotency_key, id, sha256 FROM response_versions v WHERE $in_remiss ORDER BY 1" |
	tr '|' ' ' >"$T/stored"
missing=$(comm -23 <(sort "$T/acked") <(sort "$T/stored") | wc -l)
check "every acknowledged receipt is stored, with the same version and SHA-256" \
	eval '[ -s "$T/acked" ] && [ "$missing" = 0 ] || { echo "#   $missing acknowledged receipts not in the database"; false; }'
check "the stored canonical XML still has the receipt's SHA-256" \
	eval '[ "$(sql "SELECT count(*) FROM response_versions v WHERE $in_remiss AND encode(sha256(convert_to(canonical_xml, '"'UTF8'"')), '"'hex'"') <> sha256")" = 0 ]'
check "no Idempotency-Key is stored twice" \
	eval '[ "$(sql "SELECT count(*) FROM (SELECT idempotency_key FROM response_versions v WHERE $in_remiss GROUP BY 1 HAVING count(*) > 1) d")" = 0 ]'
check "exactly $SUBMITS versions are stored: none without an acknowledgement" \
	eval '[ "$(wc -l <"$T/stored")" = "$SUBMITS" ]'
check "the audit log has exactly one response.submit per stored version" \
	eval '[ "$(sql "SELECT count(*) FROM response_versions v WHERE $in_remiss AND (SELECT count(*) FROM audit_log a WHERE a.action = '"'response.submit'"' AND a.object_type = '"'response_version'"' AND a.object_id = v.id::text) <> 1")" = 0 ]'
check "and no response.submit entry names a version that is not stored" \
	eval '[ "$(sql "SELECT count(*) FROM audit_log a WHERE a.action = '"'response.submit'"' AND a.object_type = '"'response_version'"' AND NOT EXISTS (SELECT 1 FROM response_versions v WHERE v.id::text = a.object_id)")" = 0 ]'
check "no half-stored submission: every stored version has its answer" \
	eval '[ "$(sql "SELECT count(*) FROM response_versions v WHERE $in_remiss AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.version_id = v.id)")" = 0 ]'
check "the stack answers afterwards" wait_http "$BASE/healthz" 5

finish
