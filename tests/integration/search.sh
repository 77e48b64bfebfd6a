#!/usr/bin/env bash
# tests/integration/search.sh BUILD-DIR BASE-URL TMPDIR: search (/remisser/{slug}/sok) and the
# matrix's text filter find words inside Swedish compounds. On the demo remiss "läkare" and
# "läkar" find every answer that has a word with "läkar" in it (läkarmedverkan, läkarinsatser,
# distriktsläkare), "medverkan" the answers with "läkarmedverkan", and "-word" and inflections
# still work; what is expected is read from the database with a plain substring match, so the
# suites before this one may change the demo answers. On a remiss of its own, imported here:
# the answer that says "läkare" itself comes before the compounds, which are highlighted
# whole, a phrase is still a phrase, "läkemedelsgenomgång" is not a hit for "läkare", and a hit
# whose text has markup in it is escaped around the highlight. Needs REMISS_DB and the demo
# data. Prints "ok N - name" lines and "N passed, N failed".
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: search.sh BUILD-DIR BASE-URL TMPDIR}
BASE=${2:?usage}
T=${3:?usage}
SLUG=ok-hemsjukvard-2025
PW=remissvar-demo
mkdir -p "$T"

add_user sixten.sok@regionhalland.example granskare "Sixten Sök"
G=$T/granskare
login "$G" sixten.sok@regionhalland.example

# search SLUG QUERY: the hits of the search page, one "organisation|section nr" a line in the
# page's order ('' for a summary), each checked to link to the organisation's answer.
search() {
	req "$G" GET "/remisser/$1/sok?q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$2")"
	[ "$STATUS" = 200 ] || { echo "#   search $2: status $STATUS" >&2; return 1; }
	python3 - "$T/body" <<'EOF'
import html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
hits = re.search(r'<ol class="hits">(.*?)</ol>', page, re.S)
for li in re.findall(r"<li>(.*?)</li>", hits.group(1) if hits else "", re.S):
    m = re.match(r'<p><strong>([^<]*)</strong> – <a href="/remisser/[^/]+/granskning/avsnitt/([^"#]+)(#svar-[0-9]+)?"', li)
    if m is None:
        print("?|?")
        continue
    nr = "" if m.group(2) == "helhet" else m.group(2)
    print(f"{html.unescape(m.group(1))}|{nr}" + ("" if m.group(3) else "|no link to the answer"))
EOF
}
# expected SLUG REGEX [cells]: "organisation|section nr" of every latest answer (to a section or
# one of its questions) and summary ('') of the remiss whose text matches REGEX, sorted. With
# "cells", only the matrix's cells: sections the organisation has answered, and no summaries.
expected() {
	local cells="AND true" summaries="UNION SELECT l.org || '|' FROM latest l WHERE l.summary ~* '$2'"
	[ "${3:-}" = cells ] && summaries="" cells="AND EXISTS (SELECT 1 FROM answers x
	    WHERE x.version_id = l.vid AND x.section_id = s.id)"
	sql "WITH latest AS (SELECT o.name AS org, v.id AS vid, v.summary
	    FROM responses r JOIN remiss m ON m.id = r.remiss_id JOIN organisations o ON o.id = r.org_id
	    JOIN LATERAL (SELECT id, summary FROM response_versions WHERE response_id = r.id
	        ORDER BY version DESC LIMIT 1) v ON true WHERE m.slug = '$1')
	  SELECT DISTINCT l.org || '|' || s.nr FROM latest l JOIN answers a ON a.version_id = l.vid
	    LEFT JOIN questions q ON q.id = a.question_id
	    JOIN sections s ON s.id = COALESCE(a.section_id, q.section_id)
	    WHERE concat_ws(' ', a.comment, a.proposed_wording, a.consequence_region,
	        a.consequence_kommun, a.short_term, a.long_term) ~* '$2' $cells
	  $summaries ORDER BY 1"
}
same_set() { # same_set NAME GOT WANT
	[ "$(sort <<<"$2")" = "$(sort <<<"$3")" ] && [ -n "$3" ] ||
		{ echo "#   $1: got [$(tr '\n' ';' <<<"$2")], expected [$(tr '\n' ';' <<<"$3")]"; return 1; }
}

# --- compounds on the demo remiss ----------------------------------------------------------
want=$(expected "$SLUG" 'läkar')
got=$(search "$SLUG" läkare)
check "\"läkare\" finds every answer and summary with a word containing \"läkar\" ($(wc -l <<<"$want")), each linked to the answer" \
	same_set läkare "$got" "$want"
check "the compounds are highlighted as whole words" grep -q "<mark>Läkarmedverkan</mark>" "$T/body"
check "\"läkar\" (a prefix) finds the same answers" same_set läkar "$(search "$SLUG" läkar)" "$want"
check "\"medverkan\" finds the answers that say \"läkarmedverkan\"" \
	same_set medverkan "$(search "$SLUG" medverkan)" "$(expected "$SLUG" 'medverkan')"
check "\"läkare -distriktsläkare\" leaves out the answers that say \"distriktsläkare\"" \
	same_set minus "$(search "$SLUG" 'läkare -distriktsläkare')" \
	"$(comm -23 <(expected "$SLUG" 'läkar') <(expected "$SLUG" 'distriktsläkare'))"
check "inflections still count: \"hemsjukvårdens\" finds \"hemsjukvården\" and \"kommunal hemsjukvård\"" \
	eval 'same_set inflection "$(search "$SLUG" hemsjukvårdens)" "$(expected "$SLUG" "hemsjukvård")"'

# --- the matrix's text filter --------------------------------------------------------------
req "$G" GET "/remisser/$SLUG/granskning?q=l%C3%A4kare"
cells=$(grep -oE "href=\"/remisser/$SLUG/granskning/avsnitt/[^\"#]+#svar-[0-9]+\"" "$T/body" |
	sed -E 's/.*avsnitt\/([^"#]+)#svar-([0-9]+)"/\2 \1/' | sort -u |
	while read -r org nr; do echo "$(sql "SELECT name FROM organisations WHERE id = $org")|$nr"; done)
check "the matrix filtered on \"läkare\" keeps exactly the cells whose answer has a word containing \"läkar\"" \
	same_set matrix "$cells" "$(expected "$SLUG" 'läkar' cells)"

# --- a remiss of its own: what must not be found, and markup in a hit -----------------------
# Organisations of its own too, so no later suite counting an organisation's versions (the
# API's receipts for Laholm) sees these.
OWN=sok-ordled-prov
cat >"$T/remiss.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<remiss xmlns="urn:remissvar:1" id="$OWN">
  <titel>Prov av sökning på ordled</titel>
  <avsandare>Region Halland</avsandare>
  <oppnar>2024-04-01</oppnar>
  <sista-svarsdag>2024-05-22</sista-svarsdag>
  <remissinstans typ="kommun">Ordleds kommun</remissinstans>
  <remissinstans typ="kommun">Sökprovs kommun</remissinstans>
  <remissinstans typ="kommun">Sammansatta kommun</remissinstans>
  <avsnitt nr="1" rubrik="Läkemedel">Läkemedel i hemmet.</avsnitt>
  <avsnitt nr="2" rubrik="Läkare">Läkare i hemmet.</avsnitt>
</remiss>
EOF
answer() { # answer ORG COMMENT-1 COMMENT-2
	cat <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<remissvar xmlns="urn:remissvar:1" remiss="$OWN">
  <remissinstans typ="kommun">$1</remissinstans>
  <kontakt namn="Prov" epost="prov@example.se"/>
  <stallningstagande>tillstyrker</stallningstagande>
  <svar avsnitt="1"><stallningstagande>tillstyrker</stallningstagande><kommentar>$2</kommentar></svar>
  <svar avsnitt="2"><stallningstagande>tillstyrker</stallningstagande><kommentar>$3</kommentar></svar>
</remissvar>
EOF
}
answer "Ordleds kommun" "En läkemedelsgenomgång varje år." \
	"Fler läkarbesök &amp; &quot;hembesök&quot; &lt;img src=x onerror=alert(1)&gt; i glesbygd." >"$T/a1.xml"
answer "Sökprovs kommun" "Läkemedel delas ut av sjuksköterskan." \
	"Kommunen vill ha en läkare på plats och läkarmedverkan dygnet runt." >"$T/a2.xml"
answer "Sammansatta kommun" "Inget om läkemedel." "Distriktsläkare saknas, och dygnet runt finns ingen läkarmedverkan." >"$T/a3.xml"
check "a remiss of its own with three answers is imported" \
	eval '"$BUILD/remissctl" remiss import --shift-to-today "$T/remiss.xml" >/dev/null &&
	      "$BUILD/remissctl" response import "$T/a1.xml" >/dev/null &&
	      "$BUILD/remissctl" response import "$T/a2.xml" >/dev/null &&
	      "$BUILD/remissctl" response import "$T/a3.xml" >/dev/null'
got=$(search "$OWN" läkare)
check "\"läkare\" finds \"läkarbesök\", \"läkarmedverkan\" and \"distriktsläkare\" but neither \"läkemedelsgenomgång\" nor \"läkemedel\"" \
	same_set own "$got" "$(printf '%s\n' "Ordleds kommun|2" "Sökprovs kommun|2" "Sammansatta kommun|2")"
check "the answer that says \"läkare\" itself comes first" \
	eval '[ "$(head -1 <<<"$got")" = "Sökprovs kommun|2" ] || { echo "#   first: $(head -1 <<<"$got")"; false; }'
check "the compounds are highlighted whole, and \"läkemedel\" is not" \
	eval 'grep -qF "<mark>läkarbesök</mark>" "$T/body" && grep -qF "<mark>Distriktsläkare</mark>" "$T/body" && grep -qF "<mark>läkarmedverkan</mark>" "$T/body" && grep -qF "<mark>läkare</mark>" "$T/body" && ! grep -qi "<mark>läkemedel" "$T/body"'
check "the hit is escaped around its highlight" \
	eval 'grep -qF "Fler <mark>läkarbesök</mark> &amp; &quot;hembesök&quot; &lt;img src=x onerror=alert(1)&gt; i glesbygd" "$T/body" && ! grep -q "<img" "$T/body" || { echo "#   $(grep -o "<p class=\"snippet\">.*" "$T/body" | head -c 400)"; false; }'
check "a phrase is still a phrase: \"läkarmedverkan dygnet runt\"" \
	same_set phrase "$(search "$OWN" '"läkarmedverkan dygnet runt"')" "Sökprovs kommun|2"
req "$G" GET "/remisser/$OWN/sok?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E+l%C3%A4kar"
check "a query with markup is escaped where the page repeats it" \
	eval '[ "$STATUS" = 200 ] && grep -qF "value=\"&lt;script&gt;alert(1)&lt;/script&gt; l&#xE4;kar\"" "$T/body" && ! grep -q "<script>alert" "$T/body"'

finish
