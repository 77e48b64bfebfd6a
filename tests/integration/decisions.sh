#!/usr/bin/env bash
# tests/integration/decisions.sh BUILD-DIR BASE-URL TMPDIR: the beslutsförslag: the list of every
# section's decision, a section changed (revised text shown as a word diff against the proposal,
# motivation, references, status), validation beside the fields, a stale form (409), an added
# section, who may write, the audit log, and the exports carrying it. Needs REMISS_DB and the
# demo data. Prints "ok N - name" lines and a summary.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: decisions.sh BUILD-DIR BASE-URL TMPDIR}
BASE=${2:?usage}
T=${3:?usage}
SLUG=ok-hemsjukvard-2025
PW=remissvar-demo
mkdir -p "$T"

add_user bo.beslut@regionhalland.example forvaltning "Bo Beslut"
F=$T/forvaltning K=$T/kommun
login "$F" bo.beslut@regionhalland.example
login "$K" karin.karlsson@halmstad.example
NR=3.3
sec=$(sql "SELECT s.id FROM sections s JOIN remiss r ON r.id = s.remiss_id WHERE r.slug = '$SLUG' AND s.nr = '$NR' AND s.removed_at IS NULL")
nsec=$(sql "SELECT count(*) FROM sections s JOIN remiss r ON r.id = s.remiss_id WHERE r.slug = '$SLUG' AND s.removed_at IS NULL")

req "$F" GET "/remisser/$SLUG/beslutsforslag"
csrf=$(form_csrf)
check "the list has a row per section, none decided yet" \
	eval 'status_is 200 && [ "$(grep -o "Inget beslut ännu" "$T/body" | wc -l)" = "$nsec" ] && body_has "aria-current=\"page\">Beslutsförslag<"'
req "$F" GET "/remisser/$SLUG/beslutsforslag/$NR"
lock=$(hidden lock)
resp=$(grep -oE 'name="ref" id="ref-0" value="[0-9]+"' "$T/body" | grep -oE '[0-9]+"$' | tr -d '"')
check "the form shows the proposal and offers the section's answers as references" \
	eval 'status_is 200 && body_has "Förslagets text" && [ -n "$resp" ] && [ "$lock" = 0 ]'
proposal=$(sql "SELECT body FROM sections WHERE id = $sec")

post_form "$F" "/remisser/$SLUG/beslutsforslag/$NR" "$csrf" "lock=0" \
	"beslut=andrad" "text=$proposal"
check "a changed section whose text is unchanged is a 422 with the error beside the text" \
	eval 'status_is 422 && body_has "Skriv den ändrade texten" && body_has "aria-describedby=\"text-fel\""'
post_form "$F" "/remisser/$SLUG/beslutsforslag/$NR" "$csrf" "lock=0"
check "no decision chosen is a 422" eval 'status_is 422 && body_has "Välj ett beslut."'

revised="Regionen och kommunerna tar fram gemensamma bedömningskriterier. $proposal"
post_form "$F" "/remisser/$SLUG/beslutsforslag/$NR" "$csrf" "lock=0" \
	"beslut=andrad" "text=$revised" \
	"motivering=Flera kommuner efterfrågar gemensamma kriterier." \
	"status=klar" "ref=$resp"
check "a changed section is saved with text, motivation, status and its reference" \
	eval 'status_is 303 && [ "$(sql "SELECT kind || status || lock_version FROM decisions WHERE section_id = $sec")" = andradklar1 ] && [ "$(sql "SELECT count(*) FROM decision_refs d JOIN decisions x ON x.id = d.decision_id WHERE x.section_id = $sec AND d.response_id = $resp")" = 1 ]'
check "the save is audited" \
	eval '[ "$(sql "SELECT count(*) FROM audit_log WHERE action = '"'"'decision.save'"'"' AND detail->>'"'"'beslut'"'"' = '"'"'andrad'"'"'")" -ge 1 ]'
req "$F" GET "/remisser/$SLUG/beslutsforslag/$NR"
check "the change from the proposal is shown as a word diff" \
	eval 'status_is 200 && body_has "<ins>Regionen och kommunerna tar fram gemensamma bedömningskriterier. </ins>"'
post_form "$F" "/remisser/$SLUG/beslutsforslag/$NR" "$csrf" "lock=0" \
	"beslut=struken" "motivering=Från en gammal sida."
check "a form from before the last save is a 409 that keeps the text and changes nothing" \
	eval 'status_is 409 && body_has "Från en gammal sida." && [ "$(sql "SELECT kind FROM decisions WHERE section_id = $sec")" = andrad ]'
req "$F" GET "/remisser/$SLUG/beslutsforslag"
check "the list shows the decision and its status" eval 'body_has "<td>Ändrad</td>" && body_has "<td>Klar för beslut</td>"'

# --- an added section ------------------------------------------------------------------
post_form "$F" "/remisser/$SLUG/beslutsforslag" "$csrf" \
	"nr=3.3a" "rubrik=Gemensam uppföljning"
new=$(sql "SELECT id FROM decisions WHERE nr = '3.3a'")
check "a new section can be added" eval 'status_is 303 && [ -n "$new" ] && header_matches "^Location: /remisser/$SLUG/beslutsforslag/ny-$new"'
post_form "$F" "/remisser/$SLUG/beslutsforslag/ny-$new" "$csrf" "lock=0" \
	"nr=3.3a" "rubrik=Gemensam uppföljning" \
	"text=Huvudmännen följer upp överenskommelsen varje år." \
	"motivering=Efterfrågas i remissvaren."
check "its text and motivation are saved" \
	eval 'status_is 303 && [ "$(sql "SELECT revised_text FROM decisions WHERE id = $new")" = "Huvudmännen följer upp överenskommelsen varje år." ]'
post_form "$F" "/remisser/$SLUG/beslutsforslag" "$csrf" \
	"nr=3.3a" "rubrik=Igen"
check "a second new section with the same number is a 409" status_is 409
check "…shown on the list page beside the number, with what was typed" eval 'body_has "<h1>Beslutsförslag</h1>" && body_has "aria-describedby=\"nr-fel\"" && body_has "Det finns redan ett nytt avsnitt med det numret." && body_has "value=\"Igen\"" && body_has "Logga ut</button>"'
post_form "$F" "/remisser/$SLUG/beslutsforslag" "$csrf" \
	"nr=" "rubrik=Utan nummer"
check "a new section without a number comes back on the list page, beside the field" eval 'status_is 422 && body_has "<h1>Beslutsförslag</h1>" && body_has "<p class=\"field-error\" id=\"nr-fel\">Skriv ett nummer som 3.4 eller 7a.</p>" && body_has "href=\"#nr\"" && body_has "value=\"Utan nummer\"" && ! grep -qF "<p lang=\"en\">" "$T/body"'

# --- who may write ------------------------------------------------------------------
req "$K" GET "/remisser/$SLUG/beslutsforslag"
check "a remissinstans may not see the beslutsförslag (403)" status_is 403
req "$F" POST "/remisser/$SLUG/beslutsforslag/$NR" --data-urlencode "lock=1" --data-urlencode "beslut=struken"
check "a save without the CSRF token is refused (403)" status_is 403
req "$F" GET "/remisser/$SLUG/beslutsforslag/99.99"
check "an unknown section is 404" status_is 404

# --- in the exports --------------------------------------------------------------------
export_formats "$SLUG" html odt
check "the HTML export carries the decision, its diff and the new section" \
	eval 'grep -qF "Beslutsförslag: Ändrad (klar för beslut)" "$T/e.html" && grep -qF "<ins>Regionen och kommunerna" "$T/e.html" && grep -qF "3.3a Gemensam uppföljning" "$T/e.html" && xmllint --noout "$T/e.html"'
check "the ODT export carries them too" \
	odt_has "$T/e.odt" "Beslutsförslag: Ändrad (klar för beslut)" \
	"Flera kommuner efterfrågar gemensamma kriterier." "3.3a Gemensam uppföljning"
check "the XLSX export has the decision under its section's table and the new section on Nya avsnitt" \
	eval '"$BUILD/remissctl" export "$SLUG" --format xlsx -o "$T/e.xlsx" &&
	/usr/bin/python3 "$ROOT/tests/export/xlsx_has.py" "$T/e.xlsx" "$NR " \
		"Beslutsförslag: Ändrad (klar för beslut)" "$revised" "Flera kommuner efterfrågar gemensamma kriterier." \
		-- "Nya avsnitt" "3.3a" "Gemensam uppföljning" "Huvudmännen följer upp överenskommelsen varje år." "Efterfrågas i remissvaren."'

finish
