#!/usr/bin/env bash
# tests/integration/review_paging.sh BUILD-DIR BASE-URL TMPDIR: the review matrix of a remiss with
# more organisations than fit one page: pages of 20 organisations with Föregående/Nästa links that
# keep the filters, counts per section over every organisation on each page, odd page numbers, and
# that a new submit shows up at once in the matrix and in the analysis. Builds its own remiss (48
# organisations x 3 sections) with remissctl remiss import. Needs REMISS_DB. Prints "ok N - name"
# lines and a summary.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: review_paging.sh BUILD-DIR BASE-URL TMPDIR}
BASE=${2:?usage}
T=${3:?usage}
SLUG=sidor-granskning
mkdir -p "$T"
page() { req - GET "$1" -H "Authorization: Bearer $TOKEN"; }	# page PATH: as the granskare
# The organisation columns of the matrix (not the progress table's headings).
columns() { sed 's/id="h-framsteg".*//' "$T/body" | grep -o '<th scope="col">[^<]*</th>' | sed 1d | wc -l; }
# The pager's markup.
pager_nav() { tr -d '\n' <"$T/body" | sed -n 's|.*\(<nav class="pager"\)|\1|p' | sed 's|</nav>.*|</nav>|'; }
# The five counts of section row NR ("Tillstyrker … Ej besvarat"), space-separated.
counts() {
	tr -d '\n' <"$T/body" | grep -oE "granskning/avsnitt/$1\">[^<]*</a></th>.*" | sed 's|</tr>.*||' |
		grep -oE '<td class="count">[0-9]+</td>' | grep -oE '[0-9]+' | head -5 | paste -sd' '
}

# 45 kommuner and 3 regioner invited; the first 40 kommuner answered: 1 tillstyrker, 2 avstyrker.
orgs=()
for i in $(seq -w 1 45); do orgs+=("kommun:Sidkommun $i"); done
for i in 1 2 3; do orgs+=("region:Sidregion $i"); done
new_remiss "$SLUG" "Sidindelad sammanställning" 3 "${orgs[@]}"
# The 40 answers go through remissctl response import, like any received remissvar, so that
# receipts, checksums and audit rows are real (backup.sh's remissctl verify runs later).
for i in $(seq -w 1 40); do
	cat >"$T/svar.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<remissvar xmlns="urn:remissvar:1" remiss="$SLUG">
  <remissinstans typ="kommun">Sidkommun $i</remissinstans>
  <kontakt namn="Test Testsson" epost="t@example.se"/>
  <stallningstagande>tillstyrker</stallningstagande>
  <svar avsnitt="1">
    <stallningstagande>tillstyrker</stallningstagande>
    <kommentar>Kommunen anser att avsnitt 1 behöver förtydligas om ansvar och kostnader.</kommentar>
  </svar>
  <svar avsnitt="2">
    <stallningstagande>avstyrker</stallningstagande>
    <kommentar>Kommunen anser att avsnitt 2 behöver förtydligas om ansvar och kostnader.</kommentar>
  </svar>
</remissvar>
XML
	import_response "$T/svar.xml"
done
PW=sidor-losenord-123 add_user sidor.granskare@regionhalland.example granskare "Sidor Granskare"
TOKEN=$("$BUILD/remissctl" token create --user sidor.granskare@regionhalland.example 2>/dev/null)

page "/remisser/$SLUG/granskning"
check "a remiss of 48 organisations shows the first 20 as columns, in order" \
	eval 'status_is 200 && [ "$(columns)" = 20 ] && body_has ">Sidkommun 01</th>" && body_has ">Sidkommun 20</th>" && body_lacks ">Sidkommun 21</th>" || { echo "#   columns: $(columns)"; false; }'
check "the page says which organisations it shows" body_has "Remissinstans 1–20 av 48 (sida 1 av 3)."
check "a pager: page 1 is the current one, Nästa leads on, no Föregående on the first page" \
	eval 'body_has "<nav class=\"pager\" aria-label=\"Sidor i sammanst" && body_has "href=\"/remisser/'"$SLUG"'/granskning?sida=1\" aria-label=\"Sida 1\" aria-current=\"page\">1</a>" && body_has "href=\"/remisser/'"$SLUG"'/granskning?sida=2\" rel=\"next\">Nästa</a>" && body_lacks "Föregående"'
check "the pager is plain links (no tabindex), reachable with the keyboard" \
	eval '[ "$(pager_nav | grep -o "<a href=" | wc -l)" = 4 ] && [ "$(pager_nav | grep -c tabindex)" = 0 ]'
check "counts per section cover all 48 organisations, not only the page (40 tillstyrker, 8 unanswered)" \
	eval '[ "$(counts 1)" = "40 0 0 0 8" ] && [ "$(counts 3)" = "0 0 0 0 48" ] || { echo "#   counts: $(counts 1) / $(counts 3)"; false; }'
page "/remisser/$SLUG/granskning?sida=3"
check "the last page holds the rest, with Föregående and no Nästa" \
	eval 'status_is 200 && [ "$(columns)" = 8 ] && body_has ">Sidregion 3</th>" && body_has "Remissinstans 41–48 av 48 (sida 3 av 3)." && body_has "rel=\"prev\">Föregående</a>" && body_lacks "rel=\"next\"" && body_has "aria-label=\"Sida 3\" aria-current=\"page\""'
check "…and the same counts per section" eval '[ "$(counts 1)" = "40 0 0 0 8" ] || { echo "#   counts: $(counts 1)"; false; }'
page "/remisser/$SLUG/granskning?typ=kommun&stallning=tillstyrker&q=f%C3%B6rtydligas&sida=2"
check "filters are kept in the pager's links (kind, position, free text in UTF-8)" \
	eval 'status_is 200 && body_has "Remissinstans 21–40 av 45 (sida 2 av 3)." && body_has "href=\"/remisser/'"$SLUG"'/granskning?stallning=tillstyrker&amp;typ=kommun&amp;q=f%C3%B6rtydligas&amp;sida=3\" rel=\"next\">Nästa</a>" && body_has "q=f%C3%B6rtydligas&amp;sida=1\" rel=\"prev\">Föregående</a>"'
check "a filtered page counts over every organisation of the kind (45 kommuner: 5 unanswered)" \
	eval '[ "$(counts 1)" = "40 0 0 0 5" ] && body_has "Filtret visar 20 av 40 svar på avsnitten från remissinstanserna på den här sidan." || { echo "#   counts: $(counts 1)"; false; }'
for bad in abc 0 -1 2.5 99999999999999999999 '' '1&sida=2'; do
	page "/remisser/$SLUG/granskning?sida=$bad"
	check "an odd page number ($bad) shows the first page, no error" \
		eval 'status_is 200 && body_has "(sida 1 av 3)."'
done
page "/remisser/$SLUG/granskning?sida=%00"
check "a NUL in the query is refused with a message (400), not a crash" status_is 400
page "/remisser/$SLUG/granskning?sida=4"
check "a page past the end shows the last page" eval 'status_is 200 && body_has "(sida 3 av 3)."'
page "/remisser/ok-hemsjukvard-2025/granskning"
check "a remiss of few organisations has no pager" eval 'status_is 200 && body_lacks "class=\"pager\"" && body_lacks "Remissinstans 1–"'

# --- a new submit is seen at once ------------------------------------------------------
page "/remisser/$SLUG/analys?avsnitt=1"
check "the analysis counts the 40 answers of section 1" body_has "40 svar med text på avsnittet."
page "/remisser/$SLUG/granskning?sida=3"
cat >"$T/svar.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<remissvar xmlns="urn:remissvar:1" remiss="sidor-granskning">
  <remissinstans typ="kommun">Sidkommun 41</remissinstans>
  <kontakt namn="Sigrid Sidén" epost="sigrid@sidkommun.example"/>
  <stallningstagande>avstyrker</stallningstagande>
  <svar avsnitt="1">
    <stallningstagande>avstyrker</stallningstagande>
    <kommentar>Sjöfartsverket och hamnarna i länet måste höras innan ansvaret fördelas.</kommentar>
  </svar>
</remissvar>
XML
import_response "$T/svar.xml"
page "/remisser/$SLUG/granskning?sida=3"
check "a new submit shows up at once in the matrix: its cell and the counts" \
	eval 'status_is 200 && body_has "Sjöfartsverket och hamnarna i länet" && [ "$(counts 1)" = "40 0 1 0 7" ] || { echo "#   counts: $(counts 1)"; false; }'
page "/remisser/$SLUG/analys?avsnitt=1"
check "…and in the analysis" eval 'status_is 200 && body_has "41 svar med text på avsnittet."'
page "/remisser/$SLUG/dubbletter"
check "the near-duplicate page finds the 40 generated answers of section 1 and not the new one" \
	eval 'status_is 200 && body_lacks "Sidkommun 41, avsnitt" && body_has "Sidkommun 01, avsnitt 1"'

finish
