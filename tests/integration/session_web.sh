#!/usr/bin/env bash
# tests/integration/session_web.sh BASE-URL TMPDIR: the session-timeout warning's endpoints
# (GET /sessionen, POST /sessionen/forlang: login, CSRF, tokens refused, what is left), a form
# sent after the session ended, and the public accessibility statement. Needs REMISS_DB (to
# age sessions) and ORG_TOKEN, and the demo users. Prints ok/not ok and "N passed, N failed".
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BASE=${1:?usage: session_web.sh BASE-URL TMPDIR}
T=${2:?usage: session_web.sh BASE-URL TMPDIR}
PW=remissvar-demo
EMAIL=karin.karlsson@halmstad.example
mkdir -p "$T"
REQ_ACCEPT=	# each request says what it accepts

json_num() { grep -oE "\"$1\":[0-9]+" "$T/body" | grep -oE '[0-9]+$'; }
# The last use of the most recently used session of $EMAIL, in microseconds since 1970.
last_seen() { sql "SELECT floor(extract(epoch FROM max(s.last_seen_at)) * 1000000)::bigint FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = '$EMAIL'"; }
# moved_to_now: the last use moved forward by at least the 10 s it was aged by (from $aged):
# to the time of the request or later. Exact, whatever the machine's speed; a request that
# did not count leaves it where it was.
moved_to_now() { [ $(($(last_seen) - aged)) -ge 10000000 ] || { echo "#   last use moved $(($(last_seen) - aged)) us"; return 1; }; }
# age COLUMN INTERVAL: sets the session's last use or login time that long before now.
age() { sql "UPDATE sessions SET $1 = now() - interval '$2' WHERE user_id = (SELECT id FROM users WHERE email = '$EMAIL')"; }

J=$T/jar; rm -f "$J"
JSON=(-H 'Accept: application/json')

# --- anonymous -----------------------------------------------------------
req "$J" GET /sessionen "${JSON[@]}"
check "GET /sessionen without a login is 401" eval 'status_is 401 && body_has "Du behöver logga in."'
req "$J" GET /sessionen -H 'Accept: text/html'
check "a browser without a login is sent to the login page" eval 'status_is 303 && header_matches "^Location: /logga-in\?next=/sessionen$"'
req "$J" POST /sessionen/forlang "${JSON[@]}"
check "POST /sessionen/forlang without a login is 401" status_is 401
req "$J" POST /sessionen/forlang "${JSON[@]}" -H "Authorization: Bearer $ORG_TOKEN"
check "an API token cannot extend a session (403)" eval 'status_is 403 && body_has "behörighet"'

# --- logged in -------------------------------------------------------------
login_form "$J" "$EMAIL" "$PW" --data-urlencode "next=/"
check "Karin logs in" status_is 303
req "$J" GET / -H 'Accept: text/html'
CSRF=$(form_csrf)
check "logged-in pages load the warning script and link the statement" eval 'body_has "<script src=\"/static/session.js\" defer=\"\" data-lang=\"sv\"" && body_has "data-extend=\"F" && body_has "<a href=\"/tillganglighet\">Tillgänglighetsredogörelse</a>"'

req "$J" GET /sessionen "${JSON[@]}"
check "GET /sessionen tells the idle time, the warning lead and what is left" eval 'status_is 200 && header_matches "^Content-Type: application/json" && header_matches "^Cache-Control: no-store" && [ "$(json_num idle_seconds)" = 1800 ] && [ "$(json_num warn_seconds)" = 120 ] && [ "$(json_num idle_left)" -ge 1780 ] && [ "$(json_num absolute_left)" -le 43200 ] && [ "$(json_num absolute_left)" -ge 43100 ]'

# Ten seconds is less than the 15 s within which requests do not touch the session,
# so only the extension itself can bring the last use back to now. The login is moved back
# first: a last use before it breaks sessions_seen_after_created, and the UPDATE would fail.
age created_at '1 minute'
age last_seen_at '10 seconds'
aged=$(last_seen)
req "$J" POST /sessionen/forlang "${JSON[@]}"
check "extending without the CSRF token is 403" eval 'status_is 403 && body_has "Sidan har gått ut"'
req "$J" POST /sessionen/forlang "${JSON[@]}" -H "X-CSRF-Token: ${CSRF//[0-9a-f]/0}"
check "extending with a wrong CSRF token is 403" status_is 403
req "$J" POST /sessionen/forlang "${JSON[@]}" -H "X-CSRF-Token: $CSRF"
# idle_left is computed in the same request: 1800 once the use counts, at most 1790 if not.
check "extending with the X-CSRF-Token header counts the session as used now" eval 'status_is 200 && [ "$(json_num idle_left)" -gt 1790 ] && moved_to_now'
age last_seen_at '10 seconds'
aged=$(last_seen)
req "$J" POST /sessionen/forlang "${JSON[@]}" --data-urlencode "csrf=$CSRF"
check "extending with the form field works too" eval 'status_is 200 && moved_to_now'
req "$J" GET /sessionen/forlang "${JSON[@]}"
check "GET on the extension is 405" eval 'status_is 405 && header_matches "^Allow: POST"'

# Near the absolute end (12 h after login) nothing extends past it.
age created_at '11 hours 59 minutes 10 seconds'
req "$J" POST /sessionen/forlang "${JSON[@]}" -H "X-CSRF-Token: $CSRF"
check "near the 12-hour end, what is left is capped by it" eval 'status_is 200 && [ "$(json_num absolute_left)" -le 50 ] && [ "$(json_num idle_left)" -le "$(json_num absolute_left)" ]'

# --- after the end -----------------------------------------------------------
age last_seen_at '31 minutes'
req "$J" POST /remisser/ok-hemsjukvard-2025/svar -H 'Accept: text/html' \
	--data-urlencode "csrf=$CSRF" --data-urlencode 'action=spara' --data-urlencode 'sammanfattning=Text'
check "a form sent after the session ended is 401 and says why, in Swedish" eval 'status_is 401 && body_has "Din inloggning har gått ut" && body_has "bakåtknapp"'
req "$J" GET /sessionen "${JSON[@]}"
check "the ended session is gone" status_is 401
req "$J" POST /sessionen/forlang "${JSON[@]}" -H "X-CSRF-Token: $CSRF"
check "an ended session cannot be extended" status_is 401

# --- the accessibility statement ---------------------------------------------
rm -f "$T/anon"
req "$T/anon" GET /tillganglighet -H 'Accept: text/html'
check "the accessibility statement is public, rendered from its Markdown" eval 'status_is 200 && body_has "<title>Tillgänglighetsredogörelse för Remissvar – Remissvar</title>" && body_has "<h2>Kända brister</h2>" && body_has "<strong>delvis förenlig</strong>" && body_lacks "## " && body_lacks "**"'
check "the statement is dated and names the known gaps" eval 'body_has "24 november 2026" && body_has "Tidsgräns för inloggning utan JavaScript"'
check "the statement page links to itself from its footer, without a session script" eval 'body_has "<a href=\"/tillganglighet\">" && body_lacks "session.js"'
req "$T/anon" GET /logga-in -H 'Accept: text/html'
check "the login page links to the statement" body_has '<a href="/tillganglighet">Tillgänglighetsredogörelse</a>'

finish
