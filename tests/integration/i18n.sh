#!/usr/bin/env bash
# tests/integration/i18n.sh BUILD-DIR BASE-URL TMPDIR: the English user interface. A visitor
# chooses by cookie or Accept-Language, a user in "Mitt konto" or the header's switch; pages
# then come back in English with lang="en" and English dates, and switch back. Needs the demo
# data (dev/demo/load) and REMISS_DB; adds its own kommun user so no other suite is affected.
# Prints "ok N - name" lines and "N passed, N failed"; exit 0 only if all pass.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: i18n.sh BUILD-DIR BASE-URL TMPDIR}
BASE=${2:?usage: i18n.sh BUILD-DIR BASE-URL TMPDIR}
T=${3:?usage: i18n.sh BUILD-DIR BASE-URL TMPDIR}
SLUG=ok-hemsjukvard-2025
PW=remissvar-i18n-test
USER_EMAIL=i18n.test@laholm.example
mkdir -p "$T"

is_en() { body_has '<html lang="en">'; }
is_sv() { body_has '<html lang="sv">'; }
user_lang() { sql "SELECT lang FROM users WHERE email = '$USER_EMAIL'"; }
EN_DATE='[0-9]{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) [0-9]{4}'
SV_DATE='[0-9]{1,2} (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december) [0-9]{4}'

add_user "$USER_EMAIL" kommun "Ingrid Engelsk" --org "Laholms kommun"
sql "UPDATE users SET lang = 'sv' WHERE email = '$USER_EMAIL'" >/dev/null

# --- visitors: cookie and Accept-Language -----------------------------------
V=$T/visitor; rm -f "$V"
req "$V" GET /logga-in
check "without a choice the login page is Swedish with lang=\"sv\" and offers English" eval \
	'status_is 200 && is_sv && body_has "<h1>Logga in</h1>" && body_has "lang=\"en\">English</button>"'
req "$V" GET /logga-in -H 'Accept-Language: en-GB,en;q=0.9'
check "a browser preferring English gets the English login page" eval \
	'status_is 200 && is_en && body_has "<h1>Log in</h1>" && body_has "Skip to content" && body_has "lang=\"sv\">Svenska</button>"'
req "$V" GET /logga-in -H 'Accept-Language: sv-SE,sv;q=0.9,en;q=0.8'
check "a browser preferring Swedish over English gets Swedish" eval 'status_is 200 && is_sv'
req "$V" GET /logga-in -H 'Accept-Language: en;q=0.1;;;garbage'
check "a malformed Accept-Language is ignored (Swedish)" eval 'status_is 200 && is_sv'

req "$V" POST /sprak --data 'lang=en&next=/logga-in'
check "POST /sprak sets the lang cookie for a visitor and returns to the page" eval \
	'status_is 303 && header_matches "^Location: /logga-in$" && header_matches "^Set-Cookie: lang=en; Path=/; HttpOnly; SameSite=Lax"'
req "$V" GET /logga-in
check "with the cookie the login page is English" eval 'status_is 200 && is_en && body_has "Email address" && body_has "Password"'
req "$V" GET /logga-in -H 'Accept-Language: sv'
check "the cookie wins over Accept-Language" eval 'status_is 200 && is_en'
req "$V" GET /finns-inte
check "an error page follows the language, the other language marked lang=\"sv\"" eval \
	'status_is 404 && is_en && body_has "<h1>The page does not exist.</h1>" && body_has "<p lang=\"sv\">Sidan finns inte.</p>" && body_has "To the start page"'

req "$V" POST /sprak --data 'lang=de&next=/'
check "an unknown language is refused with 400 in both languages" eval \
	'status_is 400 && body_has "Unknown language" && body_has "Okänt språk"'
req "$V" POST /sprak --data 'next=/'
check "a missing language is refused with 400" status_is 400
req "$V" POST /sprak --data-urlencode 'lang=en<script>' --data 'next=/'
check "a language value with markup is refused with 400" status_is 400
req "$V" POST /sprak --data-urlencode 'lang=sv' --data-urlencode 'next=//evil.example/'
check "the return address is only ever a local page" eval 'status_is 303 && header_matches "^Location: /$"'
for next_q in '/%09/evil.example' '/%5Cevil.example' '/%0D%0A/evil.example'; do
	req "$V" POST /sprak --data-urlencode 'lang=sv' --data "next=$next_q"
	check "the language switch never returns to next=$next_q (another site), but to /" \
		eval 'status_is 303 && [ "$(grep -i "^Location:" "$T/h")" = "Location: /" ]'
done
req "$V" POST /sprak --data-urlencode 'lang=sv' --data-urlencode 'next=/logga-ut'
check "a return address without a page (POST-only) goes to the start page" eval 'status_is 303 && header_matches "^Location: /$"'
req "$V" GET /logga-in
check "switching back gives Swedish" eval 'status_is 200 && is_sv && body_has "<h1>Logga in</h1>"'

# --- a signed-in user: Mitt konto -------------------------------------------
J=$T/user
login "$J" "$USER_EMAIL" "$PW" --data-urlencode "next=/"
check "the test user logs in" eval 'status_is 303'
req "$J" GET /
check "a new user's pages are Swedish with Swedish dates and a link to Mitt konto" eval \
	'status_is 200 && is_sv && body_has "Öppna remisser" && body_matches "$SV_DATE" && body_has "href=\"/konto\""'
req "$J" GET /konto
check "Mitt konto shows the account and a language select" eval \
	'status_is 200 && is_sv && body_has "<h1>Mitt konto</h1>" && body_has "$USER_EMAIL" && body_has "Laholms kommun" && body_has "<select id=\"lang\" name=\"lang\"" && body_has "<option value=\"sv\" lang=\"sv\" selected"'
csrf=$(form_csrf)
req "$J" POST /konto --data 'lang=en'
check "saving the language without the CSRF token is refused" eval 'status_is 403 && [ "$(user_lang)" = sv ]'
post_form "$J" /konto "$csrf" 'lang=xx'
check "an unknown language in Mitt konto is 400 and changes nothing" eval 'status_is 400 && [ "$(user_lang)" = sv ]'
post_form "$J" /konto "$csrf" 'lang=en'
check "choosing English is stored on the account" eval \
	'status_is 303 && header_matches "^Location: /konto\\?sparat=1$" && [ "$(user_lang)" = en ]'
req "$J" GET /konto?sparat=1
check "Mitt konto comes back in English and confirms" eval \
	'status_is 200 && is_en && body_has "<h1>My account</h1>" && body_has "Your choice of language has been saved." && body_has "<option value=\"en\" lang=\"en\" selected"'
req "$J" GET / -H 'Accept-Language: sv'
check "the start page is English with English dates" eval \
	'status_is 200 && is_en && body_has "Open consultations" && body_has "Response deadline" && body_matches "$EN_DATE" && body_lacks_match "$SV_DATE"'
req "$J" GET "/remisser/$SLUG"
check "the remiss page is English (dates too)" eval \
	'status_is 200 && is_en && body_has "Sender" && body_has "Consultation period" && body_matches "$EN_DATE" && body_has "Log out"'
req "$J" GET "/remisser/$SLUG/svar"
check "the response form is English" eval \
	'status_is 200 && is_en && body_has "Response to the consultation" && body_has "Supports with amendments" && body_has "Save draft" && body_has "Review and send" && body_has "Contact person"'
csrf=$(form_csrf); lock=$(hidden lock)
req "$J" POST "/remisser/$SLUG/svar" --data-urlencode "csrf=$csrf" --data-urlencode "lock=$lock" \
	--data 'action=granska'
check "the error summary of an incomplete response is English" eval \
	'status_is 422 && is_en && body_has "Correct the following before you continue" && body_has "Choose the organisation’s overall position." && body_has "<title>Error: Response to"'
req "$J" GET /finns-inte
check "a signed-in user's error pages are English" eval 'status_is 404 && is_en && body_has "<h1>The page does not exist.</h1>"'

req "$J" GET /
csrf=$(form_csrf)
req "$J" POST /sprak --data-urlencode "csrf=$csrf" --data 'lang=sv&next=/konto'
check "the header's switch stores Swedish on the account again" eval \
	'status_is 303 && header_matches "^Location: /konto$" && [ "$(user_lang)" = sv ]'
req "$J" GET / -H 'Accept-Language: en'
check "after switching back the pages are Swedish whatever the browser prefers" eval \
	'status_is 200 && is_sv && body_has "Öppna remisser" && body_matches "$SV_DATE"'
req "$J" POST /sprak --data 'lang=en&next=/'
check "the header's switch without the CSRF token is refused for a user" eval 'status_is 403 && [ "$(user_lang)" = sv ]'

# --- the förvaltning's pages, with a förvaltning user of its own ---------------
F_EMAIL=i18n.forvaltning@regionhalland.example
add_user "$F_EMAIL" forvaltning "Fiona Förvaltning"
sql "UPDATE users SET lang = 'en' WHERE email = '$F_EMAIL'" >/dev/null
F=$T/forvaltning
login "$F" "$F_EMAIL" "$PW" --data-urlencode "next=/"
for page in "/admin/remisser|Manage consultations" "/remisser/$SLUG/oversikt|Overview: " \
    "/remisser/$SLUG/redigera|Edit the consultation: " "/remisser/$SLUG/teman|Themes of the consultation" \
    "/remisser/$SLUG/beslutsforslag|Decision for each section" "/admin/logg|Events, newest first" \
    "/admin/remisser/ny|Create the consultation"; do
	req "$F" GET "${page%%|*}"
	check "the förvaltning's ${page%%|*} is English" eval 'status_is 200 && is_en && body_has "${page#*|}"'
done
# The review pages: a key text of each, in English and then in Swedish for the same user.
R=/remisser/$SLUG
REVIEW_PAGES=(
	"$R/granskning/avsnitt/3.3|Text of the proposal|Förslagets text"
	"$R/granskning/avsnitt/helhet|Overall view: positions and summaries|Helhetssyn: ställningstagande och sammanfattning"
	"$R/anteckningar|<h1>Open notes</h1>|<h1>Öppna anteckningar</h1>"
	"$R/sok?q=kommun|best first|bäst först"
	"$R/dialogmoten|Record a new dialogue meeting|Registrera ett nytt dialogmöte"
	"$R/dialogmoten/nytt|Date the meeting was held (YYYY-MM-DD)|Datum då mötet hölls (ÅÅÅÅ-MM-DD)"
	"$R/export|Consultation report (.odt)|Remissammanställning (.odt)"
	"$R/publicering|<h2>Public page</h2>|<h2>Offentlig sida</h2>"
	"$R/analys|<h2>Key terms</h2>|<h2>Nyckeltermer</h2>"
	"$R/dubbletter|<h1>Near-identical responses</h1>|<h1>Nästan likadana svar</h1>"
	"$R/granskning|<h1>Consultation overview</h1>|<h1>Remissammanställning</h1>"
	"$R/granskning?stallning=avstyrker|The filter shows|Filtret visar"
)
# review_pages_are en|sv NAME: every review page in that language (its key text there, not the
# other language's), each checked as "the review page PATH NAME".
review_pages_are() {
	local lang=$1 name=$2 page path en sv want lack
	for page in "${REVIEW_PAGES[@]}"; do
		IFS='|' read -r path en sv <<<"$page"
		if [ "$lang" = en ]; then want=$en lack=$sv; else want=$sv lack=$en; fi
		req "$F" GET "$path"
		check "the review page $path $name" eval \
			'status_is 200 && is_$lang && body_has "$want" && body_lacks "$lack"'
	done
}
review_pages_are en "is English with lang=\"en\""
req "$F" GET "$R/granskning/avsnitt/3.3"
check "the session-timeout warning's texts reach session.js in English" eval \
	'body_has "data-lang=\"en\"" && body_has "data-title=\"You will soon be logged out\"" && body_has "data-extend=\"Extend the session\"" && body_has "so you will be logged out at %s." && body_lacks "Förläng sessionen"'
req "$F" GET "$R/granskning/avsnitt/3.3"
check "the section page shows English labels and dates" eval \
	'{ body_has "Tag the response or a passage" || body_has "Create a theme to be able to tag"; } && body_has "New note" && body_has "Mark as read" && body_matches "received $EN_DATE"'

req "$F" GET "$R/sok?q=kommun"
check "the search form's positions are English" eval \
	'body_has ">Supports with amendments</option>" && body_lacks ">Tillstyrker med ändringar</option>"'
# A malformed meeting (impossible date, a participant line without a name, no organisation):
# the field errors, from core/meeting_rules.c and the handler, follow the language.
meetings_now() { sql "SELECT count(*) FROM meetings"; }
bad_meeting() {
	post_form "$F" "$R/dialogmoten" "$(page_csrf "$F" "$R/dialogmoten/nytt")" "datum=2024-02-30" \
		"deltagare=, utan namn" "anteckningar=Kvar efter felet"
}
before=$(meetings_now)
bad_meeting
check "a malformed meeting is a 422 with English field errors, nothing stored" eval \
	'status_is 422 && is_en && body_has "Enter a real date as YYYY-MM-DD" && body_has "Line 1: write the participant’s name before the comma" && body_has "Choose at least one organisation" && body_has "The form has errors." && body_lacks "Skriv ett riktigt datum" && body_has "Kvar efter felet" && [ "$(meetings_now)" = "$before" ]'


sql "UPDATE users SET lang = 'sv' WHERE email = '$F_EMAIL'" >/dev/null
req "$F" GET /admin/remisser
check "the same pages are Swedish again for a Swedish account" eval 'status_is 200 && is_sv && body_has "Hantera remisser"'
review_pages_are sv "is Swedish for a Swedish account"
req "$F" GET "$R/granskning/avsnitt/3.3"
check "the session-timeout warning's texts are Swedish for a Swedish account" eval \
	'body_has "data-lang=\"sv\"" && body_has "data-title=\"Du loggas snart ut\"" && body_lacks "Extend the session"'
req "$F" GET "$R/granskning/avsnitt/3.3"
check "the section page's dates are Swedish for a Swedish account" eval \
	'body_matches "mottagen $SV_DATE"'
bad_meeting
check "the same malformed meeting has Swedish field errors for a Swedish account" eval \
	'status_is 422 && is_sv && body_has "Skriv ett riktigt datum som ÅÅÅÅ-MM-DD" && body_has "Rad 1: skriv deltagarens namn före kommatecknet" && body_has "Välj minst en organisation" && body_has "Formuläret har fel." && body_lacks "Enter a real date" && [ "$(meetings_now)" = "$before" ]'



sql "UPDATE users SET lang = 'sv' WHERE email = '$USER_EMAIL'" >/dev/null
finish
