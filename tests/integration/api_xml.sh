#!/usr/bin/env bash
# tests/integration/api_xml.sh BUILD-DIR BASE-URL TMPDIR PIDFILE: the XML channel through nginx:
# listing and reading remisser, uploading remissvar with an organisation token or a session,
# receipts, read-back and re-post, idempotency, and every kind of bad upload (malformed, invalid,
# hostile, too large, wrong organisation, after the deadline), none of which stores anything.
# Needs REMISS_DB, REMISS_SCHEMA_DIR, ORG_TOKEN (Laholms kommun) and the demo data.
# Prints "ok N - name" lines and "N passed, N failed".
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: api_xml.sh BUILD-DIR BASE-URL TMPDIR PIDFILE}
BASE=${2:?usage}
T=${3:?usage}
PIDFILE=${4:?usage}
SLUG=ok-hemsjukvard-2025
API=/api/v1/remisser
XSD=$ROOT/schema/remissvar.xsd
mkdir -p "$T"

REQ_ACCEPT=	# the API's own default (XML) unless a request asks for another type
laholm=(-H "Authorization: Bearer $ORG_TOKEN")
xml=(-H 'Content-Type: application/xml')
post() { # post FILE [curl args...]: uploads FILE as Laholm
	local f=$1; shift
	req - POST "$API/$SLUG/remissvar" "${laholm[@]}" "${xml[@]}" --data-binary @"$f" "$@"
}
post_as() { # post_as TOKEN FILE: uploads FILE with another token
	req - POST "$API/$SLUG/remissvar" -H "Authorization: Bearer $1" "${xml[@]}" --data-binary @"$2"
}
# stores_nothing NAME STATUS: checks the status and that no version was added.
refused() {
	local name=$1 want=$2 before=$3
	check "$name: $want, nothing stored" eval 'status_is '"$want"' && [ "$(versions)" = '"$before"' ]'
}
# error_line N: the problem body names an error on line N.
error_line() { body_matches "<error line=\"$1\"" || { echo "#   $(body_glimpse)"; return 1; }; }

EX=$ROOT/tests/xml/example-remissvar.xml

# --- reading ---------------------------------------------------------------
req - GET "$API"
check "without credentials the API is 401 with a Bearer challenge, bilingual XML" \
	eval 'status_is 401 && header_matches "^WWW-Authenticate: Bearer" && body_has "<title_en>" && header_matches "^Content-Type: application/problem\+xml"'
req - GET "$API" "${laholm[@]}"
check "GET /api/v1/remisser lists the open remiss Laholm is invited to" \
	eval 'status_is 200 && header_matches "^Content-Type: application/xml" && body_has "<remisser xmlns=\"urn:remissvar:1\">" && body_has "id=\"$SLUG\""'
req - GET "$API" "${laholm[@]}" -H 'Accept: application/json'
check "the list is JSON when Accept asks for it" \
	eval 'status_is 200 && header_matches "^Content-Type: application/json" && python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert any(r[\"id\"]==sys.argv[2] for r in d[\"remisser\"])" "$T/body" "$SLUG"'
req - GET "$API/$SLUG" "${laholm[@]}"
cp "$T/body" "$T/remiss.xml"
check "GET /api/v1/remisser/{slug} returns the definition as remiss XML" \
	eval 'status_is 200 && body_has "<remiss xmlns=\"urn:remissvar:1\" id=\"$SLUG\">" && body_has "<avsnitt nr=\"3.3\"" && body_has "<fraga id=\"q2\" typ=\"konsekvens\">"'
if [ -f "$XSD" ]; then
	check "the remiss definition validates against the schema" xmllint --noout --schema "$XSD" "$T/remiss.xml"
fi
req - GET "$API/ingen-sadan-remiss" "${laholm[@]}"
check "an unknown remiss is 404" status_is 404

# --- uploading -------------------------------------------------------------
before=$(versions)
post "$EX"
check "the example remissvar is accepted: 201, Location, receipt XML" \
	eval 'status_is 201 && header_matches "^Location: /api/v1/remisser/$SLUG/remissvar/[0-9]+$" && body_has "<kvittens xmlns=\"urn:remissvar:1\"" && body_has "<remissinstans>Laholms kommun</remissinstans>"'
loc=$(grep -i '^Location:' "$T/h" | sed 's/^[^:]*: //')
sha=$(grep -oE 'sha256="[0-9a-f]{64}"' "$T/body" | grep -oE '[0-9a-f]{64}')
vid=${loc##*/}
check "one version was stored, through the XML channel" \
	eval '[ "$(versions)" = $((before + 1)) ] && [ "$(sql "SELECT channel FROM response_versions WHERE id = $vid")" = xml ]'
check "the receipt's SHA-256 is the stored one" eval '[ "$(sql "SELECT sha256 FROM response_versions WHERE id = $vid")" = "$sha" ]'
req - GET "$loc" "${laholm[@]}"
cp "$T/body" "$T/readback.xml"
check "GET of the Location returns the stored remissvar" \
	eval 'status_is 200 && body_has "<remissvar xmlns=\"urn:remissvar:1\" remiss=\"$SLUG\">" && body_has "Tröskelprincipen tolkas olika"'
check "the read-back is the canonical XML the receipt hashes" \
	eval '[ "$(tail -n +2 "$T/readback.xml" | head -c -1 | sha256sum | cut -c1-64)" = "$sha" ]'
post "$T/readback.xml"
sha2=$(grep -oE 'sha256="[0-9a-f]{64}"' "$T/body" | grep -oE '[0-9a-f]{64}')
check "posting the read-back again is a new version with the same SHA-256" \
	eval 'status_is 201 && [ "$sha2" = "$sha" ] && [ "$(versions)" = $((before + 2)) ] && body_lacks "version=\"1\""'
req - GET "$API/$SLUG/remissvar" "${laholm[@]}"
check "GET …/remissvar lists Laholm's own receipts, newest first, and no other organisation's" \
	eval 'status_is 200 && body_has "<kvittenser xmlns=\"urn:remissvar:1\">" && ! grep -q "<remissinstans>[^<]*</remissinstans>" <(grep -v "Laholms kommun" "$T/body") && [ "$(grep -o "<kvittens " "$T/body" | wc -l)" = "$(sql "SELECT count(*) FROM response_versions v JOIN responses r ON r.id = v.response_id JOIN organisations o ON o.id = r.org_id WHERE o.name = '"'"'Laholms kommun'"'"'")" ]'
if [ -f "$XSD" ]; then
	check "the receipt list and the read-back validate against the schema" \
		eval 'xmllint --noout --schema "$XSD" "$T/body" "$T/readback.xml"'
fi
other=$(sql "SELECT v.id FROM response_versions v JOIN responses r ON r.id = v.response_id JOIN organisations o ON o.id = r.org_id WHERE o.name = 'Halmstads kommun' LIMIT 1")
req - GET "$API/$SLUG/remissvar/$other" "${laholm[@]}"
check "another organisation's response is 404 for Laholm" status_is 404

# --- idempotency -------------------------------------------------------------
before=$(versions)
post "$EX" -H 'Idempotency-Key: laholm-2024-05-21-001'
first=$(cat "$T/body"); firstloc=$(grep -i '^Location:' "$T/h")
post "$EX" -H 'Idempotency-Key: laholm-2024-05-21-001'
check "the same Idempotency-Key and body twice store one version, the replay gets the same 201 and receipt" \
	eval 'status_is 201 && [ "$(cat "$T/body")" = "$first" ] && [ "$(grep -i "^Location:" "$T/h")" = "$firstloc" ] && [ "$(versions)" = $((before + 1)) ]'
sed 's/Ersättningsmodellen täcker inte/Ersättningsmodellen täcker knappast/' "$EX" >"$T/other.xml"
post "$T/other.xml" -H 'Idempotency-Key: laholm-2024-05-21-001'
refused "the same Idempotency-Key with another body" 409 $((before + 1))
post "$EX" -H 'Idempotency-Key: bad key with spaces'
refused "a malformed Idempotency-Key" 400 $((before + 1))

# --- invalid documents: 422 with the line, nothing stored --------------------
before=$(versions)
for el in remissinstans kontakt stallningstagande; do
	# Drops the first line that holds the element (stallningstagande: the overall one, line 8).
	awk -v el="$el" '!done && index($0, "<" el) { done = 1; next } { print }' "$EX" >"$T/missing-$el.xml"
	post "$T/missing-$el.xml"
	refused "a remissvar without <$el>" 422 "$before"
	check "…and the error says what is missing" body_has "$el"
done
sed 's/<svar avsnitt="6">/<svar avsnitt="99">/' "$EX" >"$T/unknown.xml"
post "$T/unknown.xml"
refused "an answer to a section the remiss does not have" 422 "$before"
check "…with the line of that <svar>" error_line "$(grep -n 'avsnitt="99"' "$T/unknown.xml" | cut -d: -f1)"
sed 's/<stallningstagande>avstyrker</<stallningstagande>kanske</' "$EX" >"$T/position.xml"
post "$T/position.xml"
refused "a wrong position value" 422 "$before"
check "…with the line of the value" error_line "$(grep -n '>kanske<' "$T/position.xml" | cut -d: -f1)"
sed 's/urn:remissvar:1/urn:remissvar:2/' "$EX" >"$T/ns.xml"
post "$T/ns.xml"
refused "a well-formed document in another namespace" 422 "$before"
sed 's/remiss="ok-hemsjukvard-2025"/remiss="en-annan-remiss"/' "$EX" >"$T/slug.xml"
post "$T/slug.xml"
refused "a remissvar naming another remiss" 422 "$before"
post "$T/unknown.xml" -H 'Accept: application/json'
check "errors are JSON when Accept asks: status, title, title_en, errors with line, column, message" \
	eval 'status_is 422 && python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d[\"status\"]==422 and d[\"title\"] and d[\"title_en\"]; e=d[\"errors\"][0]; assert e[\"line\"]>0 and \"column\" in e and e[\"message\"]" "$T/body"'

# --- the server and xmllint agree on every remissvar test file ----------------
# Valid files (their organisation made Laholm, the token's) are stored; invalid ones
# are refused by both, with nothing stored.
as_laholm() { python3 -c 'import re,sys; s=open(sys.argv[1],encoding="utf-8").read(); sys.stdout.write(re.sub(r"<remissinstans\b.*?</remissinstans>", "<remissinstans typ=\"kommun\">Laholms kommun</remissinstans>", s, count=1, flags=re.S))' "$1"; }
agree=0 disagree=""
for f in "$ROOT"/tests/xml/valid/remissvar-*.xml; do
	as_laholm "$f" >"$T/agree.xml"
	n=$(versions)
	post "$T/agree.xml"
	if xmllint --noout --schema "$XSD" "$T/agree.xml" 2>/dev/null && [ "$STATUS" = 201 ] &&
		[ "$(versions)" = $((n + 1)) ]; then agree=$((agree + 1)); else disagree="$disagree ${f##*/}:$STATUS"; fi
done
for f in "$ROOT"/tests/xml/invalid/*.xml "$ROOT"/tests/xml/content-invalid/*.xml; do
	grep -q '<remissvar[ >]' "$f" || continue
	n=$(versions)
	post "$f"
	schema_says=0
	xmllint --noout --schema "$XSD" "$f" 2>/dev/null || schema_says=1
	case $f in */content-invalid/*) schema_says=1 ;; esac	# valid XSD, invalid content
	if [ "$schema_says" = 1 ] && { [ "$STATUS" = 422 ] || [ "$STATUS" = 400 ]; } &&
		[ "$(versions)" = "$n" ]; then agree=$((agree + 1)); else disagree="$disagree ${f##*/}:$STATUS"; fi
done
check "xmllint and the server agree on all $agree remissvar test files${disagree:+ (not on:$disagree)}" [ -z "$disagree" ]
before=$(versions)

# --- malformed and hostile documents ------------------------------------------
head -c 500 "$EX" >"$T/truncated.xml"
post "$T/truncated.xml"
refused "a document that is not well-formed" 400 "$before"
check "…with a line and column" grep -qE '<error line="[0-9]+" column="[0-9]+"' "$T/body"
printf '<?xml version="1.0"?>\n<remissvar xmlns="urn:remissvar:1" remiss="ok-hemsjukvard-2025">\xff\xfe</remissvar>\n' >"$T/utf8.xml"
post "$T/utf8.xml"
refused "invalid UTF-8" 400 "$before"
cat >"$T/xxe.xml" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE remissvar [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<remissvar xmlns="urn:remissvar:1" remiss="ok-hemsjukvard-2025">
  <remissinstans typ="kommun">Laholms kommun</remissinstans>
  <kontakt namn="A" epost="a@b.se"/>
  <stallningstagande>tillstyrker</stallningstagande>
  <sammanfattning>&xxe;</sammanfattning>
</remissvar>
EOF
post "$T/xxe.xml"
refused "an XXE payload reading /etc/passwd" 400 "$before"
check "…and nothing of /etc/passwd appears in the answer or the database" \
	eval 'body_lacks "root:" && [ "$(sql "SELECT count(*) FROM response_versions WHERE canonical_xml LIKE '"'"'%root:%'"'"'")" = 0 ]'
{
	echo '<?xml version="1.0"?>'
	echo '<!DOCTYPE lolz ['
	echo ' <!ENTITY lol "lol">'
	prev=lol
	for i in 1 2 3 4 5 6 7 8 9; do
		printf ' <!ENTITY lol%s "%s">\n' "$i" "$(printf "&$prev;%.0s" 1 2 3 4 5 6 7 8 9 10)"
		prev=lol$i
	done
	echo ']>'
	echo '<remissvar xmlns="urn:remissvar:1" remiss="ok-hemsjukvard-2025"><sammanfattning>&lol9;</sammanfattning></remissvar>'
} >"$T/lol.xml"
rss() { local s=0 p; for p in $(pgrep -P "$(cat "$PIDFILE")"); do s=$((s + $(awk '/^VmRSS/ {print $2}' "/proc/$p/status"))); done; echo "$s"; }
rss_before=$(rss)
for _ in 1 2 3 4 5 6 7 8 9 10; do post "$T/lol.xml"; done
rss_after=$(rss)
refused "a billion-laughs payload" 400 "$before"
check "…and the workers' memory stays flat (RSS ${rss_before} kB -> ${rss_after} kB)" \
	eval '[ $((rss_after - rss_before)) -lt 8192 ]'
{
	echo '<remissvar xmlns="urn:remissvar:1" remiss="ok-hemsjukvard-2025">'
	for _ in $(seq 5000); do printf '<a>'; done
	for _ in $(seq 5000); do printf '</a>'; done
	echo '</remissvar>'
} >"$T/deep.xml"
post "$T/deep.xml"
refused "deeply nested elements" 400 "$before"
# Issue 16: one start tag with 50 000 attributes (0.6 MB) cost a worker 13-30 s in libxml2
# (quadratic in the count), and four such uploads stopped the site. Refused before libxml2
# reads it, naming the limit and the line; the same in remissctl validate.
# How fast is measured by bench/xml-hostile (docs/performance.md), never here: a test that
# times a request on a shared machine under the sanitizers flakes. The --max-time bounds are
# hang guards only, far above the milliseconds a refusal takes and far below what the floods
# cost without the pre-scan: libxml2 alone (xmllint) takes 9 s for 50 000 attributes and 65 s
# for 140 000 (three-letter names, to fit this stack's 1 MiB body limit), so four floods of
# 140 000 hold both workers for minutes and no flood is answered within 60 s (seen: with the
# pre-scan switched off, flood 1 timed out and the checks after it met 504s). The GET may reach
# a worker before the floods do; it guards against a site that stops answering at all.
{
	echo '<?xml version="1.0" encoding="UTF-8"?>'
	printf '<remissvar xmlns="urn:remissvar:1" remiss="ok-hemsjukvard-2025"'
	seq -f ' a%.0f="x"' 0 49999 | tr -d '\n'
	echo '/>'
} >"$T/attrs.xml"
post "$T/attrs.xml" --max-time 60
refused "one element with 50 000 attributes" 400 "$before"
check "…naming the limit and the line in Swedish and English" \
	eval 'body_has "gränsen xml_attrs (högst 32) på rad 2" && body_has "limit xml_attrs (at most 32) at line 2" && error_line 2'
{
	echo '<?xml version="1.0" encoding="UTF-8"?>'
	printf '<remissvar xmlns="urn:remissvar:1" remiss="ok-hemsjukvard-2025"'
	awk 'BEGIN { f = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"; r = f "0123456789"
		for (i = 0; i < 140000; i++)
			printf " %s%s%s=\"\"", substr(f, int(i / 3844) + 1, 1),
				substr(r, int(i / 62) % 62 + 1, 1), substr(r, i % 62 + 1, 1) }'
	echo '/>'
} >"$T/flood.xml"
for i in 1 2 3 4; do
	curl -s --max-time 60 -o "$T/flood$i" -w '%{http_code}' "${laholm[@]}" "${xml[@]}" \
		--data-binary @"$T/flood.xml" "$BASE$API/$SLUG/remissvar" >"$T/flood$i.status" &
done
req - GET "$API" "${laholm[@]}" --max-time 30
wait
# floods_refused: each of the four was answered 400 naming the limit.
floods_refused() {
	local i
	for i in 1 2 3 4; do
		[ "$(cat "$T/flood$i.status")" = 400 ] && grep -q "limit xml_attrs" "$T/flood$i" ||
			{ echo "#   flood $i: status $(cat "$T/flood$i.status")"; return 1; }
	done
}
check "four floods of 140 000 attributes at once do not stop the site: a GET meanwhile is answered, each flood a 400 naming the limit" \
	eval 'status_is 200 && floods_refused && [ "$(versions)" = "$before" ]'
check "remissctl validate refuses it the same way" \
	eval '! "$BUILD/remissctl" validate "$T/attrs.xml" 2>"$T/v.err" && grep -q "attrs.xml:2:1: element <remissvar> has more than 32 attributes (limit xml_attrs)" "$T/v.err"'
check "…and takes the server's XML limits with -L" \
	eval '"$BUILD/remissctl" validate "$EX" >/dev/null && ! "$BUILD/remissctl" -L xml_attrs=1 validate "$EX" 2>"$T/v.err" && grep -q "limit xml_attrs" "$T/v.err"'
head -c $((12 * 1024 * 1024)) /dev/zero | tr '\0' ' ' >"$T/big.xml"
post "$T/big.xml"
refused "a 12 MiB body" 413 "$before"
check "…with a bilingual message" eval 'body_has "för stor" && body_has "too large"'
req - POST "$API/$SLUG/remissvar" "${laholm[@]}" -H 'Content-Type: application/json' --data-binary '{"remissvar":1}'
refused "a body that is not XML" 415 "$before"

# --- who may upload ------------------------------------------------------------
halmstad=$("$BUILD/remissctl" token create --org "Halmstads kommun" --label api-test)
post_as "$halmstad" "$EX"
refused "Halmstad's token uploading a remissvar that names Laholm" 403 "$before"
"$BUILD/remissctl" org add "Ej inbjuden kommun" --kind kommun >/dev/null 2>&1 || true
outsider=$("$BUILD/remissctl" token create --org "Ej inbjuden kommun" --label api-test)
post_as "$outsider" "$EX"
refused "a token of an organisation that is not invited" 403 "$before"
req - POST "$API/$SLUG/remissvar" "${xml[@]}" --data-binary @"$EX"
refused "an upload without credentials" 401 "$before"
req - POST "$API/$SLUG/remissvar" "${xml[@]}" -H 'Authorization: Bearer 0000000000000000000000000000000000000000000000000000000000000000' --data-binary @"$EX"
refused "an upload with an unknown token" 401 "$before"

# A logged-in Laholm user may upload through the browser session, with the CSRF token.
J=$T/jar
login "$J" anna.andersson@laholm.example remissvar-demo
req "$J" GET "/remisser/$SLUG/svar" -H 'Accept: text/html'
csrf=$(form_csrf)
req - POST "$API/$SLUG/remissvar" -b "$J" "${xml[@]}" --data-binary @"$EX"
refused "a session upload without the CSRF token" 403 "$before"
req - POST "$API/$SLUG/remissvar" -b "$J" "${xml[@]}" -H "X-CSRF-Token: $csrf" --data-binary @"$EX"
check "a session upload with the CSRF token is stored" eval 'status_is 201 && [ "$(versions)" = $((before + 1)) ]'
before=$(versions)

# --- the deadline --------------------------------------------------------------
sed -e 's/id="ok-hemsjukvard-2025"/id="stangd-api-test"/' -e 's/2024-04-01/2020-01-01/' \
	-e 's/2024-05-22/2020-02-01/' "$ROOT/tests/xml/example-remiss.xml" >"$T/closed-remiss.xml"
"$BUILD/remissctl" remiss import "$T/closed-remiss.xml" >/dev/null
sed 's/remiss="ok-hemsjukvard-2025"/remiss="stangd-api-test"/' "$EX" >"$T/late.xml"
req - POST "$API/stangd-api-test/remissvar" "${laholm[@]}" "${xml[@]}" --data-binary @"$T/late.xml"
refused "an upload after the last day" 409 "$before"
check "…saying so in Swedish and English" eval 'body_has "sista svarsdagen" && body_has "<title_en>"'

finish
