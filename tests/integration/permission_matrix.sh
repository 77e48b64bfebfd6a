#!/usr/bin/env bash
# tests/integration/permission_matrix.sh BUILD-DIR BASE-URL TMPDIR: every identity × every
# kind of object × read/write, each cell's expected status (the table in docs/security.md).
# Needs REMISS_DB with the demo data, and a submitted version of Laholms kommun.
set -uo pipefail
BUILD=${1:?usage: permission_matrix.sh BUILD-DIR BASE-URL TMPDIR}
BASE=${2:?usage}
T=${3:?usage}
SLUG=ok-hemsjukvard-2025
PW=remissvar-demo
PASS=0 FAIL=0 N=0
mkdir -p "$T"
sql() { psql "$REMISS_DB" -qAtc "$1"; }

# --- the identities --------------------------------------------------------
declare -A JAR CSRF TOKEN
login() { # login NAME EMAIL: a cookie jar and the session's CSRF token
	local jar=$T/jar-$1 tok
	rm -f "$jar"
	curl -s -b "$jar" -c "$jar" -o "$T/b" "$BASE/logga-in"
	tok=$(grep -oE 'name="csrf" value="[0-9a-f]{64}"' "$T/b" | head -1 | grep -oE '[0-9a-f]{64}')
	curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf=$tok" \
		--data-urlencode "email=$2" --data-urlencode "password=$PW" "$BASE/logga-in"
	curl -s -b "$jar" -c "$jar" -o "$T/b" -H 'Accept: text/html' "$BASE/"
	JAR[$1]=$jar
	CSRF[$1]=$(grep -oE 'name="csrf" value="[0-9a-f]{64}"' "$T/b" | head -1 | grep -oE '[0-9a-f]{64}')
}
login kommun anna.andersson@laholm.example
login annan_kommun karin.karlsson@halmstad.example
# A granskare of its own: the demo granskare may be throttled by the login tests.
printf '%s\n' "$PW" | "$BUILD/remissctl" user add matris.granskare@regionhalland.example granskare \
	--name "Matris Granskare" >/dev/null 2>&1 || true
login granskare matris.granskare@regionhalland.example
login forvaltning forvaltning@regionhalland.example
login admin admin@regionhalland.example
TOKEN[token]=$("$BUILD/remissctl" token create --org "Laholms kommun" --label matrix)
TOKEN[annan_token]=$("$BUILD/remissctl" token create --org "Halmstads kommun" --label matrix)
IDS=(public kommun annan_kommun token annan_token granskare forvaltning admin)

laholm=$(sql "SELECT id FROM organisations WHERE name = 'Laholms kommun'")
v2=$(sql "SELECT v.id FROM response_versions v JOIN responses r ON r.id = v.response_id WHERE r.org_id = $laholm ORDER BY v.version DESC LIMIT 1")
v1=$(sql "SELECT v.id FROM response_versions v JOIN responses r ON r.id = v.response_id WHERE r.org_id = $laholm ORDER BY v.version LIMIT 1")
lock_of() { sql "SELECT COALESCE((SELECT lock_version FROM responses r JOIN organisations o ON o.id = r.org_id JOIN remiss m ON m.id = r.remiss_id WHERE m.slug = '$SLUG' AND o.name = '$1'), 0)"; }

# call ID METHOD PATH [FORM]: the status that identity gets (HTML requested; the
# session's own CSRF token is always sent, so only authorization decides).
call() {
	local id=$1 m=$2 p=$3 form=${4:-} args=(-s -o "$T/b" -w '%{http_code}' -H 'Accept: text/html' -X "$m")
	case $id in
	public) ;;
	token|annan_token) args+=(-H "Authorization: Bearer ${TOKEN[$id]}") ;;
	*) args+=(-b "${JAR[$id]}" -c "${JAR[$id]}"); form="csrf=${CSRF[$id]}&$form" ;;
	esac
	[ "$m" = POST ] && args+=(--data "$form")
	curl "${args[@]}" "$BASE$p"
}

# row NAME METHOD PATH FORM EXPECTED... (one status per identity, in IDS order)
row() {
	local name=$1 m=$2 p=$3 form=$4 i id got want line="" ok=1; shift 4
	for i in "${!IDS[@]}"; do
		id=${IDS[$i]}
		want=${@:$((i + 1)):1}
		got=$(call "${IDS[$i]}" "$m" "$p" "$(eval "echo \"$form\"")")
		line="$line ${IDS[$i]}=$got"
		[ "$got" = "$want" ] || { ok=0; line="$line(want $want)"; }
	done
	N=$((N + 1))
	if [ $ok = 1 ]; then PASS=$((PASS + 1)); echo "ok $N - $name"
	else FAIL=$((FAIL + 1)); echo "not ok $N - $name"; echo "#  $line"; fi
}

#                                                            public kommun annan  token annan_t gransk forv admin
row "remiss: read"             GET  "/remisser/$SLUG" ""                        303 200 200 200 200 200 200 200
row "own draft: read"          GET  "/remisser/$SLUG/svar" ""                   303 200 200 403 403 403 403 403
row "own draft: write"         POST "/remisser/$SLUG/svar" 'action=spara&lock=$(lock_of "$([ "$id" = annan_kommun ] && echo "Halmstads kommun" || echo "Laholms kommun")")' \
                                                                                401 303 303 403 403 403 403 403
row "Laholm's receipt: read"   GET  "/remisser/$SLUG/kvitton/$v2" ""            303 200 404 200 404 200 200 200
row "Laholm's versions: compare" GET "/remisser/$SLUG/jamfor?fran=$v1&till=$v2" "" 303 200 404 200 404 200 200 200
row "overview: read"           GET  "/remisser/$SLUG/oversikt" ""               303 403 403 403 403 403 200 200
row "deadline: extend"         POST "/remisser/$SLUG/forlang" "org=$laholm&datum=" 401 403 403 403 403 403 303 303
row "invitation: add"          POST "/remisser/$SLUG/bjud-in" "namn=Laholms%20kommun&typ=kommun" \
                                                                                401 403 403 403 403 403 303 303
row "registration: read form"  GET  "/remisser/$SLUG/registrera/$laholm" ""     303 403 403 403 403 403 200 200
row "registration: write"      POST "/remisser/$SLUG/registrera/$laholm" "nyckel=$(printf '%064d' 0)&action=registrera" \
                                                                                401 403 403 403 403 403 422 422
row "remisser: administer"     GET  "/admin/remisser" ""                        303 403 403 403 403 403 200 200
row "remiss status: write"     POST "/remisser/$SLUG/status" "status=oppen"     401 403 403 403 403 403 303 303
row "audit log: read"          GET  "/admin/logg" ""                            303 403 403 403 403 403 200 200
row "remiss editor: read"      GET  "/remisser/$SLUG/redigera" ""               303 403 403 403 403 403 200 200
# Allowed for the förvaltning: the empty forms are invalid (422), nothing changes.
row "remiss: create"           POST "/admin/remisser/ny" ""                     401 403 403 403 403 403 422 422
row "remiss editor: write"     POST "/remisser/$SLUG/avsnitt" ""                401 403 403 403 403 403 422 422
row "publication page: read"   GET  "/remisser/$SLUG/publicering" ""            303 403 403 403 403 403 200 200
row "publication preview: read" GET "/remisser/$SLUG/publicering/forhandsgranska" "" 303 403 403 403 403 403 200 200
# Allowed for the förvaltning, but the demo remiss is open (409) and the redaction has no
# legal ground (422): nothing changes.
row "publication: publish"     POST "/remisser/$SLUG/publicera" ""              401 403 403 403 403 403 409 409
row "redaction: write"         POST "/remisser/$SLUG/sekretess" "version=$v2&stycke=x" \
                                                                                401 403 403 403 403 403 422 422
# Allowed for the förvaltning, but there is no such redaction (404): nothing changes.
row "redaction: withdraw"      POST "/remisser/$SLUG/sekretess/999999999/hav" "skal=x" \
                                                                                401 403 403 403 403 403 404 404
row "public page of an unpublished remiss" GET "/publicerat/$SLUG" ""           404 404 404 404 404 404 404 404

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
