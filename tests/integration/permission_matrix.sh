#!/usr/bin/env bash
# tests/integration/permission_matrix.sh BUILD-DIR BASE-URL TMPDIR: every identity × every
# kind of object × read/write, each cell's expected status (the table in docs/security.md).
# Needs REMISS_DB with the demo data, and a submitted version of Laholms kommun.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: permission_matrix.sh BUILD-DIR BASE-URL TMPDIR}
BASE=${2:?usage}
T=${3:?usage}
SLUG=ok-hemsjukvard-2025
PW=remissvar-demo
mkdir -p "$T"

# --- the identities --------------------------------------------------------
declare -A JAR CSRF TOKEN
identity() { # identity NAME EMAIL: NAME's cookie jar, logged in as EMAIL, and its CSRF token
	JAR[$1]=$T/jar-$1
	login "${JAR[$1]}" "$2"
	CSRF[$1]=$(page_csrf "${JAR[$1]}")
}
identity kommun anna.andersson@laholm.example
identity annan_kommun karin.karlsson@halmstad.example
# A granskare of its own: the demo granskare may be throttled by the login tests.
add_user matris.granskare@regionhalland.example granskare "Matris Granskare"
identity granskare matris.granskare@regionhalland.example
identity forvaltning forvaltning@regionhalland.example
identity admin admin@regionhalland.example
TOKEN[token]=$("$BUILD/remissctl" token create --org "Laholms kommun" --label matrix)
TOKEN[annan_token]=$("$BUILD/remissctl" token create --org "Halmstads kommun" --label matrix)
IDS=(public kommun annan_kommun token annan_token granskare forvaltning admin)

laholm=$(sql "SELECT id FROM organisations WHERE name = 'Laholms kommun'")
v2=$(version_of "Laholms kommun") v1=$(version_of "Laholms kommun" 1)
lock_of() { sql "SELECT COALESCE((SELECT lock_version FROM responses r JOIN organisations o ON o.id = r.org_id JOIN remiss m ON m.id = r.remiss_id WHERE m.slug = '$SLUG' AND o.name = '$1'), 0)"; }

# call ID METHOD PATH [FORM]: the status that identity gets (HTML requested; the
# session's own CSRF token is always sent, so only authorization decides).
call() {
	local id=$1 m=$2 p=$3 form=${4:-} who=- a=()
	case $id in
	public) ;;
	token|annan_token) a=(-H "Authorization: Bearer ${TOKEN[$id]}") ;;
	*) who=${JAR[$id]}; form="csrf=${CSRF[$id]}&$form" ;;
	esac
	[ "$m" = POST ] && a+=(--data "$form")
	req "$who" "$m" "$p" "${a[@]}"
	echo "$STATUS"
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
	if [ $ok = 1 ]; then ok "$name"; else notok "$name" "$line"; fi
}

#                                                            public kommun annan  token annan_t gransk forv admin
row "remiss: read"             GET  "/remisser/$SLUG" ""                        303 200 200 200 200 200 200 200
row "own draft: read"          GET  "/remisser/$SLUG/svar" ""                   303 200 200 403 403 403 403 403
row "own draft: write"         POST "/remisser/$SLUG/svar" 'action=spara&lock=$(lock_of "$([ "$id" = annan_kommun ] && echo "Halmstads kommun" || echo "Laholms kommun")")' \
                                                                                401 303 303 403 403 403 403 403
row "Laholm's receipt: read"   GET  "/remisser/$SLUG/kvitton/$v2" ""            303 200 404 200 404 200 200 200
row "own draft as PDF: read"   GET  "/remisser/$SLUG/svar/utkast.pdf" ""        303 200 200 403 403 403 403 403
row "own draft as Word: read"  GET  "/remisser/$SLUG/svar/utkast.docx" ""       303 200 200 403 403 403 403 403
row "Laholm's receipt as PDF: read" GET "/remisser/$SLUG/kvitton/$v2?format=pdf" "" 303 200 404 200 404 200 200 200
row "Laholm's answer as PDF: read" GET "/remisser/$SLUG/kvitton/$v2/svar.pdf" "" 303 200 404 200 404 200 200 200
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
# Issue 18 (m18-orgs): organisations, the remisslista and the referensgrupp. Allowed for the
# förvaltning, the empty or bad forms are refused (422/404/409): nothing changes.
row "organisations: read"      GET  "/admin/organisationer" ""                  303 403 403 403 403 403 200 200
row "organisation: create"     POST "/admin/organisationer" ""                  401 403 403 403 403 403 422 422
row "organisation: read"       GET  "/admin/organisationer/$laholm" ""          303 403 403 403 403 403 200 200
row "organisation: write"      POST "/admin/organisationer/$laholm" ""          401 403 403 403 403 403 422 422
row "organisation contact: add" POST "/admin/organisationer/$laholm/kontakter" "" 401 403 403 403 403 403 422 422
row "organisation contact: remove" POST "/admin/organisationer/$laholm/kontakter/ta-bort" "kontakt=999999999" \
                                                                                401 403 403 403 403 403 404 404
row "organisations: import template" GET "/admin/organisationer/mall.csv" ""    303 403 403 403 403 403 200 200
row "organisations: import"    POST "/admin/organisationer/import" ""           401 403 403 403 403 403 422 422
row "remisslista: read"        GET  "/remisser/$SLUG/remisslista" ""            303 403 403 403 403 403 200 200
row "remisslista: add"         POST "/remisser/$SLUG/remisslista" ""            401 403 403 403 403 403 422 422
row "remisslista: remove Laholm" POST "/remisser/$SLUG/remisslista/$laholm/ta-bort" "" \
                                                                                401 403 403 403 403 403 409 409
row "remisslista: address"     POST "/remisser/$SLUG/remisslista/$laholm/adress" "adress=fel" \
                                                                                401 403 403 403 403 403 422 422
row "referensgrupp: read"      GET  "/remisser/$SLUG/referensgrupp" ""          303 403 403 403 403 403 200 200
row "referensgrupp: add"       POST "/remisser/$SLUG/referensgrupp" ""          401 403 403 403 403 403 422 422
row "referensgrupp: remove"    POST "/remisser/$SLUG/referensgrupp/ta-bort" "person=999999999" \
                                                                                401 403 403 403 403 403 404 404

# Issue 18, accounts: the people pages (the förvaltning), an organisation's own page (its
# admin, or admin; the demo admin belongs to no organisation, so its forms are refused and
# nothing of an organisation is found), the one-time links and the reset request (anyone).
# An org admin's own cells are in accounts.sh. The empty or impossible forms change nothing.
anna=$(sql "SELECT id FROM users WHERE email = 'anna.andersson@laholm.example'")
laholm_token=$(sql "SELECT id FROM api_tokens WHERE org_id = $laholm AND revoked_at IS NULL ORDER BY id LIMIT 1")
row "people: read"             GET  "/admin/personer" ""                        303 403 403 403 403 403 200 200
row "people: invite"           POST "/admin/personer" ""                        401 403 403 403 403 403 422 422
row "person: read"             GET  "/admin/personer/$anna" ""                  303 403 403 403 403 403 200 200
row "person: write"            POST "/admin/personer/$anna" ""                  401 403 403 403 403 403 422 422
row "person: disable"          POST "/admin/personer/999999999/stang-av" ""     401 403 403 403 403 403 404 404
row "person: new invitation"   POST "/admin/personer/$anna/ny-inbjudan" ""      401 403 403 403 403 403 409 409
row "organisation page: read"  GET  "/organisation" ""                          303 403 403 403 403 403 403 200
row "organisation: invite"     POST "/organisation/personer" ""                 401 403 403 403 403 403 403 403
row "organisation: new invitation" POST "/organisation/personer/$anna/ny-inbjudan" "" \
                                                                                401 403 403 403 403 403 403 404
row "organisation token: revoke" POST "/organisation/nycklar/$laholm_token/aterkalla" "" \
                                                                                401 403 403 403 403 403 403 404
row "activation link: unknown" GET  "/aktivera?t=$(printf '%064d' 0)" ""        404 404 404 404 404 404 404 404
row "reset request: read"      GET  "/glomt-losenord" ""                        200 200 200 200 200 200 200 200

# Issue 18: the remiss's documents, dispatch and reminder days, on remisser of the matrix's own:
# one open with Laholm alone invited and a document, one closed (the dispatch's 409 changes
# nothing; no mail is queued for the demo remiss).
new_remiss matris-handling "Matrisens handlingar" 1 "kommun:Laholms kommun"
new_remiss matris-stangd "Matrisens stängda remiss" 1 "kommun:Laholms kommun"
sql "UPDATE remiss SET status = 'stangd' WHERE slug = 'matris-stangd'" >/dev/null
H=/remisser/matris-handling
doc=$(sql "INSERT INTO remiss_documents (remiss_id, kind, filename, media_type, bytes, size, sha256)
	SELECT id, 'forslag', 'forslag.pdf', 'application/pdf', b, length(b), encode(sha256(b), 'hex')
	FROM remiss, (SELECT convert_to('%PDF-1.4 matris', 'UTF8') AS b) x
	WHERE slug = 'matris-handling' RETURNING id" | head -1)
row "remiss document: download" GET "$H/dokument/$doc" ""                    303 200 404 200 404 200 200 200
row "remiss documents: manage" GET  "$H/dokument" ""                          303 403 403 403 403 403 200 200
# Allowed for the förvaltning: no file (422) and no such document (404) change nothing.
row "remiss document: upload"  POST "$H/dokument" "typ=bilaga"                 401 403 403 403 403 403 422 422
row "remiss document: withdraw" POST "$H/dokument/999999999/ta-bort" ""        401 403 403 403 403 403 404 404
row "dispatch page: read"      GET  "$H/utskick" ""                            303 403 403 403 403 403 200 200
row "dispatch: send"           POST "/remisser/matris-stangd/utskick" ""       401 403 403 403 403 403 409 409
row "reminder days: write"     POST "$H/paminnelser" "dagar=7"                 401 403 403 403 403 403 303 303
# Issue 18, mail: the outbox page; a retry is allowed for the förvaltning, but there is no such
# message (409): nothing changes.
row "mail outbox: read"        GET  "/admin/utskick" ""                         303 403 403 403 403 403 200 200
row "mail outbox: retry"       POST "/admin/utskick/forsok-igen" "id=999999999" 401 403 403 403 403 403 409 409
# Issue 19, reading a response document: an upload without a file (422), a read of Laholm's that
# waits for the worker (its page 200; confirming it before it is read, 409) change nothing.
docread=$(sql "INSERT INTO document_reads (remiss_id, org_id, uploaded_by, filename, media_type, bytes, sha256)
	SELECT m.id, $laholm, u.id, 'matris.pdf', 'application/pdf', b, encode(sha256(b), 'hex')
	FROM remiss m, users u, (SELECT convert_to('%PDF-1.4', 'UTF8') AS b) x
	WHERE m.slug = '$SLUG' AND u.email = 'forvaltning@regionhalland.example' RETURNING id" | head -1)
row "document read: upload"    POST "/remisser/$SLUG/registrera/$laholm/las" "" 401 403 403 403 403 403 422 422
row "document read: read"      GET  "/remisser/$SLUG/registrera/$laholm/las/$docread" "" \
                                                                                303 403 403 403 403 403 200 200
row "document read: confirm"   POST "/remisser/$SLUG/registrera/$laholm/las/$docread" "nyckel=$(printf '%064d' 0)" \
                                                                                401 403 403 403 403 403 409 409
sql "DELETE FROM document_reads WHERE id = $docread" >/dev/null

finish
