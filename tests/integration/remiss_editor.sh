#!/usr/bin/env bash
# tests/integration/remiss_editor.sh BUILD-DIR BASE-URL TMPDIR: the förvaltning creates and edits a
# remiss in the web editor (fields, sections, questions, order, numbers), answered sections keep
# their answers and cannot be removed (in the editor, on import and in the database), a stale
# page is a conflict, and nobody else may use the editor. Needs REMISS_DB and the demo data with
# its submitted answers. Leaves the demo remiss as the demo file defines it. Prints "ok N - name"
# lines and "N passed, N failed".
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: remiss_editor.sh BUILD-DIR BASE-URL TMPDIR}
BASE=${2:?usage: remiss_editor.sh BUILD-DIR BASE-URL TMPDIR}
T=${3:?usage: remiss_editor.sh BUILD-DIR BASE-URL TMPDIR}
DEMO=ok-hemsjukvard-2025
NEW=test-editor-2026
PW=remissvar-demo
mkdir -p "$T"

lock_of() { sql "SELECT edit_version FROM remiss WHERE slug = '$1'"; }

F=$T/forvaltning A=$T/admin K=$T/kommun G=$T/granskare
add_user editor.granskare@regionhalland.example granskare "Editor Granskare"
login "$F" forvaltning@regionhalland.example; fcsrf=$(page_csrf "$F")
login "$K" anna.andersson@laholm.example; kcsrf=$(page_csrf "$K")
login "$G" editor.granskare@regionhalland.example; gcsrf=$(page_csrf "$G")
login "$A" admin@regionhalland.example

# --- the way in -------------------------------------------------------------------------
req "$F" GET /admin/remisser
check "the list of remisser links to a new remiss and to each editor" eval 'status_is 200 && text_has "href=\"/admin/remisser/ny\"" && text_has "href=\"/remisser/'$DEMO'/redigera\""'
req "$F" GET "/remisser/$DEMO/oversikt"
check "the overview of a remiss links to its editor" eval 'status_is 200 && text_has "href=\"/remisser/'$DEMO'/redigera\""'

# --- create -----------------------------------------------------------------------------
req "$F" GET /admin/remisser/ny
check "the create form has every field labelled and the CSRF token" eval 'status_is 200 && text_has "name=\"csrf\"" && [ "$(grep -o "<label for=" "$T/body" | wc -l)" -ge "$(grep -oE "<(textarea|input type=\"(text|date|checkbox)\")" "$T/body" | wc -l)" ]'
remisser() { sql "SELECT count(*) FROM remiss"; }
create() { # create [NAME=VALUE...]: posts the create form, a valid one unless overridden
	local -A v=([csrf]=$fcsrf [slug]=$NEW [titel]="Plan för kompetens" [avsandare]="Region Halland"
		[oppnar]=2026-01-01 [sista_svarsdag]=2099-12-31)
	local a k args=()
	for a in "$@"; do v[${a%%=*}]=${a#*=}; done
	for k in "${!v[@]}"; do [ "${v[$k]}" = "-" ] || args+=(--data-urlencode "$k=${v[$k]}"); done
	req "$F" POST /admin/remisser/ny "${args[@]}"
}
before=$(remisser)
create "slug=Dålig slug"
check "a bad id is refused beside the field, nothing stored" eval 'status_is 422 && text_has "Rätta följande" && text_has "aria-describedby=\"slug-fel\"" && text_has "href=\"#slug\"" && [ "$(remisser)" = "$before" ]'
check "a refused create keeps what was typed" eval 'text_has "value=\"Dålig slug\"" && text_has "value=\"Plan för kompetens\""'
create sista_svarsdag=2025-12-31
check "a last day before the first day is refused, nothing stored" eval 'status_is 422 && text_has "Sista svarsdag kan inte vara före" && text_has "aria-describedby=\"sista_svarsdag-fel\"" && [ "$(remisser)" = "$before" ]'
create "titel=   "
check "an empty title is refused, nothing stored" eval 'status_is 422 && text_has "Skriv remissens titel." && [ "$(remisser)" = "$before" ]'
create csrf=-
check "creating without the CSRF token is refused" eval 'status_is 403 && [ "$(remisser)" = "$before" ]'
create
check "a valid form creates the remiss as utkast and opens its editor" eval 'status_is 303 && header_matches "^Location: /remisser/'$NEW'/redigera\\?klart=skapad" && [ "$(sql "SELECT status || title FROM remiss WHERE slug = '"'$NEW'"'")" = "utkastPlan för kompetens" ]'
check "the creation is audited" eval '[ "$(audits remiss.create)" -ge 1 ]'
create
check "an id already in use is refused beside the field" eval 'status_is 422 && text_has "Det finns redan en remiss med det id:t"'
req "$F" GET "/remisser/$NEW/redigera?klart=skapad"
check "the editor confirms the creation in Swedish" eval 'status_is 200 && text_has "Remissen är skapad." && text_has "Utkast" && text_has "Remissen har inga avsnitt ännu."'
lock=$(hidden lock)

# --- fields and the lock ----------------------------------------------------------------
fields=(--data-urlencode "csrf=$fcsrf" --data-urlencode "avsandare=Region Halland, HR" --data-urlencode "diarienummer=RS 2026/1"
	--data-urlencode oppnar=2026-01-01)
req "$F" POST "/remisser/$NEW/redigera" "${fields[@]}" --data-urlencode "lock=$lock" --data-urlencode "titel=Plan för kompetensförsörjning" --data-urlencode sista_svarsdag=2099-06-30
check "saving the fields stores them and says so" eval 'status_is 303 && header_matches "klart=uppgifter" && [ "$(sql "SELECT title || '"'|'"' || sender || '"'|'"' || closes FROM remiss WHERE slug = '"'$NEW'"'")" = "Plan för kompetensförsörjning|Region Halland, HR|2099-06-30" ]'
check "the change is audited" eval '[ "$(audits remiss.update)" -ge 1 ]'
req "$F" POST "/remisser/$NEW/redigera" "${fields[@]}" --data-urlencode "lock=$lock" --data-urlencode "titel=Någon annans titel" --data-urlencode sista_svarsdag=2099-06-30
check "a save from a page that is out of date is a conflict that changes nothing" eval 'status_is 409 && text_has "Någon annan har ändrat remissen sedan du öppnade sidan" && [ "$(sql "SELECT title FROM remiss WHERE slug = '"'$NEW'"'")" = "Plan för kompetensförsörjning" ]'
check "the conflict page keeps what was typed and carries the current lock" eval 'text_has "value=\"Någon annans titel\"" && [ "$(hidden lock)" = "$(lock_of '$NEW')" ]'
lock=$(lock_of "$NEW")
req "$F" POST "/remisser/$NEW/redigera" "${fields[@]}" --data-urlencode "lock=$lock" --data-urlencode "titel=Plan" --data-urlencode sista_svarsdag=2025-01-01
check "an edit with the last day before the first is refused beside the field" eval 'status_is 422 && text_has "aria-describedby=\"sista_svarsdag-fel\"" && [ "$(sql "SELECT closes FROM remiss WHERE slug = '"'$NEW'"'")" = 2099-06-30 ]'

# --- sections and questions -------------------------------------------------------------
sections() { sql "SELECT string_agg(nr || ' ' || heading, ', ' ORDER BY s.position, s.id) FROM sections s JOIN remiss r ON r.id = s.remiss_id WHERE r.slug = '$1' AND s.removed_at IS NULL"; }
add_section() { # add_section SLUG NR HEADING
	req "$F" POST "/remisser/$1/avsnitt" --data-urlencode "csrf=$fcsrf" --data-urlencode "lock=$(lock_of "$1")" \
		--data-urlencode "ny-nr=$2" --data-urlencode "ny-rubrik=$3" --data-urlencode "ny-text=Förslagets text för $3.
Andra stycket."
}
add_section "$NEW" 1 Syfte
check "a section is added and the editor says so" eval 'status_is 303 && header_matches "klart=avsnitt-tillagt#avsnitt-[0-9]+" && [ "$(sections '$NEW')" = "1 Syfte" ]'
check "the proposal text keeps its paragraphs" eval '[ "$(sql "SELECT body FROM sections WHERE heading = '"'Syfte'"' AND remiss_id = (SELECT id FROM remiss WHERE slug = '"'$NEW'"')")" = "$(printf "Förslagets text för Syfte.\nAndra stycket.")" ]'
add_section "$NEW" 2 Mål
add_section "$NEW" 2 Dubblett
check "a number already in use is refused beside the field, values kept" eval 'status_is 422 && text_has "Ett annat avsnitt har redan det numret." && text_has "aria-describedby=\"ny-nr-fel\"" && text_has "value=\"Dubblett\"" && [ "$(sections '$NEW')" = "1 Syfte, 2 Mål" ]'
add_section "$NEW" "2." Punkt
check "a malformed number is refused" eval 'status_is 422 && text_has "ska börja och sluta med en bokstav eller siffra" && [ "$(sections '$NEW')" = "1 Syfte, 2 Mål" ]'
post_form "$F" "/remisser/$NEW/avsnitt" "$fcsrf" "lock=$lock" \
	"ny-nr=3" "ny-rubrik=Gammal sida"
check "adding from a page that is out of date is a conflict" eval 'status_is 409 && [ "$(sections '$NEW')" = "1 Syfte, 2 Mål" ]'
check "adding sections is audited" eval '[ "$(audits section.add)" -ge 2 ]'

sid() { sql "SELECT s.id FROM sections s JOIN remiss r ON r.id = s.remiss_id WHERE r.slug = '$1' AND s.nr = '$2' AND s.removed_at IS NULL"; }
s1=$(sid "$NEW" 1); s2=$(sid "$NEW" 2)
post_form "$F" "/remisser/$NEW/fragor" "$fcsrf" "lock=$(lock_of "$NEW")" \
	"avsnitt=$s1" "nq$s1-id=k1" "nq$s1-typ=konsekvens" \
	"nq$s1-text=Vilka konsekvenser får planen?"
check "a question is added to a section" eval 'status_is 303 && header_matches "klart=fraga-tillagd" && [ "$(sql "SELECT kind || '"' '"' || section_id FROM questions WHERE qid = '"'k1'"' AND removed_at IS NULL")" = "konsekvens $s1" ]'
post_form "$F" "/remisser/$NEW/fragor" "$fcsrf" "lock=$(lock_of "$NEW")" \
	"avsnitt=0" "nq0-id=.fel" "nq0-typ=annat" "nq0-text=Fråga?"
check "a question with a bad id and kind is refused beside its fields" eval 'status_is 422 && text_has "aria-describedby=\"nq0-id-fel\"" && text_has "aria-describedby=\"nq0-typ-fel\"" && text_has "value=\".fel\""'
post_form "$F" "/remisser/$NEW/fragor" "$fcsrf" "lock=$(lock_of "$NEW")" \
	"avsnitt=0" "nq0-id=k1" "nq0-typ=fritext" "nq0-text=Samma id?"
check "a question id already in use is refused" eval 'status_is 422 && text_has "En annan fråga i remissen har redan det id:t."'
q1=$(sql "SELECT id FROM questions WHERE qid = 'k1' AND remiss_id = (SELECT id FROM remiss WHERE slug = '$NEW')")
post_form "$F" "/remisser/$NEW/fragor/$q1" "$fcsrf" "lock=$(lock_of "$NEW")" \
	"q$q1-id=k1" "q$q1-typ=tidshorisont" "q$q1-text=Vad behövs på kort och lång sikt?"
check "a question is edited" eval 'status_is 303 && [ "$(sql "SELECT kind FROM questions WHERE id = $q1")" = tidshorisont ]'
req "$F" GET "/remisser/$NEW/redigera"
check "the editor lists sections in order with their questions, kinds in Swedish" eval 'status_is 200 && text_has "1 Syfte" && text_has "2 Mål" && text_has "Vad behövs på kort och lång sikt?" && text_has "Tidshorisont: kortsiktigt och långsiktigt"'
check "every editor field has a label" eval '[ "$(grep -o "<label for=" "$T/body" | wc -l)" -ge "$(grep -oE "<(textarea|select|input type=\"(text|date)\")" "$T/body" | wc -l)" ]'

post_form "$F" "/remisser/$NEW/avsnitt/$s2/flytta" "$fcsrf" "lock=$(lock_of "$NEW")" riktning=upp
check "moving a section up changes the order" eval 'status_is 303 && header_matches "klart=avsnitt-flyttat" && [ "$(sections '$NEW')" = "2 Mål, 1 Syfte" ]'
post_form "$F" "/remisser/$NEW/avsnitt/$s2/flytta" "$fcsrf" "lock=$(lock_of "$NEW")" riktning=ned
check "and down again" eval 'status_is 303 && [ "$(sections '$NEW')" = "1 Syfte, 2 Mål" ]'
post_form "$F" "/remisser/$NEW/avsnitt/$s2" "$fcsrf" "lock=$(lock_of "$NEW")" \
	"s$s2-nr=2.1" "s$s2-rubrik=Mål och delmål" "s$s2-text=Ny text."
check "a section gets a new number, heading and text under the same id" eval 'status_is 303 && [ "$(sections '$NEW')" = "1 Syfte, 2.1 Mål och delmål" ] && [ "$(sid '$NEW' 2.1)" = "$s2" ]'
post_form "$F" "/remisser/$NEW/fragor/$q1/ta-bort" "$fcsrf" "lock=$(lock_of "$NEW")"
check "an unanswered question is removed (retired)" eval 'status_is 303 && header_matches "klart=fraga-borttagen" && [ -n "$(sql "SELECT removed_at FROM questions WHERE id = $q1")" ]'
post_form "$F" "/remisser/$NEW/avsnitt/$s2/ta-bort" "$fcsrf" "lock=$(lock_of "$NEW")"
check "an unanswered section is removed (retired, not deleted)" eval 'status_is 303 && [ "$(sections '$NEW')" = "1 Syfte" ] && [ "$(sql "SELECT count(*) FROM sections WHERE id = $s2 AND removed_at IS NOT NULL")" = 1 ]'
check "section changes are audited" eval '[ "$(audits section.move)" -ge 2 ] && [ "$(audits section.update)" -ge 1 ] && [ "$(audits section.remove)" -ge 1 ] && [ "$(audits question.remove)" -ge 1 ]'

# --- the demo remiss: answered sections -------------------------------------------------
s33=$(sid "$DEMO" 3.3)
answers33=$(sql "SELECT count(*) FROM answers WHERE section_id = $s33")
check "the demo data has submitted answers to section 3.3" eval '[ "$answers33" -ge 1 ]'
req "$F" GET "/remisser/$DEMO/redigera"
check "the editor says which sections are answered and offers no removal for them" eval 'status_is 200 && text_has "Avsnittet har inskickade svar och kan inte tas bort." && ! grep -q "action=\"/remisser/'$DEMO'/avsnitt/$s33/ta-bort\"" "$T/body"'
post_form "$F" "/remisser/$DEMO/avsnitt/$s33" "$fcsrf" "lock=$(lock_of "$DEMO")" \
	"s$s33-nr=3.4" "s$s33-rubrik=Tröskelprincipen" \
	"s$s33-text=Den som inte klarar att ta sig till vårdcentral utan större svårighet ska få sin vård i hemmet."
check "an answered section is renumbered" eval 'status_is 303 && [ "$(sid '$DEMO' 3.4)" = "$s33" ] && [ -z "$(sid '$DEMO' 3.3)" ]'
check "its submitted answers still point at it" eval '[ "$(sql "SELECT count(*) FROM answers WHERE section_id = $s33")" = "$answers33" ]'
laholm_v=$(sql "SELECT v.id FROM response_versions v JOIN responses r ON r.id = v.response_id JOIN answers a ON a.version_id = v.id WHERE a.section_id = $s33 ORDER BY v.id LIMIT 1")
comment=$(sql "SELECT comment FROM answers WHERE section_id = $s33 AND version_id = $laholm_v")
req "$F" GET "/remisser/$DEMO/kvitton/$laholm_v"
check "the receipt shows the answer under the section's new number" eval 'status_is 200 && text_has "3.4 Tröskelprincipen" && text_has "${comment:0:40}"'
post_form "$F" "/remisser/$DEMO/avsnitt/$s33/flytta" "$fcsrf" "lock=$(lock_of "$DEMO")" riktning=ned
check "an answered section is moved, answers kept" eval 'status_is 303 && [ "$(sql "SELECT count(*) FROM answers WHERE section_id = $s33")" = "$answers33" ] && sections '$DEMO' | grep -q "4 Hemsjukvård vid tillfällig vistelse, 3.4 Tröskelprincipen"'
post_form "$F" "/remisser/$DEMO/avsnitt/$s33" "$fcsrf" "lock=$(lock_of "$DEMO")" \
	"s$s33-nr=4" "s$s33-rubrik=Tröskelprincipen"
check "a number another section has is refused beside the field" eval 'status_is 422 && text_has "Ett annat avsnitt har redan det numret." && text_has "aria-describedby=\"s$s33-nr-fel\"" && [ "$(sid '$DEMO' 3.4)" = "$s33" ]'
post_form "$F" "/remisser/$DEMO/avsnitt/$s33/ta-bort" "$fcsrf" "lock=$(lock_of "$DEMO")"
check "removing an answered section is refused with a clear Swedish message" eval 'status_is 409 && text_has "Avsnitt 3.4 Tröskelprincipen har inskickade svar från" && text_has "kan inte tas bort" && [ "$(sid '$DEMO' 3.4)" = "$s33" ]'
q1demo=$(sql "SELECT id FROM questions WHERE qid = 'q1' AND remiss_id = (SELECT id FROM remiss WHERE slug = '$DEMO')")
post_form "$F" "/remisser/$DEMO/fragor/$q1demo/ta-bort" "$fcsrf" "lock=$(lock_of "$DEMO")"
check "removing an answered question is refused" eval 'status_is 409 && text_has "Frågan q1 har inskickade svar" && [ -z "$(sql "SELECT removed_at FROM questions WHERE id = $q1demo")" ]'
check "the database itself refuses to retire an answered section" \
	eval '! sql "UPDATE sections SET removed_at = now() WHERE id = $s33" >/dev/null 2>&1 && [ -z "$(sql "SELECT removed_at FROM sections WHERE id = $s33")" ]'
add_section "$DEMO" 99 "Tillfälligt avsnitt"
s99=$(sid "$DEMO" 99)
post_form "$F" "/remisser/$DEMO/avsnitt/$s99/ta-bort" "$fcsrf" "lock=$(lock_of "$DEMO")"
check "an unanswered section of an answered remiss is removed" eval 'status_is 303 && [ -z "$(sid '$DEMO' 99)" ]'
req "$A" GET "/remisser/$DEMO/redigera"
check "an admin may use the editor too" status_is 200
post_form "$F" "/remisser/$NEW/avsnitt/$s33/ta-bort" "$fcsrf" "lock=$(lock_of "$NEW")"
check "a section of another remiss is not found through this one" eval 'status_is 404 && [ "$(sid '$DEMO' 3.4)" = "$s33" ]'

# --- nobody else ------------------------------------------------------------------------
routes=("GET /admin/remisser/ny" "POST /admin/remisser/ny" "GET /remisser/$DEMO/redigera" "POST /remisser/$DEMO/redigera"
	"POST /remisser/$DEMO/avsnitt" "POST /remisser/$DEMO/avsnitt/$s33" "POST /remisser/$DEMO/avsnitt/$s33/flytta"
	"POST /remisser/$DEMO/avsnitt/$s33/ta-bort" "POST /remisser/$DEMO/fragor" "POST /remisser/$DEMO/fragor/$q1demo"
	"POST /remisser/$DEMO/fragor/$q1demo/ta-bort")
denied() { # denied JAR CSRF: every editor route answers 403
	local r m p bad=""
	for r in "${routes[@]}"; do
		m=${r%% *}; p=${r#* }
		req "$1" "$m" "$p" --data-urlencode "csrf=$2" --data-urlencode "lock=$(lock_of "$DEMO")" \
			--data-urlencode "slug=intrang" --data-urlencode "titel=Intrång" --data-urlencode riktning=upp
		[ "$STATUS" = 403 ] || bad="$bad $r=$STATUS"
	done
	[ -z "$bad" ] || { echo "#  $bad"; return 1; }
}
lock_before=$(lock_of "$DEMO")
check "a kommun user gets 403 on every editor route" denied "$K" "$kcsrf"
check "a granskare gets 403 on every editor route" denied "$G" "$gcsrf"
check "and nothing was changed by them" eval '[ "$(lock_of '$DEMO')" = "$lock_before" ] && [ "$(sql "SELECT count(*) FROM remiss WHERE slug = '"'intrang'"'")" = 0 ]'

# --- the XML import keeps the same rule -------------------------------------------------
sed 's/nr="3.3"/nr="3.5"/' "$ROOT/dev/demo/remiss-hemsjukvard.xml" >"$T/renumbered.xml"
lock_before=$(lock_of "$DEMO")
out=$("$BUILD/remissctl" remiss import --shift-to-today "$T/renumbered.xml" 2>&1); rc=$?
check "importing a file that renumbers an answered section succeeds and says so" eval '[ $rc = 0 ] && grep -q "note: section 3.4 \"Tröskelprincipen\" is now 3.5 and keeps its answers" <<<"$out"'
check "the section kept its id, so its answers are still linked" eval '[ "$(sid '$DEMO' 3.5)" = "$s33" ] && [ "$(sql "SELECT count(*) FROM answers WHERE section_id = $s33")" = "$answers33" ] && [ "$(sql "SELECT count(*) FROM sections s JOIN remiss r ON r.id = s.remiss_id WHERE r.slug = '"'$DEMO'"' AND s.heading = '"'Tröskelprincipen'"'")" = 1 ]'
check "an import bumps the lock, so an editor page from before it is out of date" eval '[ "$(lock_of '$DEMO')" -gt "$lock_before" ]'
check "the import puts the sections in the file's order again" eval 'sections '$DEMO' | grep -q "3.2 Regionens ansvar, 3.5 Tröskelprincipen, 4 Hemsjukvård"'
grep -v 'nr="6"' "$ROOT/dev/demo/remiss-hemsjukvard.xml" >"$T/dropped.xml"
lock_before=$(lock_of "$DEMO")
out=$("$BUILD/remissctl" remiss import --shift-to-today "$T/dropped.xml" 2>&1); rc=$?
check "an import that would remove an answered section is refused, naming it" eval '[ $rc = 1 ] && grep -q "dropped.xml: Avsnitt 6 Finansiering har inskickade svar från" <<<"$out"'
check "the refused import changed nothing" eval '[ -n "$(sid '$DEMO' 6)" ] && [ "$(lock_of '$DEMO')" = "$lock_before" ] && [ -n "$(sid '$DEMO' 3.5)" ]'
req "$F" GET /admin/remisser; acsrf=$(form_csrf)
req "$F" POST /admin/remisser -F "csrf=$acsrf" -F "remiss=@$T/dropped.xml"
check "the same file uploaded on the web is refused with the reason" eval 'status_is 422 && text_has "Avsnitt 6 Finansiering har inskickade svar" && [ -n "$(sid '$DEMO' 6)" ]'
out=$("$BUILD/remissctl" remiss import --shift-to-today "$ROOT/dev/demo/remiss-hemsjukvard.xml" 2>&1); rc=$?
check "the demo file brings back 3.3 under the same id" eval '[ $rc = 0 ] && [ "$(sid '$DEMO' 3.3)" = "$s33" ] && [ "$(sql "SELECT count(*) FROM answers WHERE section_id = $s33")" = "$answers33" ]'

finish
