#!/usr/bin/env bash
# tests/integration/meetings.sh BUILD-DIR BASE-URL TMPDIR: dialogmöten: a meeting recorded, shown,
# edited and deleted through the forms (CSRF, audit rows), field errors beside the fields for a
# bad date and missing values, a stale edit (409 with the conflict message, nothing changed), a
# remissinstans kept out, the meeting in the section view and on the theme page, and in every
# export (the XML valid against the XSD). Needs REMISS_DB and the demo data. Prints "ok N - name"
# lines and a summary.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: meetings.sh BUILD-DIR BASE-URL TMPDIR}
BASE=${2:?usage}
T=${3:?usage}
SLUG=ok-hemsjukvard-2025
PW=remissvar-demo
mkdir -p "$T"
export REMISS_STATIC_DIR=$ROOT/static

F=$T/forvaltning G=$T/granskare K=$T/kommun
login "$F" forvaltning@regionhalland.example
# A granskare of its own: auth_web.sh locks the demo granskare out with wrong passwords.
add_user mona.mote@regionhalland.example granskare "Mona Möte"
login "$G" mona.mote@regionhalland.example
login "$K" karin.karlsson@halmstad.example
rid=$(sql "SELECT id FROM remiss WHERE slug = '$SLUG'")
NR=4
sec=$(sql "SELECT id FROM sections WHERE remiss_id = $rid AND nr = '$NR' AND removed_at IS NULL")
org1=$(sql "SELECT o.id FROM invitations i JOIN organisations o ON o.id = i.org_id WHERE i.remiss_id = $rid AND o.name = 'Laholms kommun'")
org2=$(sql "SELECT o.id FROM invitations i JOIN organisations o ON o.id = i.org_id WHERE i.remiss_id = $rid AND o.name = 'Hylte kommun'")
uid=$(sql "SELECT id FROM users WHERE email = 'mona.mote@regionhalland.example'")
tid=$(sql "INSERT INTO themes (remiss_id, name, created_by) VALUES ($rid, 'Mötestema', $uid)
	ON CONFLICT DO NOTHING RETURNING id")
[ -n "$tid" ] || tid=$(sql "SELECT id FROM themes WHERE remiss_id = $rid AND name = 'Mötestema'")
M=/remisser/$SLUG/dialogmoten
count() { sql "SELECT count(*) FROM meetings WHERE remiss_id = $rid"; }
before=$(count)

# --- the list and the empty form --------------------------------------------------------
req "$G" GET "$M"
csrf_g=$(form_csrf)
check "a granskare sees the list, linked from the review navigation" \
	eval 'status_is 200 && body_has "aria-current=\"page\">Dialogmöten<" && body_has "href=\"$M/nytt\""'
req "$G" GET "$M/nytt?avsnitt=$NR"
csrf_g=$(form_csrf)
check "the new form offers the invited organisations, sections and themes (the section linked from is checked)" \
	eval 'status_is 200 && body_has "value=\"$org1\"" && body_has "name=\"tema\" id=\"tema-$tid\"" && grep -qE "name=\"avsnitt\" id=\"avsnitt-$sec\" value=\"$sec\" checked" "$T/body"'

# --- field errors ------------------------------------------------------------------------
post_form "$G" "$M" "$csrf_g" "datum=2024-02-30" \
	"anteckningar=Kvar efter felet"
check "a bad date and no organisation are a 422 with errors beside the fields, nothing stored" \
	eval 'status_is 422 && body_has "Skriv ett riktigt datum" && body_has "aria-describedby=\"datum-fel\"" && body_has "Välj minst en organisation" && body_has "aria-describedby=\"organisationer-fel\"" && body_has "Kvar efter felet" && [ "$(count)" = "$before" ]'
post_form "$G" "$M" "$csrf_g" "organisation=$org1"
check "a missing date is a 422 naming the field" \
	eval 'status_is 422 && body_has "Skriv dagen då mötet hölls." && [ "$(count)" = "$before" ]'
post_form "$G" "$M" "$csrf_g" "datum=2024-05-14" \
	"organisation=$org1" "deltagare=, utan namn"
check "a participant line without a name is a 422 naming the line" \
	eval 'status_is 422 && body_has "Rad 1: skriv deltagarens namn" && body_has "aria-describedby=\"deltagare-fel deltagare-hjalp\""'
req "$G" POST "$M" --data-urlencode "datum=2024-05-14" --data-urlencode "organisation=$org1"
check "a create without the CSRF token is refused (403)" eval 'status_is 403 && [ "$(count)" = "$before" ]'

# --- create ------------------------------------------------------------------------------
post_form "$G" "$M" "$csrf_g" "datum=14 maj 2024" \
	"rubrik=Dialog om tillfällig vistelse" "plats=Regionens hus, Halmstad" \
	"organisation=$org1" "organisation=$org2" \
	"deltagare=$(printf 'Anna Svensson, socialchef, Laholms kommun\nBo <Berg>')" \
	"avsnitt=$sec" "tema=$tid" \
	"anteckningar=$(printf 'Kommunerna vill ha en gemensam rutin.\n- punkt ett\n- punkt två')"
mid=$(grep -i '^location:' "$T/h" | grep -oE 'dialogmoten/[0-9]+' | grep -oE '[0-9]+$')
check "a meeting is recorded (303 to its page) with its organisations, participants and links" \
	eval 'status_is 303 && [ -n "$mid" ] && [ "$(sql "SELECT held_on || title || edit_version FROM meetings WHERE id = $mid")" = "2024-05-14Dialog om tillfällig vistelse1" ] && [ "$(sql "SELECT count(*) FROM meeting_orgs WHERE meeting_id = $mid")" = 2 ] && [ "$(sql "SELECT string_agg(name || '"'"'|'"'"' || role, '"'"';'"'"' ORDER BY ord) FROM meeting_participants WHERE meeting_id = $mid")" = "Anna Svensson|socialchef, Laholms kommun;Bo <Berg>|" ] && [ "$(sql "SELECT count(*) FROM meeting_sections WHERE meeting_id = $mid AND section_id = $sec")" = 1 ] && [ "$(sql "SELECT count(*) FROM meeting_themes WHERE meeting_id = $mid AND theme_id = $tid")" = 1 ]'
check "the creation is audited" \
	eval '[ "$(sql "SELECT count(*) FROM audit_log WHERE action = '"'"'meeting.create'"'"' AND object_id = '"'"'$mid'"'"'")" = 1 ]'
req "$G" GET "$M/$mid?meddelande=mote-registrerat"
check "its page shows date, place, organisations, participants (escaped), section, theme and notes" \
	eval 'status_is 200 && body_has "14 maj 2024: Dialog om tillfällig vistelse" && body_has "Regionens hus, Halmstad" && body_has ">Hylte kommun</a></li>" && body_has "Bo &lt;Berg&gt;" && body_has "href=\"/remisser/$SLUG/granskning/avsnitt/$NR\"" && body_has "teman#tema-$tid" && body_has "- punkt ett" && body_has "Dialogmötet är registrerat."'
req "$F" GET "$M"
check "the förvaltning sees it in the list" eval 'status_is 200 && body_has "href=\"$M/$mid\"" && body_has "Hylte kommun, Laholms kommun"'

# --- linked pages ------------------------------------------------------------------------
req "$G" GET "/remisser/$SLUG/granskning/avsnitt/$NR"
check "the section view lists the meeting with a link to it, and offers to record one about the section" \
	eval 'status_is 200 && body_has "href=\"$M/$mid\"" && body_has "Dialog om tillfällig vistelse" && body_has "href=\"$M/nytt?avsnitt=$NR\""'
req "$G" GET "/remisser/$SLUG/granskning/avsnitt/3.3"
check "another section's view does not" eval 'status_is 200 && body_lacks "href=\"$M/$mid\""'
req "$G" GET "/remisser/$SLUG/teman"
check "the theme page lists the meeting under its theme" \
	eval 'status_is 200 && body_has "href=\"$M/$mid\"" && body_has "href=\"$M/nytt?tema=$tid\""'

# --- edit and the optimistic lock --------------------------------------------------------
req "$F" GET "$M/$mid/redigera"
csrf_f=$(form_csrf)
v1=$(hidden version)
check "the edit form holds the stored values and version 1" \
	eval 'status_is 200 && [ "$v1" = 1 ] && body_has "Anna Svensson, socialchef, Laholms kommun" && grep -qE "name=\"organisation\" id=\"organisation-$org2\" value=\"$org2\" checked" "$T/body"'
post_form "$F" "$M/$mid" "$csrf_f" "version=1" \
	"datum=2024-05-15" "rubrik=Dialog om tillfällig vistelse" \
	"organisation=$org1" "deltagare=Anna Svensson" \
	"avsnitt=$sec" "anteckningar=Ändrat av förvaltningen."
check "an edit is saved: version 2, one organisation, theme link gone, audited" \
	eval 'status_is 303 && [ "$(sql "SELECT held_on::text || edit_version FROM meetings WHERE id = $mid")" = 2024-05-152 ] && [ "$(sql "SELECT count(*) FROM meeting_orgs WHERE meeting_id = $mid")" = 1 ] && [ "$(sql "SELECT count(*) FROM meeting_themes WHERE meeting_id = $mid")" = 0 ] && [ "$(sql "SELECT count(*) FROM audit_log WHERE action = '"'"'meeting.update'"'"' AND object_id = '"'"'$mid'"'"'")" = 1 ]'
post_form "$G" "$M/$mid" "$csrf_g" "version=1" \
	"datum=2024-05-16" "organisation=$org2" \
	"anteckningar=Från en gammal sida."
check "a stale edit is a 409 with the conflict message, keeps the text and changes nothing" \
	eval 'status_is 409 && body_has "Någon annan har ändrat dialogmötet medan du skrev" && body_has "Från en gammal sida." && body_has "Ändrat av förvaltningen." && [ "$(hidden version)" = 2 ] && [ "$(sql "SELECT held_on::text || edit_version || notes FROM meetings WHERE id = $mid")" = "2024-05-152Ändrat av förvaltningen." ]'
post_form "$G" "$M/$mid" "$csrf_g" "version=2" \
	"datum=2024-05-16" "rubrik=Dialog om tillfällig vistelse" "organisation=$org1" "organisation=$org2" \
	"avsnitt=$sec" "tema=$tid" \
	"deltagare=$(printf 'Anna Svensson, socialchef\nBo Berg')" \
	"anteckningar=$(printf -- '- punkt ett\n=SUMMA(1+1) i anteckningen')"
check "saving again with the current version overwrites knowingly" \
	eval 'status_is 303 && [ "$(sql "SELECT held_on::text || edit_version FROM meetings WHERE id = $mid")" = 2024-05-163 ]'

# --- who may ------------------------------------------------------------------------------
req "$K" GET "$M"
check "a remissinstans may not see the meetings (403)" status_is 403
req "$K" GET "$M/$mid"
check "nor one meeting (403)" status_is 403
req "$K" POST "$M/$mid/ta-bort" --data-urlencode "version=3"
check "nor delete it" eval '[ "$STATUS" = 403 ] && [ "$(sql "SELECT count(*) FROM meetings WHERE id = $mid")" = 1 ]'
req "" GET "$M"
check "without a login the list redirects to the login page" eval '[ "$STATUS" = 303 ] || [ "$STATUS" = 302 ] || [ "$STATUS" = 401 ]'
req "$G" GET "$M/999999999"
check "an unknown meeting is 404" status_is 404
req "$G" GET "$M/abc"
check "a malformed id is 404" status_is 404
req "$G" GET "/remisser/finns-inte/dialogmoten"
check "an unknown remiss is 404" status_is 404

# --- exports --------------------------------------------------------------------------------
export_formats "$SLUG" xml html odt
check "remissctl exports every format" eval '[ ! -s "$T/export.err" ] || { cat "$T/export.err"; false; }'
check "the XML export carries the meeting and validates against the XSD" \
	eval 'xmllint --noout --schema "$ROOT/schema/remissvar.xsd" "$T/e.xml" 2>"$T/xl" && grep -qF "<dialogmote datum=\"2024-05-16\">" "$T/e.xml" && grep -qF "<deltagare namn=\"Anna Svensson\" roll=\"socialchef\"/>" "$T/e.xml" && grep -qF "<avsnitt nr=\"$NR\"" "$T/e.xml" && grep -qF "<tema>Mötestema</tema>" "$T/e.xml" && grep -qF "=SUMMA(1+1) i anteckningen" "$T/e.xml" || { head -3 "$T/xl"; false; }'
check "the HTML export has a Dialogmöten chapter and the section refers to the meeting" \
	eval 'xmllint --noout "$T/e.html" && grep -qF "<h2>Dialogmöten</h2>" "$T/e.html" && grep -qF "16 maj 2024: Dialog om tillfällig vistelse" "$T/e.html" && grep -qF "Dialogmöten om avsnittet" "$T/e.html" && grep -qF "Anna Svensson, socialchef" "$T/e.html"'
check "the ODT content.xml has the chapter and the reference" \
	odt_has "$T/e.odt" "Dialogmöten" "16 maj 2024: Dialog om tillfällig vistelse" \
	"Dialogmöten om avsnittet" "Anna Svensson, socialchef" "=SUMMA(1+1) i anteckningen"
check "the XLSX export has the meeting on Dialogmöten, its notes as text, and the section refers to it" \
	eval '"$BUILD/remissctl" export "$SLUG" --format xlsx -o "$T/e.xlsx" &&
	/usr/bin/python3 "$ROOT/tests/export/xlsx_has.py" "$T/e.xlsx" Dialogmöten date:2024-05-16 \
		"Dialog om tillfällig vistelse" "Anna Svensson, socialchef" "=SUMMA(1+1) i anteckningen" "Mötestema" \
		-- "$NR " "16 maj 2024: Dialog om tillfällig vistelse"'
G_TOKEN=$("$BUILD/remissctl" token create --user mona.mote@regionhalland.example --label meetings)
REQ_ACCEPT= req - GET "/api/v1/remisser/$SLUG/export.xml" -H "Authorization: Bearer $G_TOKEN"
check "the API's XML export carries it too" eval 'status_is 200 && body_has "<dialogmote datum=\"2024-05-16\">"'

# --- a merged theme keeps the link -----------------------------------------------------------
tid2=$(sql "INSERT INTO themes (remiss_id, name, created_by) VALUES ($rid, 'Mötestema 2', $uid) RETURNING id")
req "$G" GET "/remisser/$SLUG/teman"
csrf_g=$(form_csrf)
post_form "$G" "/remisser/$SLUG/teman/$tid/sla-ihop" "$csrf_g" "med=$tid2"
check "a theme merged into another moves its meetings along" \
	eval '[ "$(sql "SELECT count(*) FROM meeting_themes WHERE meeting_id = $mid AND theme_id = $tid2")" = 1 ] || { echo "#   merge status $STATUS"; false; }'

# --- delete ----------------------------------------------------------------------------------
req "$F" GET "$M/$mid/ta-bort"
csrf_f=$(form_csrf)
check "deleting asks for confirmation first" eval 'status_is 200 && body_has "Det går inte att ångra." && [ "$(hidden version)" = 3 ]'
post_form "$F" "$M/$mid/ta-bort" "$csrf_f" "version=2"
check "a delete from a stale page is a 409 and deletes nothing" \
	eval 'status_is 409 && [ "$(sql "SELECT count(*) FROM meetings WHERE id = $mid")" = 1 ]'
post_form "$F" "$M/$mid/ta-bort" "$csrf_f" "version=3"
check "the confirmed delete removes it with its links, audited" \
	eval 'status_is 303 && [ "$(sql "SELECT count(*) FROM meetings WHERE id = $mid")" = 0 ] && [ "$(sql "SELECT count(*) FROM meeting_orgs WHERE meeting_id = $mid")" = 0 ] && [ "$(sql "SELECT count(*) FROM audit_log WHERE action = '"'"'meeting.delete'"'"' AND object_id = '"'"'$mid'"'"'")" = 1 ]'
req "$F" GET "$M/$mid"
check "a deleted meeting is 404" status_is 404
"$BUILD/remissctl" export "$SLUG" --format xml -o "$T/e2.xml" 2>/dev/null
check "without meetings the XML export has no dialogmoten element and still validates" \
	eval '! grep -q "<dialogmoten" "$T/e2.xml" && xmllint --noout --schema "$ROOT/schema/remissvar.xsd" "$T/e2.xml" 2>/dev/null'

finish
