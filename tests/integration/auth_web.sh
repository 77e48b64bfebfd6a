#!/usr/bin/env bash
# tests/integration/auth_web.sh BASE-URL TMPDIR: login, sessions, CSRF, logout, throttling and
# tokens through nginx against a running stack whose database has the demo users (dev/demo/load).
# Prints "ok N - name" lines and "N passed, N failed"; exit 0 only if all pass.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BASE=${1:?usage: auth_web.sh BASE-URL TMPDIR}
T=${2:?usage: auth_web.sh BASE-URL TMPDIR}
PW=remissvar-demo
mkdir -p "$T"

REQ_ACCEPT=	# each request says what it accepts
# Logins post next=/ as the form does, into the jar as it is: a failed login's pre-login
# cookie stays, as in a browser.

J=$T/jar-kommun; rm -f "$J"
req "$J" GET /logga-in -H 'Accept: text/html'
check "the login page is a Swedish form" eval 'status_is 200 && body_has "<h1>Logga in</h1>" && body_has "for=\"email\"" && body_has "autocomplete=\"current-password\""'
check "the login page sets a pre-login cookie, HttpOnly and SameSite=Strict" header_matches '^Set-Cookie: remiss_pre=[0-9a-f]{64}; Path=/logga-in; HttpOnly; SameSite=Strict'
check "every page has a CSP without inline script and denies framing" eval "header_matches \"^Content-Security-Policy: default-src 'self'; script-src 'self';\" && header_matches '^X-Frame-Options: DENY' && header_matches 'frame-ancestors .none.'"
check "nginx does not tell its version" eval 'header_matches "^Server: nginx$"'

req "$J" POST /logga-in --data 'csrf=0000&email=anna.andersson@laholm.example&password=x'
check "a login post with a wrong CSRF token is 403 and tells to try again" eval 'status_is 403 && body_has "Sidan har gått ut" && header_lacks_match "^Set-Cookie: remiss_session=[0-9a-f]"'

login_form "$J" anna.andersson@laholm.example wrong-password-123 --data-urlencode next=/
check "a wrong password is refused without a session" eval 'status_is 401 && body_has "Fel e-postadress eller lösenord." && header_lacks_match "^Set-Cookie: remiss_session=[0-9a-f]"'
cp "$T/body" "$T/wrong-pw.html"
login_form "$J" nobody@nowhere.example wrong-password-123 --data-urlencode next=/
check "an unknown user gets exactly the same answer (no enumeration)" eval 'status_is 401 && body_has "Fel e-postadress eller lösenord."'

login_form "$J" "<script>alert(1)</script>@x.example" "' OR '1'='1" --data-urlencode next=/
check "markup in the e-mail field is escaped, never reflected raw" eval 'status_is 401 && body_lacks "<script>alert(1)</script>" && body_has "&lt;script&gt;"'
login_form "$J" "x@y.example'; DROP TABLE users; --" "' OR 1=1 --" --data-urlencode next=/
check "SQL metacharacters are just a failed login" status_is 401

login_form "$J" anna.andersson@laholm.example "$PW" --data-urlencode next=/
check "the right password gives 303 and a session cookie" eval 'status_is 303 && header_matches "^Location: /$" && header_matches "^Set-Cookie: remiss_session=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Lax"'
old_session=$(grep -oE 'remiss_session=[0-9a-f]{64}' "$T/h" | head -1)

req "$J" GET / -H 'Accept: text/html'
check "the start page shows who is logged in" eval 'status_is 200 && body_has "Inloggad som" && body_has "anna.andersson@laholm.example" && body_has "Laholms kommun"'
csrf=$(form_csrf)

req "$J" POST /logga-ut -H 'Accept: text/html' --data 'x=1'
check "logout without the CSRF token is 403 and changes nothing" eval 'status_is 403 && body_has "Ladda om sidan"'
req "$J" GET / -H 'Accept: text/html'
check "the session survives a refused logout" body_has "Inloggad som"

req "$J" POST /logga-ut -H 'Accept: text/html' --data "csrf=$csrf"
check "logout with the CSRF token ends the session and clears the cookie" eval 'status_is 303 && header_matches "^Set-Cookie: remiss_session=; Path=/; HttpOnly; SameSite=Lax(; Secure)?; Max-Age=0"'

# Replaying the old cookie after logout must not work.
req - GET / -H "Cookie: $old_session" -H 'Accept: text/html'
check "a replayed cookie after logout is not logged in" eval 'status_is 200 && body_lacks "Inloggad som" && body_has "Logga in"'
req - POST /logga-ut -H "Cookie: $old_session" --data "csrf=$csrf"
check "a replayed cookie cannot log out again (401)" status_is 401

# A session cookie that is not a token at all is just "not logged in".
req - GET / -H 'Cookie: remiss_session=%27%20OR%201=1' -H 'Accept: text/html'
check "a forged session cookie is ignored" eval 'status_is 200 && body_lacks "Inloggad som"'

# The audit log page: förvaltning and admin only.
req "$T/jar-anon" GET /admin/logg -H 'Accept: text/html'
check "the audit log sends a visitor to the login page" eval 'status_is 303 && header_matches "^Location: /logga-in\?next=/admin/logg$"'
J3=$T/jar-bo; rm -f "$J3"
login_form "$J3" bo.berg@laholm.example "$PW" --data-urlencode next=/
req "$J3" GET /admin/logg -H 'Accept: text/html'
check "a kommun user may not read the audit log (403, Swedish)" eval 'status_is 403 && body_has "Du har inte behörighet"'
J4=$T/jar-forv; rm -f "$J4"
login_form "$J4" forvaltning@regionhalland.example "$PW" --data-urlencode next=/
req "$J4" GET /admin/logg -H 'Accept: text/html'
check "förvaltning reads the audit log, logins included" eval 'status_is 200 && body_has "<h1>Händelselogg</h1>" && body_has "login.ok" && body_has "login.failed"'
check "markup that reached the audit log is shown escaped" body_lacks "<script>alert(1)</script>"
req "$J4" GET '/admin/logg?handelse=logout' -H 'Accept: text/html'
check "the logout was audited, and the action filter works" eval 'status_is 200 && body_has "<td>logout</td>" && body_lacks "<td>login.ok</td>"'
req "$J4" GET '/admin/logg?fran=2024-13-01&vem=%3Cscript%3E' -H 'Accept: text/html'
check "a bad date is a 400 with the message tied to its field" eval 'status_is 400 && body_has "aria-describedby=\"fran-fel\"" && body_has "id=\"fran-fel\"" && body_lacks "value=\"<script>"'

# Expiry: 30 minutes idle or 12 hours after login, by the database's clock.
J6=$T/jar-expiry; rm -f "$J6"
login_form "$J6" karin.karlsson@halmstad.example "$PW" --data-urlencode next=/
req "$J6" GET / -H 'Accept: text/html'
check "a fresh session is logged in" body_has "Inloggad som"
sql "UPDATE sessions SET created_at = now() - interval '31 minutes', last_seen_at = now() - interval '31 minutes' WHERE user_id = (SELECT id FROM users WHERE email = 'karin.karlsson@halmstad.example')" >/dev/null
req "$J6" GET / -H 'Accept: text/html'
check "a session idle for 31 minutes has expired" eval 'status_is 200 && body_lacks "Inloggad som"'
login_form "$J6" karin.karlsson@halmstad.example "$PW" --data-urlencode next=/
sql "UPDATE sessions SET created_at = now() - interval '13 hours' WHERE user_id = (SELECT id FROM users WHERE email = 'karin.karlsson@halmstad.example')" >/dev/null
req "$J6" GET / -H 'Accept: text/html'
check "a session older than 12 hours has expired, however recently used" eval 'status_is 200 && body_lacks "Inloggad som"'
check "expired sessions are deleted" eval '[ "$(sql "SELECT count(*) FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = '"'"'karin.karlsson@halmstad.example'"'"') AND created_at < now() - interval '"'"'12 hours'"'"'")" = 0 ]'

# Throttling: after 5 failures the account is locked for a while, even for the right password.
J2=$T/jar-throttle; rm -f "$J2"
for _ in 1 2 3 4 5 6 7; do login_form "$J2" granskare@regionhalland.example wrong-password-123 --data-urlencode next=/; done
check "repeated failures are throttled with 429 and a Swedish message" eval 'status_is 429 && body_has "För många misslyckade försök" && header_matches "^Retry-After: "'
login_form "$J2" granskare@regionhalland.example "$PW" --data-urlencode next=/
check "a throttled account refuses even the right password" eval 'status_is 429 && header_lacks_match "^Set-Cookie: remiss_session=[0-9a-f]"'

# Return paths (issue 16): the page to return to after login is a path on this site. Browsers
# drop TAB, CR and LF from a URL and read '\' as '/', so each of these would leave the site.
J7=$T/jar-next
for next_q in '/%09/evil.example' '/%0D%0A/evil.example' '/%5Cevil.example' '//evil.example' \
	'/%5C%5Cevil.example' 'https://evil.example/'; do
	rm -f "$J7"
	req "$J7" GET "/logga-in?next=$next_q" -H 'Accept: text/html'
	tok=$(form_csrf)
	check "the login form does not carry next=$next_q, it returns to /" \
		eval 'status_is 200 && body_has "name=\"next\" value=\"/\""'
	# The same target posted straight with the form is refused too.
	req "$J7" POST /logga-in --data "next=$next_q" --data-urlencode "csrf=$tok" \
		--data-urlencode "email=anna.andersson@laholm.example" --data-urlencode "password=$PW"
	check "logging in with next=$next_q answers 303 Location: / (never another site)" \
		eval 'status_is 303 && [ "$(grep -i "^Location:" "$T/h")" = "Location: /" ] || { echo "#   $(grep -i "^Location:" "$T/h" | od -c | head -2)"; false; }'
done
rm -f "$J7"
req "$J7" GET "/logga-in?next=/remisser/ok-hemsjukvard-2025%3Fx%3D1" -H 'Accept: text/html'
tok=$(form_csrf)
req "$J7" POST /logga-in --data-urlencode "next=/remisser/ok-hemsjukvard-2025?x=1" --data-urlencode "csrf=$tok" \
	--data-urlencode "email=anna.andersson@laholm.example" --data-urlencode "password=$PW"
check "a path of the site is still where the login returns" \
	eval 'status_is 303 && header_matches "^Location: /remisser/ok-hemsjukvard-2025\?x=1$"'

# Bearer tokens.
req "$T/jar-none" GET /healthz -H 'Authorization: Bearer 0123'
check "a malformed bearer token is 401" eval 'status_is 401 && header_matches "^WWW-Authenticate: Bearer"'
req "$T/jar-none" GET /healthz -H "Authorization: Bearer ${ORG_TOKEN:-missing}"
check "a valid organisation token is accepted" status_is 200
req "$T/jar-none" GET /healthz -H "Authorization: Bearer ${REVOKED_TOKEN:-missing}"
check "a revoked token is 401" status_is 401

finish
