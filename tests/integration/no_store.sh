#!/usr/bin/env bash
# tests/integration/no_store.sh BUILD-DIR BASE-URL TMPDIR: personal data is never cached. Every
# answer to a caller who is logged in (session) or sends an API token carries exactly one
# "Cache-Control: no-store": receipts, the review workspace, the overview, meetings, the account,
# exports, the API, redirects and error pages alike. Public pages for a visitor keep their
# caching. Needs REMISS_DB with the demo data (a submitted version of Laholms kommun).
# Prints "ok N - name" lines and "N passed, N failed".
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: no_store.sh BUILD-DIR BASE-URL TMPDIR}
BASE=${2:?usage}
T=${3:?usage}
SLUG=ok-hemsjukvard-2025
PW=remissvar-demo
mkdir -p "$T"

# get WHO METHOD PATH [curl args...]: WHO is a cookie jar file, "token:SECRET" or "visitor".
get() {
	local who=$1
	shift
	case $who in
	token:*) req - "$1" "$2" -H "Authorization: Bearer ${who#token:}" "${@:3}" ;;
	visitor) req - "$@" ;;
	*) req "$who" "$@" ;;
	esac
}
# The Cache-Control lines of the last answer, one per line.
cache_lines() { grep -i '^Cache-Control:' "$T/h"; }
no_store() { # no_store STATUS: the answer had that status and exactly one Cache-Control: no-store
	status_is "$1" || return 1
	[ "$(cache_lines)" = "Cache-Control: no-store" ] ||
		{ echo "#   Cache-Control: [$(cache_lines | tr '\n' '|')]"; return 1; }
}

K=$T/kommun G=$T/granskare F=$T/forvaltning
login "$K" anna.andersson@laholm.example
add_user cache.granskare@regionhalland.example granskare "Cache Granskare"
login "$G" cache.granskare@regionhalland.example
login "$F" forvaltning@regionhalland.example
ORG_TOK=$("$BUILD/remissctl" token create --org "Laholms kommun" --label no-store)
USER_TOK=$("$BUILD/remissctl" token create --user cache.granskare@regionhalland.example --label no-store)

rid=$(sql "SELECT id FROM remiss WHERE slug = '$SLUG'")
laholm=$(sql "SELECT id FROM organisations WHERE name = 'Laholms kommun'")
vid=$(version_of "Laholms kommun") first_vid=$(version_of "Laholms kommun" 1)
# Halmstad's demo answer has an attachment; a granskare may read it.
att=$(sql "SELECT a.version_id || '/bilaga/' || (a.ord + 1) FROM attachments a
	JOIN response_versions v ON v.id = a.version_id JOIN responses r ON r.id = v.response_id
	WHERE r.remiss_id = $rid ORDER BY a.id LIMIT 1")
nr=$(sql "SELECT nr FROM sections WHERE remiss_id = $rid AND removed_at IS NULL ORDER BY position LIMIT 1")
uid=$(sql "SELECT id FROM users WHERE email = 'forvaltning@regionhalland.example'")
meeting=$(sql "INSERT INTO meetings (remiss_id, held_on, title, notes, created_by, updated_by)
	VALUES ($rid, '2025-03-01', 'Cachetest', 'Anteckningar med personuppgifter', $uid, $uid) RETURNING id")
sql "INSERT INTO meeting_orgs (meeting_id, org_id) VALUES ($meeting, $laholm)" >/dev/null

# --- a remissinstans: its receipts, its draft, the API ------------------------------------
for page in / /konto "/remisser/$SLUG" "/remisser/$SLUG/svar" "/remisser/$SLUG/kvitton/$vid" \
	"/remisser/$SLUG/kvitton/$vid?format=xml" \
	"/remisser/$SLUG/kvitton/$vid?format=pdf" "/remisser/$SLUG/kvitton/$vid/svar.pdf" \
	"/remisser/$SLUG/jamfor?fran=$first_vid&till=$vid" /tillganglighet; do
	get "$K" GET "$page"
	check "kommun: $page is no-store" no_store 200
done
for page in /api/v1/remisser "/api/v1/remisser/$SLUG" "/api/v1/remisser/$SLUG/remissvar" \
	"/api/v1/remisser/$SLUG/remissvar/$vid"; do
	get "token:$ORG_TOK" GET "$page" -H 'Accept: application/xml'
	check "organisation token: $page is no-store" no_store 200
done

# --- the referensgrupp: the review workspace, summaries, decisions, meetings, exports ------
for page in "/remisser/$SLUG/granskning" "/remisser/$SLUG/granskning/avsnitt/$nr" \
	"/remisser/$SLUG/granskning/avsnitt/helhet" "/remisser/$SLUG/teman" \
	"/remisser/$SLUG/anteckningar" "/remisser/$SLUG/sok?q=hemsjukv%C3%A5rd" \
	"/remisser/$SLUG/analys" "/remisser/$SLUG/dubbletter" \
	"/remisser/$SLUG/sammanfattning?avsnitt=$nr" "/remisser/$SLUG/beslutsforslag" \
	"/remisser/$SLUG/beslutsforslag/$nr" "/remisser/$SLUG/dialogmoten" \
	"/remisser/$SLUG/dialogmoten/nytt" "/remisser/$SLUG/dialogmoten/$meeting" \
	"/remisser/$SLUG/dialogmoten/$meeting/redigera" "/remisser/$SLUG/export" \
	"/remisser/$SLUG/kvitton/$vid" "/remisser/$SLUG/kvitton/$att" \
	"/api/v1/remisser/$SLUG/export.csv" "/api/v1/remisser/$SLUG/export.html" \
	"/api/v1/remisser/$SLUG/export.taggar.csv"; do
	get "$G" GET "$page"
	check "granskare: $page is no-store" no_store 200
done
get "token:$USER_TOK" GET "/api/v1/remisser/$SLUG/export.xml"
check "personal token: the XML export is no-store" no_store 200

# --- the förvaltning: overview, registration, editor, publication, audit log -------------
for page in "/remisser/$SLUG/oversikt" "/remisser/$SLUG/registrera/$laholm" /admin/remisser \
	/admin/remisser/ny /admin/logg "/remisser/$SLUG/redigera" "/remisser/$SLUG/publicering"; do
	get "$F" GET "$page"
	check "förvaltning: $page is no-store" no_store 200
done

# --- redirects, refusals and errors to a logged-in caller ------------------------------
get "$K" GET "/remisser/$SLUG/oversikt"
check "a refusal (403) to a logged-in kommun is no-store" no_store 403
get "$G" GET /finns-inte
check "a 404 of no route with a session cookie is no-store" no_store 404
get "$F" GET /
csrf=$(form_csrf)
get "$F" POST /sprak --data-urlencode "csrf=$csrf" --data 'lang=sv&next=/konto'
check "the 303 after a change is no-store" no_store 303
get "token:$(printf '%064d' 0)" GET /api/v1/remisser
check "a refused (unknown) API token's 401 is no-store" no_store 401
get visitor GET / -H 'Cookie: remiss_session=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'
check "an answer to an expired or unknown session cookie is no-store" no_store 200

# --- public pages for a visitor keep their caching --------------------------------------
for page in / /tillganglighet; do
	get visitor GET "$page"
	check "visitor: $page has no Cache-Control (public, cacheable as before)" \
		eval '[ "$STATUS" = 200 ] && [ -z "$(cache_lines)" ] || { echo "#   $STATUS [$(cache_lines)]"; false; }'
done
get visitor GET /logga-in
check "visitor: the login form stays no-store (it carries a CSRF token)" no_store 200

sql "DELETE FROM meetings WHERE id = $meeting" >/dev/null
finish
