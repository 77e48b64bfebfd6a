#!/usr/bin/env bash
# tests/integration/review_cache.sh BUILD-DIR BASE-URL TMPDIR: the review matrix's page cache
# (src/handlers/review/review_matrix.c, docs/architecture.md "The review matrix cache"). A cached page is
# byte-identical to the rendered one; after every kind of change the matrix shows (theme created and
# renamed, tag, annotation and its resolution, read mark, a response imported on the command line
# and one uploaded through the API) every worker's next page shows it at once; two granskare never
# see each other's page (own header and CSRF token, own read marks, own filters). Builds its own
# remiss (remissctl remiss import) before any page of it is seen; its responses are imported, never
# made in SQL. Needs REMISS_DB. Prints "ok N - name" lines.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: review_cache.sh BUILD-DIR BASE-URL TMPDIR}
BASE=${2:?usage}
T=${3:?usage}
SLUG=cache-granskning
PW=cache-losenord-123
mkdir -p "$T"
# ROUNDS GETs of the matrix as JAR (QUERY appended), more than there are workers, so that
# every worker that kept the page is asked; each body in $T/page.N, the cache header's values
# in $T/cachehdr. Fails on any status but 200.
ROUNDS=6
pages() { # pages JAR [QUERY]
	local i
	: >"$T/cachehdr"
	for i in $(seq 1 $ROUNDS); do
		req "$1" GET "/remisser/$SLUG/granskning${2:-}"
		[ "$STATUS" = 200 ] || { echo "#   status $STATUS: $(head -c 300 "$T/body")"; return 1; }
		cp "$T/body" "$T/page.$i"
		grep -i '^X-Remiss-Cache:' "$T/h" | sed 's/.*: *//' >>"$T/cachehdr"
	done
}
all_have() { # every page of the last pages() has TEXT
	local i
	for i in $(seq 1 $ROUNDS); do
		grep -qF -- "$1" "$T/page.$i" || { echo "#   page $i lacks: $1 ($(sed -n "${i}p" "$T/cachehdr"))"; return 1; }
	done
}
none_has() {
	local i
	for i in $(seq 1 $ROUNDS); do
		! grep -qF -- "$1" "$T/page.$i" || { echo "#   page $i has: $1 ($(sed -n "${i}p" "$T/cachehdr"))"; return 1; }
	done
}
all_same() { local i; for i in $(seq 2 $ROUNDS); do cmp -s "$T/page.1" "$T/page.$i" || { echo "#   page $i differs from page 1"; return 1; }; done; }
hits() { grep -c '^hit' "$T/cachehdr"; }

new_remiss "$SLUG" "Cachad sammanställning" 2 "kommun:Cachekommun A" "kommun:Cachekommun B" "kommun:Cachekommun C"
# Kommun A's response goes through remissctl like any import, so it has its receipt and audit
# row and `remissctl verify` in later suites still passes.
cat >"$T/svar-a.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<remissvar xmlns="urn:remissvar:1" remiss="cache-granskning">
  <remissinstans typ="kommun">Cachekommun A</remissinstans>
  <kontakt namn="Anna Cache" epost="anna@cachekommun.example"/>
  <stallningstagande>tillstyrker</stallningstagande>
  <svar avsnitt="1">
    <stallningstagande>tillstyrker</stallningstagande>
    <kommentar>Kommun A instämmer i avsnitt 1.</kommentar>
  </svar>
  <svar avsnitt="2">
    <stallningstagande>tillstyrker</stallningstagande>
    <kommentar>Kommun A instämmer i avsnitt 2.</kommentar>
  </svar>
</remissvar>
XML
import_response "$T/svar-a.xml"
add_user cache.ett@regionhalland.example granskare "Granskare ett"
add_user cache.tva@regionhalland.example granskare "Granskare tva"
G1=$T/g1 G2=$T/g2
login "$G1" cache.ett@regionhalland.example
login "$G2" cache.tva@regionhalland.example
req "$G1" GET "/remisser/$SLUG/teman"
csrf1=$(form_csrf)
req "$G2" GET "/remisser/$SLUG/teman"
csrf2=$(form_csrf)

# --- a cached page is the rendered page ----------------------------------------------------
pages "$G1"
check "the matrix is served from the cache after the first rendering" \
	eval '[ "$(hits)" -ge 1 ] && grep -q "^miss" "$T/cachehdr" || { echo "#   cache headers: $(paste -sd" " "$T/cachehdr")"; false; }'
check "a cached page is byte-identical to the rendered one (same reader)" all_same
check "…and shows the remiss's data" eval 'all_have "Kommun A instämmer i avsnitt 1." && all_have "Sammanställning: Cachad sammanställning"'
for q in '?sida=abc' '?stallning=avstyrker' '?avsnitt=2&q=inst%C3%A4mmer'; do
	pages "$G1" "$q"
	check "a filtered page ($q) is cached and identical when served from the cache" \
		eval '[ "$(hits)" -ge 1 ] && all_same'
done
pages "$G1" '?stallning=avstyrker'
check "filters are part of the key: an avstyrker filter does not get the unfiltered page" \
	eval 'none_has "Kommun A instämmer" && all_have "Filtret visar 0 av"'

# --- two readers ------------------------------------------------------------------------------
pages "$G1"
cp "$T/page.1" "$T/g1.page"
pages "$G2"
check "another granskare's page has their own header and CSRF token, not the first one's" \
	eval 'all_have "cache.tva@regionhalland.example" && none_has "cache.ett@regionhalland.example" && all_have "value=\"$csrf2\"" && none_has "value=\"$csrf1\""'
check "apart from the header the two readers' pages are the same (nothing read yet)" \
	eval 'cmp -s <(sed -e "s/$csrf2/CSRF/g" -e "s/cache\.tva/USER/g" "$T/page.1") <(sed -e "s/$csrf1/CSRF/g" -e "s/cache\.ett/USER/g" "$T/g1.page")'

# --- every kind of change shows at once ---------------------------------------------------------
answer_form "Cachekommun A" 1
resp=$ANSWER_RESPONSE
target=(--data-urlencode "csrf=$csrf1" "${ANSWER[@]}" --data-urlencode "tillbaka=/remisser/$SLUG/granskning")

pages "$G1"
post_form "$G1" "/remisser/$SLUG/teman" "$csrf1" "namn=Cacheteman"
theme=$(sql "SELECT th.id FROM themes th JOIN remiss r ON r.id = th.remiss_id WHERE r.slug = '$SLUG' AND th.name = 'Cacheteman'")
pages "$G1"
check "a new theme is in the matrix's theme filter at once" eval '[ -n "$theme" ] && all_have ">Cacheteman</option>"'
post_form "$G1" "/remisser/$SLUG/teman/$theme" "$csrf1" "namn=Omdöpt cachetema"
pages "$G1"
check "a renamed theme shows its new name at once" eval 'all_have ">Omdöpt cachetema</option>" && none_has ">Cacheteman</option>"'
req "$G1" POST "/remisser/$SLUG/granskning/tagga" "${target[@]}" --data-urlencode "tema=$theme"
pages "$G1"
check "a tag shows in the cell at once" eval '[ "$STATUS" = 200 ] && all_have "1 tagg."'
pages "$G2"
check "…for the other granskare too" all_have "1 tagg."
req "$G1" POST "/remisser/$SLUG/granskning/anteckna" "${target[@]}" --data-urlencode "text=Fråga kommunen."
note=$(sql "SELECT a.id FROM annotations a JOIN responses resp ON resp.id = a.response_id WHERE resp.id = $resp AND a.parent_id IS NULL")
pages "$G1"
check "an annotation shows as open in the cell at once" eval '[ -n "$note" ] && all_have "1 öppen anteckning."'
post_form "$G1" "/remisser/$SLUG/granskning/anteckning/$note/status" "$csrf1" "status=lost"
pages "$G1"
check "a resolved annotation is no longer counted as open, at once" none_has "öppen anteckning"
pages "$G2"
req "$G1" POST "/remisser/$SLUG/granskning/last" "${target[@]}" --data-urlencode "last=ja"
pages "$G1"
check "a read mark shows at once to the reader who made it" eval 'all_have "Läst av dig." && all_have "<td>Granskare ett</td>"'
pages "$G2"
check "…and the other granskare sees the progress but not 'Läst av dig.'" \
	eval 'none_has "Läst av dig." && all_have "<td>Granskare ett</td>"'
cat >"$T/svar.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<remissvar xmlns="urn:remissvar:1" remiss="cache-granskning">
  <remissinstans typ="kommun">Cachekommun B</remissinstans>
  <kontakt namn="Bodil Cache" epost="bodil@cachekommun.example"/>
  <stallningstagande>avstyrker</stallningstagande>
  <svar avsnitt="1">
    <stallningstagande>avstyrker</stallningstagande>
    <kommentar>Kommun B avstyrker: kostnaderna för sjötransporter saknas.</kommentar>
  </svar>
</remissvar>
XML
pages "$G1"
import_response "$T/svar.xml"
pages "$G1"
check "a response imported with remissctl shows at once" all_have "Kommun B avstyrker: kostnaderna"
token=$("$BUILD/remissctl" token create --org "Cachekommun C" --label cache-test 2>/dev/null)
sed -e 's/Cachekommun B/Cachekommun C/' -e 's/Bodil/Cecilia/' -e 's/bodil/cecilia/' \
	-e 's/Kommun B avstyrker: kostnaderna för sjötransporter saknas./Kommun C tillstyrker med glädje./' \
	-e 's/<stallningstagande>avstyrker/<stallningstagande>tillstyrker/g' "$T/svar.xml" >"$T/svar-c.xml"
REQ_ACCEPT= req - POST "/api/v1/remisser/$SLUG/remissvar" -H "Authorization: Bearer $token" \
	-H 'Content-Type: application/xml' -H "Idempotency-Key: cache-$$-$RANDOM" --data-binary @"$T/svar-c.xml"
check "the API accepts an upload (precondition)" eval '[ "$STATUS" = 201 ] || [ "$STATUS" = 200 ] || { echo "#   status $STATUS: $(body_glimpse)"; false; }'
pages "$G1"
check "a response uploaded through the API shows at once" all_have "Kommun C tillstyrker med glädje."
pages "$G1" '?stallning=tillstyrker'
check "…also on a filtered page that was cached before" all_have "Kommun C tillstyrker med glädje."

finish
