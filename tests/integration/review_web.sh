#!/usr/bin/env bash
# tests/integration/review_web.sh BUILD-DIR BASE-URL TMPDIR: the referensgrupp's workspace through nginx:
# the matrix and its filters, the section view, themes (create, rename, nest, merge, delete),
# tags on whole answers and on passages, annotation threads, read marks, search with Swedish
# stemming, and that a granskare can never change a response. Needs REMISS_DB and the demo data.
# Prints "ok N - name" lines and "N passed, N failed".
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: review_web.sh BUILD-DIR BASE-URL TMPDIR}
BASE=${2:?usage}
T=${3:?usage}
SLUG=ok-hemsjukvard-2025
PW=remissvar-demo
mkdir -p "$T"

G=$T/granskare F=$T/forvaltning K=$T/kommun
# A granskare of its own: the demo granskare is throttled by the login tests.
add_user gunnel.granskare@regionhalland.example granskare "Gunnel Granskare"
login "$G" gunnel.granskare@regionhalland.example
login "$F" forvaltning@regionhalland.example
login "$K" karin.karlsson@halmstad.example
req "$G" GET "/remisser/$SLUG/teman"
csrf=$(form_csrf)
req "$G" GET "/remisser/$SLUG/granskning"
# A campaign letter: Varberg sends Halmstad's words on 3.3 (a copied text to detect).
sed -n '1,/<sammanfattning>/p' "$(dirname "$0")/../xml/example-remissvar.xml" |
	sed -e 's/Laholms kommun/Varbergs kommun/' -e '/<bilaga/d' >"$T/campaign.xml"
cat >>"$T/campaign.xml" <<'EOF2'
  <svar avsnitt="3.3">
    <stallningstagande>tillstyrker-med-andringar</stallningstagande>
    <kommentar>Tröskelprincipen tolkas i dag olika mellan vårdcentralerna. Kommunen föreslår gemensamma bedömningskriterier och att bedömningen dokumenteras noga.</kommentar>
  </svar>
</remissvar>
EOF2
import_response "$T/campaign.xml" --org "Varbergs kommun"
fingerprint() { sql "SELECT count(*) || ':' || md5(string_agg(sha256 || canonical_xml, ',' ORDER BY id)) FROM response_versions"; }
answers_before=$(sql "SELECT md5(string_agg(a::text, ',' ORDER BY a.id)) FROM answers a")
versions_before=$(fingerprint)

# --- the matrix ------------------------------------------------------------------
matrix_only() { sed 's/id="h-framsteg".*//' "$T/body"; }	# the matrix, not the progress table below it
invited=$(sql "SELECT count(*) FROM invitations i JOIN remiss r ON r.id = i.remiss_id WHERE r.slug = '$SLUG'")
check "the granskare sees the matrix: a caption, one column per invited organisation ($invited)" \
	eval 'status_is 200 && body_has "<caption id=\"matrix-caption\">" && [ "$(matrix_only | grep -o "<th scope=\"col\">" | wc -l)" = $((invited + 1)) ] || { echo "#   columns: $(matrix_only | grep -o "<th scope=\"col\">" | wc -l)"; false; }'
check "each cell shows the position in words, not colour alone" \
	eval 'body_has "<span class=\"pos pos-andringar\">Tillstyrker med ändringar</span>" && body_has "<span class=\"pos pos-avstyrker\">Avstyrker</span>"'
check "each cell starts the comment and links to the answer beside the proposal" \
	eval 'body_has "Tröskelprincipen tolkas i dag olika mellan vårdcentralerna" && body_has "href=\"/remisser/'"$SLUG"'/granskning/avsnitt/3.3#svar-"'
check "the matrix has counts per section" eval 'body_has "<th scope=\"col\" class=\"count\">Tillstyrker</th>" && body_has "<th scope=\"col\" class=\"count\">Ej besvarat</th>"'
check "the wide table is a focusable scroll region" body_has 'class="table-scroll" role="region" aria-labelledby="matrix-caption" tabindex="0"'
avst=$(sql "SELECT count(*) FROM responses r JOIN LATERAL (SELECT id FROM response_versions WHERE response_id = r.id ORDER BY version DESC LIMIT 1) v ON true JOIN answers a ON a.version_id = v.id WHERE a.position = 'avstyrker' AND a.section_id IS NOT NULL")
req "$G" GET "/remisser/$SLUG/granskning?stallning=avstyrker"
check "filtering by position shows only those cells ($avst)" \
	eval 'status_is 200 && [ "$(grep -o "class=\"pos pos-[a-z]*\"" "$T/body" | sort | uniq -c | wc -l)" = 1 ] && [ "$(grep -o "class=\"pos pos-avstyrker\"" "$T/body" | wc -l)" = "$avst" ]'
req "$G" GET "/remisser/$SLUG/granskning?typ=region"
check "filtering by kind of organisation keeps only those columns" \
	eval 'status_is 200 && body_has "Region Halland, Närsjukvården" && body_lacks ">Laholms kommun</th>"'
req "$G" GET "/remisser/$SLUG/granskning?avsnitt=3.3&q=vårdcentralen"
check "free-text filter with Swedish stemming (vårdcentralen finds vårdcentralerna) and a section filter" \
	eval 'status_is 200 && body_has "Filtret visar" && body_has "mellan vårdcentralerna" && [ "$(grep -c "<th scope=\"row\">" "$T/body")" = 1 ]'
req "$K" GET "/remisser/$SLUG/granskning"
check "a kommun user cannot open the review (403)" status_is 403
req - GET "/remisser/$SLUG/granskning"
check "an anonymous visitor is sent to log in" status_is 303

# --- themes ------------------------------------------------------------------------
post_form "$G" "/remisser/$SLUG/teman" "$csrf" "namn=Tröskelprincipen" \
	"beskrivning=Hur tröskelprincipen ska tolkas."
check "a granskare creates a theme" eval 'status_is 303 && header_matches "^Location: /remisser/'"$SLUG"'/teman\?meddelande=tema-skapat"'
t_trosk=$(sql "SELECT id FROM themes WHERE name = 'Tröskelprincipen'")
post_form "$G" "/remisser/$SLUG/teman" "$csrf" "namn=  "
check "a theme without a name is refused beside the field" \
	eval 'status_is 422 && body_has "Ge temat ett namn." && body_has "aria-describedby=\"nytt-namn-fel\""'
post_form "$G" "/remisser/$SLUG/teman" "$csrf" "namn=tröskelprincipen"
check "a second theme with the same name (any case) is refused" eval 'status_is 422 && [ "$(sql "SELECT count(*) FROM themes")" = 1 ]'
req "$G" POST "/remisser/$SLUG/teman" --data-urlencode "namn=Utan CSRF"
check "creating a theme without the CSRF token is refused" eval 'status_is 403 && [ "$(sql "SELECT count(*) FROM themes")" = 1 ]'
for name in Finansiering Ersättning Kompetens; do
	post_form "$G" "/remisser/$SLUG/teman" "$csrf" "namn=$name"
done
t_fin=$(sql "SELECT id FROM themes WHERE name = 'Finansiering'")
t_ers=$(sql "SELECT id FROM themes WHERE name = 'Ersättning'")
t_komp=$(sql "SELECT id FROM themes WHERE name = 'Kompetens'")
post_form "$G" "/remisser/$SLUG/teman/$t_ers" "$csrf" "namn=Ersättningsmodellen" \
	"beskrivning=Kostnader och ersättning." "overordnat=$t_fin"
check "a theme is renamed, described and nested under another" \
	eval 'status_is 303 && [ "$(sql "SELECT name || '"'"'|'"'"' || parent_id FROM themes WHERE id = $t_ers")" = "Ersättningsmodellen|$t_fin" ]'
post_form "$G" "/remisser/$SLUG/teman/$t_komp" "$csrf" "namn=Kompetens" \
	"overordnat=$t_ers"
check "nesting deeper than one level is refused" eval 'status_is 422 && [ -z "$(sql "SELECT parent_id FROM themes WHERE id = $t_komp")" ]'
req "$G" GET "/remisser/$SLUG/teman"
check "the theme list shows sub-themes under their parent" eval 'status_is 200 && body_has "class=\"theme child\" id=\"tema-'"$t_ers"'\"" && body_has "Kostnader och ersättning."'

# --- the section view, tags and passages ---------------------------------------------
halmstad=$(sql "SELECT id FROM organisations WHERE name = 'Halmstads kommun'")
req "$G" GET "/remisser/$SLUG/granskning/avsnitt/3.3"
check "the section view shows the proposal text beside every answer" \
	eval 'status_is 200 && body_has "<h2 id=\"h-forslag\">Förslagets text</h2>" && body_has "Den som inte klarar att ta sig till vårdcentral" && body_has "id=\"svar-'"$halmstad"'\""'
check "…with question answers under their question" body_has "Fråga q1:"
answer_form "Halmstads kommun" 3.3
ver=$ANSWER_VERSION
target=(--data-urlencode "csrf=$csrf" "${ANSWER[@]}"
	--data-urlencode "tillbaka=/remisser/$SLUG/granskning/avsnitt/3.3#svar-$halmstad")
req "$G" POST "/remisser/$SLUG/granskning/tagga" "${target[@]}" --data-urlencode "tema=$t_trosk"
check "tagging a whole answer returns to it with a notice" \
	eval 'status_is 303 && header_matches "^Location: /remisser/'"$SLUG"'/granskning/avsnitt/3.3\?meddelande=taggat#svar-'"$halmstad"'$"'
req "$G" POST "/remisser/$SLUG/granskning/tagga" "${target[@]}" --data-urlencode "tema=$t_trosk"
check "tagging the same whole answer twice stores one tag" eval '[ "$(sql "SELECT count(*) FROM tags WHERE quote IS NULL")" = 1 ]'
req "$G" POST "/remisser/$SLUG/granskning/tagga" "${target[@]}" --data-urlencode "tema=$t_trosk" \
	--data-urlencode "falt=kommentar" --data-urlencode "citat=gemensamma bedömningskriterier" --data-urlencode "start=80"
check "a passage is tagged as its exact quote, context and character offsets" \
	eval 'status_is 303 && [ "$(sql "SELECT quote || '"'"'|'"'"' || start_pos || '"'"'|'"'"' || end_pos || '"'"'|'"'"' || suffix FROM tags WHERE quote IS NOT NULL")" = "gemensamma bedömningskriterier|78|108| och att bedömningen dokumentera" ]'
req "$G" POST "/remisser/$SLUG/granskning/tagga" "${target[@]}" --data-urlencode "tema=$t_fin" \
	--data-urlencode "falt=kommentar" --data-urlencode "citat=något som inte står där"
check "a passage that is not in the answer is refused, nothing stored" \
	eval 'status_is 422 && body_has "finns inte ordagrant" && [ "$(sql "SELECT count(*) FROM tags")" = 2 ]'
check "…on the section page again, beside the passage in that answer's tag form, what was typed kept" \
	eval 'body_has "<h1>3.3 Tröskelprincipen</h1>" && grep -qE "<a href=\"#citat-t$halmstad-[0-9]+\">Det markerade stycket finns inte ordagrant" "$T/body" && grep -qE "<textarea id=\"citat-t$halmstad-[0-9]+\" name=\"citat\" rows=\"2\" class=\"js-quote\" aria-invalid=\"true\" aria-describedby=\"citat-t$halmstad-[0-9]+-fel\">något som inte står där</textarea>" "$T/body" && grep -qE "<option value=\"$t_fin\" selected=\"selected\">" "$T/body" && body_has "Logga ut</button>"'
req "$G" POST "/remisser/$SLUG/granskning/tagga" "${target[@]}" --data-urlencode "tema=$t_fin" \
	--data-urlencode "falt=kommentar" --data-urlencode "citat=bedömningen dokumenteras" --data-urlencode "start=abc"
check "a passage whose position is not a number is refused (400), not taken as position 0" \
	eval 'status_is 400 && body_has "Formuläret är ofullständigt" && [ "$(sql "SELECT count(*) FROM tags")" = 2 ]'
req "$G" POST "/remisser/$SLUG/granskning/tagga" "${target[@]/version=$ver/version=1}" --data-urlencode "tema=$t_fin"
check "a form from before a newer version arrived is refused (409)" eval 'status_is 409 && [ "$(sql "SELECT count(*) FROM tags")" = 2 ]'
req "$G" GET "/remisser/$SLUG/granskning/avsnitt/3.3"
check "the tagged passage is highlighted in the answer, with its theme" \
	grep -qE '<mark title="Tema: Tr(ö|&#xF6;)skelprincipen">gemensamma bedömningskriterier</mark>' "$T/body"
check "the tags are listed with who made them and a remove button" \
	eval 'body_has "Ta bort taggen Tröskelprincipen" && body_has "Gunnel Granskare"'
check "the page carries the selection script as a file (no inline script)" \
	eval 'body_has "<script src=\"/static/review.js\" defer=\"defer\"></script>" && ! grep -q "<script>" "$T/body"'
req "$G" GET "/remisser/$SLUG/granskning?tema=$t_trosk"
check "the matrix filtered by theme shows the tagged cell and its tag count" \
	eval 'status_is 200 && body_has "2 taggar." && [ "$(grep -o "class=\"pos pos-" "$T/body" | wc -l)" = 1 ]'

# --- annotations ----------------------------------------------------------------------
req "$G" POST "/remisser/$SLUG/granskning/anteckna" "${target[@]}" --data-urlencode "text=Ta upp på dialogmötet." \
	--data-urlencode "falt=kommentar" --data-urlencode "citat=bedömningen dokumenteras"
note=$(sql "SELECT id FROM annotations WHERE parent_id IS NULL")
check "an annotation on a passage is stored" eval 'status_is 303 && [ -n "$note" ] && [ "$(sql "SELECT quote FROM annotations WHERE id = $note")" = "bedömningen dokumenteras" ]'
req "$F" GET "/remisser/$SLUG/granskning"
fcsrf=$(form_csrf)
post_form "$F" "/remisser/$SLUG/granskning/anteckna" "$fcsrf" "trad=$note" \
	"text=Jag bokar in det."
check "the förvaltning replies in the thread" eval 'status_is 303 && [ "$(sql "SELECT count(*) FROM annotations WHERE parent_id = $note")" = 1 ]'
req "$G" POST "/remisser/$SLUG/granskning/anteckna" "${target[@]}" --data-urlencode "text=   "
check "an empty annotation is refused" eval 'status_is 422 && [ "$(sql "SELECT count(*) FROM annotations")" = 2 ]'
req "$G" POST "/remisser/$SLUG/granskning/anteckna" "${target[@]}" --data-urlencode "trad=$note" --data-urlencode "text= "
check "an empty reply comes back beside the reply field of its thread" \
	eval 'status_is 422 && body_has "<p class=\"field-error\" id=\"svar-till-$note-fel\">Skriv en anteckning först.</p>" && body_has "<a href=\"#svar-till-$note\">" && [ "$(sql "SELECT count(*) FROM annotations")" = 2 ]'
req "$G" POST "/remisser/$SLUG/granskning/anteckna" "${target[@]}" --data-urlencode "text=   "
check "…beside the note's field on the section page, its form open" \
	eval 'grep -qE "<details class=\"new-note\" open=\"open\">" "$T/body" && grep -qE "<p class=\"field-error\" id=\"anteckning-ny-$halmstad-[0-9]+-fel\">Skriv en anteckning först.</p>" "$T/body" && grep -qE "<a href=\"#anteckning-ny-$halmstad-[0-9]+\">" "$T/body"'
req "$G" GET "/remisser/$SLUG/anteckningar"
check "the open annotations list shows the thread with its reply count" \
	eval 'status_is 200 && body_has "Ta upp på dialogmötet." && body_has "Halmstads kommun" && body_has "#anteckning-'"$note"'"'
post_form "$G" "/remisser/$SLUG/granskning/anteckning/$note/status" "$csrf" "status=lost"
check "a thread is resolved, with who and when" eval 'status_is 303 && [ "$(sql "SELECT resolved_by IS NOT NULL AND resolved_at IS NOT NULL FROM annotations WHERE id = $note")" = t ]'
req "$G" GET "/remisser/$SLUG/anteckningar"
check "a resolved thread leaves the open list" body_has "Det finns inga olösta anteckningar."
req "$G" GET "/remisser/$SLUG/granskning/avsnitt/3.3"
check "the section view shows the thread as resolved, by whom" eval 'body_has "Löst av Gunnel Granskare" && body_has "Jag bokar in det."'
post_form "$G" "/remisser/$SLUG/granskning/anteckning/$note/status" "$csrf" "status=oppen"
check "…and it can be reopened" eval 'status_is 303 && [ "$(sql "SELECT resolved_at IS NULL FROM annotations WHERE id = $note")" = t ]'

# --- read marks and progress -----------------------------------------------------------
req "$G" POST "/remisser/$SLUG/granskning/last" "${target[@]}" --data-urlencode "last=ja"
check "an answer is marked read" eval 'status_is 303 && [ "$(sql "SELECT count(*) FROM answer_reads")" = 1 ]'
req "$G" GET "/remisser/$SLUG/granskning/avsnitt/3.3"
check "the section view says who has read it" eval 'body_has "Läst av Gunnel Granskare." && body_has "Markera som oläst"'
req "$G" GET "/remisser/$SLUG/granskning?avsnitt=3.3"
check "the matrix shows the progress of the section and the reader's own mark" eval 'body_has ">1 av " && body_has "Läst av dig."'
check "…and per section how many answers are read, tagged and annotated, and by whom" \
	eval 'body_has "Hur långt granskningen har kommit" && grep -qE "<td>1</td><td>[1-9][0-9]*</td><td>1</td><td>Gunnel Granskare</td>" <(tr -d "\n" <"$T/body")'

# --- search -----------------------------------------------------------------------------
req "$G" GET "/remisser/$SLUG/sok?q=kommunerna"
check "search stems Swedish: kommunerna finds Kommunen, highlighted and ranked" \
	eval 'status_is 200 && body_has "<mark>Kommunen</mark>" && body_has "träffar, bäst först"'
req "$G" GET "/remisser/$SLUG/sok?q=kommunerna&stallning=avstyrker"
check "search combines with a position filter" eval 'status_is 200 && body_has "Ersättningen bygger på 2021" && body_lacks "VISAM-modellen fungerar väl"'
req "$G" GET "/remisser/$SLUG/sok?q=%22gemensamma+bed%C3%B6mningskriterier%22+-Halmstad"
check "a quoted phrase search works and odd input is no error" status_is 200

# --- analysis: key terms, suggested groups, near-duplicates ------------------------------
req "$G" GET "/remisser/$SLUG/analys?avsnitt=3.3"
first=$(md5sum <"$T/body")
check "the analysis page shows the section's key terms and suggested groups" \
	eval 'status_is 200 && body_has "<h2>Nyckeltermer</h2>" && body_has "tröskelprincipen" && body_has "Grupp 1: "'
req "$G" GET "/remisser/$SLUG/analys?avsnitt=3.3"
check "the same answers give the same groups (deterministic)" eval '[ "$(md5sum <"$T/body")" = "$first" ]'
ids=$(grep -oE 'name="svar" value="[0-9,]+"' "$T/body" | head -1 | grep -oE '[0-9,]+')
gname=$(grep -oE 'name="namn" value="[^"]*"' "$T/body" | head -1 | sed -E 's/.*value="([^"]*)"/\1/')
post_form "$G" "/remisser/$SLUG/analys/tema" "$csrf" "avsnitt=3.3" \
	"svar=$ids" "namn=Grupp ur analysen"
n=$(tr ',' '\n' <<<"$ids" | grep -c .)
check "a suggested group becomes a theme with its $n answers tagged, in one action" \
	eval 'status_is 303 && [ "$(sql "SELECT count(*) FROM tags t JOIN themes th ON th.id = t.theme_id WHERE th.name = '"'"'Grupp ur analysen'"'"' AND t.quote IS NULL")" = "$n" ] && [ -n "$gname" ]'
post_form "$G" "/remisser/$SLUG/analys/tema" "$csrf" "avsnitt=3.3" \
	"svar=$ids" "namn=Grupp ur analysen"
check "a group named like an existing theme comes back on the analysis page, beside its name field" \
	eval 'status_is 422 && body_has "<h1>Analys: 3.3 Tröskelprincipen</h1>" && body_has "aria-describedby=\"grupp-1-namn-fel\"" && body_has "Det finns redan ett tema med det namnet." && body_has "value=\"Grupp ur analysen\"" && body_has "Logga ut</button>"'
post_form "$G" "/remisser/$SLUG/analys/tema" "$csrf" "avsnitt=3.3" \
	"svar=$ids" "namn= "
check "a group without a name is refused there too" eval 'status_is 422 && body_has "Ge temat ett namn på en rad." && body_has "href=\"#grupp-1-namn\""'
req "$G" GET "/remisser/$SLUG/analys?avsnitt=3.3"
check "each theme shows the answers that best represent it" body_has "Teman: de svar som bäst står för temat"
req "$G" GET "/remisser/$SLUG/dubbletter"
check "the campaign letter is found as a near-duplicate with the shared passage marked" \
	eval 'status_is 200 && body_has "nästan likadana svar" && body_has "Varbergs kommun, avsnitt 3.3" && body_has "Halmstads kommun, avsnitt 3.3" && grep -q "<mark>Tröskelprincipen tolkas i dag olika" "$T/body"'

# --- merging and deleting themes -------------------------------------------------------------
post_form "$G" "/remisser/$SLUG/teman/$t_fin/sla-ihop" "$csrf" "med=$t_ers"
check "merging a theme with sub-themes into a sub-theme comes back on the themes page, beside the choice" \
	eval 'status_is 422 && body_has "<h1>Teman</h1>" && body_has "<p class=\"field-error\" id=\"med-$t_fin-fel\">Det går inte: ett undertema" && body_has "aria-describedby=\"med-$t_fin-fel\"" && body_has "href=\"#med-$t_fin\"" && [ "$(sql "SELECT count(*) FROM themes WHERE id = $t_fin")" = 1 ]'
req "$G" POST "/remisser/$SLUG/granskning/tagga" "${target[@]}" --data-urlencode "tema=$t_ers"
post_form "$G" "/remisser/$SLUG/teman/$t_ers/sla-ihop" "$csrf" "med=$t_trosk"
check "merging a theme moves its tags (a duplicate whole-answer tag is dropped) and removes it" \
	eval 'status_is 303 && [ "$(sql "SELECT count(*) FROM themes WHERE id = $t_ers")" = 0 ] && [ "$(sql "SELECT count(*) FROM tags WHERE theme_id = $t_trosk")" = 2 ]'
req "$G" POST "/remisser/$SLUG/granskning/tagga" "${target[@]}" --data-urlencode "tema=$t_komp" \
	--data-urlencode "falt=kommentar" --data-urlencode "citat=Kommunen föreslår"
post_form "$G" "/remisser/$SLUG/teman/$t_komp/ta-bort" "$csrf" "taggar=flytta" "till="
check "deleting a theme to move its tags, with no theme to move them to, is a 400: theme and tags stay" \
	eval 'status_is 400 && body_has "Välj vad som ska hända med temats taggar." && [ "$(sql "SELECT count(*) FROM tags WHERE theme_id = $t_komp AND quote = '"'"'Kommunen föreslår'"'"'")" = 1 ]'
post_form "$G" "/remisser/$SLUG/teman/$t_komp/ta-bort" "$csrf" "taggar=flytta" \
	"till=$t_fin"
check "deleting a theme can move its tags to another" \
	eval 'status_is 303 && [ "$(sql "SELECT count(*) FROM tags WHERE theme_id = $t_fin AND quote = '"'"'Kommunen föreslår'"'"'")" = 1 ]'
post_form "$G" "/remisser/$SLUG/teman/$t_fin/ta-bort" "$csrf" "taggar=ta-bort"
check "…or let them go with it" eval 'status_is 303 && [ "$(sql "SELECT count(*) FROM tags WHERE quote = '"'"'Kommunen föreslår'"'"'")" = 0 ]'
tag=$(sql "SELECT id FROM tags WHERE quote IS NOT NULL LIMIT 1")
post_form "$G" "/remisser/$SLUG/granskning/tagg/$tag/ta-bort" "$csrf" \
	"tillbaka=/remisser/$SLUG/granskning/avsnitt/3.3"
check "a single tag is removed" eval 'status_is 303 && [ "$(sql "SELECT count(*) FROM tags WHERE id = $tag")" = 0 ]'
check "every change is in the audit log" \
	eval '[ "$(sql "SELECT count(DISTINCT action) FROM audit_log WHERE action IN ('"'"'theme.create'"'"','"'"'theme.update'"'"','"'"'theme.merge'"'"','"'"'theme.delete'"'"','"'"'tag.add'"'"','"'"'tag.remove'"'"','"'"'annotation.add'"'"','"'"'annotation.reply'"'"','"'"'annotation.resolve'"'"','"'"'annotation.reopen'"'"')")" = 10 ]'

# --- a granskare can never change a response ---------------------------------------------------
post_form "$G" "/remisser/$SLUG/svar" "$csrf" action=spara \
	"stallningstagande=avstyrker"
check "a granskare cannot save a response (403)" status_is 403
req "$G" POST "/api/v1/remisser/$SLUG/remissvar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/xml' \
	--data-binary @"$(dirname "$0")/../xml/example-remissvar.xml"
check "a granskare cannot upload a response (403)" status_is 403
check "nothing the review did changed a stored response or answer" \
	eval '[ "$(fingerprint)" = "$versions_before" ] && [ "$(sql "SELECT md5(string_agg(a::text, '"'"','"'"' ORDER BY a.id)) FROM answers a")" = "$answers_before" ]'

finish
