#!/usr/bin/env bash
# tests/integration/redaction.sh BUILD-DIR BASE-URL TMPDIR: redaction as public bodies need it
# (issue 16). A response with a name in every field and in an attachment's name is prepared on
# the preview before publishing: a passage that does not occur is refused with the reason, a
# CRLF passage hides the stored LF text, overlapping passages leave nothing between them, a
# name hidden everywhere is gone from every text and file name, a whole field, a withheld and
# a replaced attachment; the preview is exactly the public page; every public format (the page
# and each attachment download) shows nothing that is hidden; a withdrawn redaction shows its
# text again; a version that arrives after publishing is not public until published; a
# redaction that cannot be applied keeps the page away. Needs REMISS_DB and the demo data;
# leaves the demo remiss open and unpublished. Prints "ok N - name" and "N passed, N failed".
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: redaction.sh BUILD-DIR BASE-URL TMPDIR}
BASE=${2:?usage}
T=${3:?usage}
SLUG=ok-hemsjukvard-2025
PW=remissvar-demo
ORG="Kungsbacka kommun"
NAME="Nils Nilsson"
G1="21 kap. 1 § OSL"
G3="21 kap. 3 § OSL"
G7="21 kap. 7 § OSL"
mkdir -p "$T"

# The shown text of field KEY of the response with version V on the page in $T/body.
field() { python3 - "$T/body" "$1" "$2" <<'EOF'
import html, re, sys
body, version, key = open(sys.argv[1]).read(), sys.argv[2], sys.argv[3]
m = re.search(r'<section class="public-response"[^>]* data-version="%s">(.*?)</section>\s*(<aside|<section class="public-response"|<h2|</div>)' % version, body, re.S)
f = m and re.search(r'data-field="%s">([^<]*)<' % re.escape(key), m.group(1))
print(html.unescape(f.group(1)) if f else '')
EOF
}
# The public content of a page: the div.public-page without the preview's asides.
public_part() { python3 - "$1" <<'EOF'
import re, sys
s = open(sys.argv[1]).read()
start = s.index('<div class="public-page"')
depth, i = 0, start
for m in re.finditer(r'<(/?)div\b[^>]*>', s[start:]):
	depth += -1 if m.group(1) else 1
	if depth == 0:
		i = start + m.end()
		break
print(re.sub(r'<aside class="redact-tools".*?</aside>', '', s[start:i], flags=re.S))
EOF
}
# Character offset of passage P in text X (as static/redact.js counts).
offset() { python3 -c 'import sys; print(sys.argv[1].index(sys.argv[2]))' "$1" "$2"; }

F=$T/forvaltning K=$T/kommun
login "$F" forvaltning@regionhalland.example
login "$K" karin.karlsson@halmstad.example
req "$F" GET "/remisser/$SLUG/publicering"
csrf=$(form_csrf)
rid=$(sql "SELECT id FROM remiss WHERE slug = '$SLUG'")
redactions() { sql "SELECT count(*) FROM redactions"; }
redact() { req "$F" POST "/remisser/$SLUG/sekretess" --data-urlencode "csrf=$csrf" "$@"; }
preview() { req "$F" GET "/remisser/$SLUG/publicering/forhandsgranska"; }

# --- a response with the name in every field and in an attachment's name ----------------------
ANS1="Patienten bor på Storgatan 12 i Kungsbacka och får hjälp av $NAME varje dag."
SUMMARY="Kungsbacka kommun tillstyrker med ändringar.
Handläggare $NAME har lett arbetet.
Förslaget om tröskelprincipen bör förtydligas."
cat >"$T/svar.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<remissvar xmlns="urn:remissvar:1" remiss="$SLUG">
  <remissinstans typ="kommun">$ORG</remissinstans>
  <diarienummer>KS 2024/17 $NAME</diarienummer>
  <beslut instans="$NAME:s utskott" datum="2024-05-20"/>
  <kontakt namn="$NAME" epost="nils.nilsson@kungsbacka.example" telefon="0300-83 40 00"/>
  <stallningstagande>tillstyrker-med-andringar</stallningstagande>
  <sammanfattning>$SUMMARY</sammanfattning>
  <svar avsnitt="1">
    <stallningstagande>tillstyrker</stallningstagande>
    <kommentar>$ANS1</kommentar>
    <forslag-till-lydelse>Kontaktperson hos kommunen är $NAME.</forslag-till-lydelse>
  </svar>
  <svar fraga="q1">
    <konsekvens part="region">Regionen berörs, enligt $NAME.</konsekvens>
    <konsekvens part="kommun">Kommunen berörs, enligt $NAME.</konsekvens>
  </svar>
  <svar fraga="q4">
    <tidshorisont typ="kortsiktigt">Ring Nils
Nilsson.</tidshorisont>
    <tidshorisont typ="langsiktigt">Låt $NAME leda arbetet.</tidshorisont>
  </svar>
  <bilaga filnamn="intyg.txt" mediatyp="text/plain">$(b64 "Läkarintyg för $NAME.")</bilaga>
  <bilaga filnamn="protokoll $NAME.txt" mediatyp="text/plain">$(b64 "Protokoll från utskottet.")</bilaga>
  <bilaga filnamn="yttrande.txt" mediatyp="text/plain">$(b64 "Yttrande med personnummer 19500101-1234.")</bilaga>
</remissvar>
EOF
import_response "$T/svar.xml"
check "$ORG answers with the name in every field and in an attachment's name" \
	eval '[ "$(sql "SELECT count(*) FROM response_versions v JOIN responses r ON r.id = v.response_id
	    JOIN organisations o ON o.id = r.org_id WHERE r.remiss_id = $rid AND o.name = '"'"'$ORG'"'"'")" -ge 1 ]'
v1=$(version_of "$ORG")
s1=$(sql "SELECT id FROM sections WHERE remiss_id = $rid AND nr = '1'")
q1=$(sql "SELECT id FROM questions WHERE remiss_id = $rid AND qid = 'q1'")
q4=$(sql "SELECT id FROM questions WHERE remiss_id = $rid AND qid = 'q4'")
post_form "$F" "/remisser/$SLUG/status" "$csrf" status=stangd
check "the förvaltning closes the remiss" status_is 303

# --- the preview, before anything is public ---------------------------------------------------
preview
check "the preview shows the response as the page would be published, the name not yet hidden" \
	eval 'status_is 200 && body_has "data-version=\"$v1\"" && body_has "$NAME" && body_has "Ingenting här är offentligt ännu"'
check "the preview never shows the contact person's e-mail or phone" \
	eval 'status_is 200 && body_lacks "nils.nilsson@kungsbacka.example" && body_lacks "0300-83 40 00"'
req - GET "/publicerat/$SLUG"
check "nothing is public yet (404)" status_is 404
req "$K" GET "/remisser/$SLUG/publicering/forhandsgranska"
check "a kommun user may not see the preview (403)" status_is 403

# --- refusals: a redaction that would hide nothing is not registered -----------------------------
before=$(redactions)
redact --data-urlencode "version=$v1" --data-urlencode "stycke=Olle Olsson" \
	--data-urlencode falt=sammanfattning --data-urlencode "grund=$G1"
check "a passage that does not occur is refused with the reason, beside its form (422)" \
	eval 'status_is 422 && body_has "Stycket finns inte i fältet Sammanfattning i svaret från $ORG" &&
	      body_has "id=\"stycke-$v1-fel\"" && body_has "Olle Olsson</textarea>"'
REQ_ACCEPT=application/json req - POST "/remisser/$SLUG/sekretess" -b "$F" \
	--data-urlencode "csrf=$csrf" --data-urlencode "version=$v1" --data-urlencode "stycke=Olle Olsson" \
	--data-urlencode "grund=$G1"
check "the refusal in JSON has the Swedish and English titles" \
	eval 'status_is 422 && body_has "finns inte i svaret från $ORG" && body_has "does not occur"'
redact --data-urlencode "version=$v1" --data-urlencode "stycke=$NAME" --data-urlencode "grund=sekretess"
check "a legal ground without chapter and section is refused (422)" \
	eval 'status_is 422 && body_has "kapitel och paragraf"'
redact --data-urlencode "version=$v1" --data-urlencode "stycke=2024" \
	--data-urlencode falt=beslutsdatum --data-urlencode "grund=$G1"
check "a passage of the decision date is refused: a date is hidden whole (422)" \
	eval 'status_is 422 && body_has "Beslutsdatum döljs bara helt"'
redact --data-urlencode "version=$v1" --data-urlencode "falt_helt=avsnitt-$s1-langsiktigt" \
	--data-urlencode "grund=$G1"
check "a field the response does not have is refused (422)" status_is 422
check "none of the refusals was stored" eval '[ "$(redactions)" = "$before" ]'

# --- a passage typed in a textarea: CR LF against the stored LF ---------------------------------
redact --data-urlencode "version=$v1" --data-urlencode falt=sammanfattning \
	--data-urlencode "stycke=$(printf 'Handläggare %s har lett arbetet.\r\nFörslaget om' "$NAME")" \
	--data-urlencode "grund=$G1"
check "a CRLF passage is registered (303 to the preview)" \
	eval 'status_is 303 && header_matches "^Location: /remisser/$SLUG/publicering/forhandsgranska\?meddelande=sekretess"'
preview
summary=$(field "$v1" sammanfattning)
check "the CRLF passage hides the stored LF text" \
	eval '[ "$summary" = "$(printf "Kungsbacka kommun tillstyrker med ändringar.\n[Sekretess enligt %s] tröskelprincipen bör förtydligas." "$G1")" ] ||
	      { echo "#   shown: $summary"; false; }'

# --- overlapping passages selected in the text -------------------------------------------------
key="avsnitt-$s1-kommentar"
redact --data-urlencode "version=$v1" --data-urlencode "falt=$key" \
	--data-urlencode "stycke=bor på Storgatan 12" --data-urlencode "start=$(offset "$ANS1" "bor på")" \
	--data-urlencode "grund=$G3"
check "a passage selected in the text is anchored where it was selected (303)" \
	eval 'status_is 303 && [ "$(sql "SELECT start_char || '"'"'-'"'"' || end_char FROM redactions
	    WHERE version_id = $v1 AND field = '"'"'$key'"'"'")" = "10-29" ]'
redact --data-urlencode "version=$v1" --data-urlencode "falt=$key" \
	--data-urlencode "stycke=Storgatan 12 i Kungsbacka" --data-urlencode "start=$(offset "$ANS1" "Storgatan")" \
	--data-urlencode "grund=$G1"
check "an overlapping passage is registered (303)" status_is 303
preview
shown=$(field "$v1" "$key")
check "overlapping passages become one marker with both grounds, nothing of either left" \
	eval '[ "$shown" = "Patienten [Sekretess enligt $G3; $G1] och får hjälp av $NAME varje dag." ] ||
	      { echo "#   shown: $shown"; false; }'

# --- the name, everywhere ------------------------------------------------------------------------
redact --data-urlencode "version=$v1" --data-urlencode "stycke=$NAME" --data-urlencode "grund=$G1"
check "the name is hidden in every text of the response at once (303)" status_is 303
preview
public_part "$T/body" >"$T/shown"
check "the preview shows the name nowhere: no text, no file name, across a line break too" \
	eval '! grep -qF Nilsson "$T/shown" && [ "$(field "$v1" "fraga-$q4-kortsiktigt")" = "Ring [Sekretess enligt $G1]." ] &&
	      [ "$(field "$v1" beslutande_instans)" = "[Sekretess enligt $G1]:s utskott" ] &&
	      [ "$(field "$v1" diarienummer)" = "KS 2024/17 [Sekretess enligt $G1]" ] &&
	      [ "$(field "$v1" bilaga-2-namn)" = "protokoll [Sekretess enligt $G1].txt" ] &&
	      [ "$(field "$v1" "fraga-$q1-konsekvens_region")" = "Regionen berörs, enligt [Sekretess enligt $G1]." ]'

# --- a whole field, a withheld and a replaced attachment --------------------------------------
redact --data-urlencode "version=$v1" --data-urlencode "falt_helt=diarienummer" --data-urlencode "grund=$G7"
check "a whole field is hidden, one marker naming both grounds that cover it (303)" \
	eval 'status_is 303 && preview && [ "$(field "$v1" diarienummer)" = "[Sekretess enligt $G7; $G1]" ]'
redact --data-urlencode "version=$v1" --data-urlencode bilaga=1 --data-urlencode atgard=dolj \
	--data-urlencode "grund=$G1"
check "attachment 1 (the name in its content) is withheld (303)" status_is 303
redact --data-urlencode "version=$v1" --data-urlencode bilaga=1 --data-urlencode "grund=$G1"
check "an attachment that is redacted already is a 409" eval 'status_is 409 && body_has "har redan sekretess"'
printf 'not a pdf' >"$T/fake.pdf"
req "$F" POST "/remisser/$SLUG/sekretess" -F "csrf=$csrf" -F "version=$v1" -F bilaga=3 -F atgard=ersatt \
	-F "ersattning=@$T/fake.pdf;filename=yttrande-maskerat.pdf" -F "grund=$G1"
check "a copy whose content is not what its name says is refused (422)" \
	eval 'status_is 422 && body_has "Kopian kan inte användas"'
printf '%%PDF-1.4\n%% yttrande, personnummer maskerat\n%%%%EOF\n' >"$T/copy.pdf"
req "$F" POST "/remisser/$SLUG/sekretess" -F "csrf=$csrf" -F "version=$v1" -F bilaga=3 -F atgard=ersatt \
	-F "ersattning=@$T/copy.pdf;filename=yttrande-maskerat.pdf" -F "grund=$G1"
check "attachment 3 is replaced by a redacted copy (303), stored with its SHA-256" \
	eval 'status_is 303 && [ "$(sql "SELECT replacement_sha256 FROM redactions WHERE version_id = $v1
	    AND attachment_ord = 2")" = "$(sha256sum <"$T/copy.pdf" | cut -c1-64)" ]'
kinds=$(sql "SELECT string_agg((detail->>'kind') || ':' || (detail->>'legal_ground'), ',' ORDER BY id)
	FROM audit_log WHERE action = 'redaction.create' AND (detail->>'version')::bigint = $v1")
check "every redaction is in the audit log with its kind and legal ground" \
	eval '[ "$kinds" = "occurrences:$G1,passage:$G3,passage:$G1,occurrences:$G1,field:$G7,withheld:$G1,replaced:$G1" ] ||
	      { echo "#   $kinds"; false; }'

# --- publishing what the preview shows ---------------------------------------------------------
preview
versions=$(hidden versioner)
cp "$T/body" "$T/preview.html"
post_form "$F" "/remisser/$SLUG/publicera" "$csrf" "versioner=$versions"
check "the förvaltning publishes the versions it previewed (303)" \
	eval 'status_is 303 && [ -n "$versions" ] && [ "$(sql "SELECT count(*) FROM publication_versions WHERE remiss_id = $rid")" = \
	    "$(tr , "\n" <<<"$versions" | grep -c .)" ]'
req - GET "/publicerat/$SLUG"
cp "$T/body" "$T/public.html"
# Before publishing the preview can only say when it would be published.
undated() { public_part "$1" | sed 's/publicerades [^<]*</publicerades </'; }
check "the public page is exactly the preview, without the preview's forms" \
	eval 'status_is 200 && grep -q "public-response" "$T/preview.html" &&
	      [ "$(undated "$T/public.html")" = "$(undated "$T/preview.html")" ]'
req "$F" GET "/remisser/$SLUG/publicering/forhandsgranska"
check "once published, the preview's public part is the public page byte for byte" \
	eval 'status_is 200 && grep -q "redact-tools" "$T/body" &&
	      [ "$(public_part "$T/body")" = "$(public_part "$T/public.html")" ]'
req - GET "/publicerat/$SLUG"
check "the public page shows the name nowhere, nor the contact, nor the hidden passages" \
	eval 'body_lacks "Nilsson" && body_lacks "nils.nilsson@" && body_lacks "Storgatan" &&
	      body_lacks "har lett arbetet" && body_lacks "KS 2024/17" && body_has "[Sekretess enligt $G7; $G1]"'
check "the withheld attachment is shown only as its legal ground, not linked" \
	eval 'body_has "Bilaga 1: [Sekretess enligt $G1]" && body_lacks "/publicerat/$SLUG/bilaga/$v1/1\""'
check "the replaced attachment is linked under its copy's name" \
	eval 'body_has ">yttrande-maskerat.pdf</a> (sekretessprövad kopia, sekretess enligt $G1)"'
# Every public format: the page above and every attachment it links, and the ones it does not.
leaks=0
for n in 1 2 3; do
	req - GET "/publicerat/$SLUG/bilaga/$v1/$n"
	echo "$n $STATUS" >>"$T/downloads"
	if grep -qF Nilsson "$T/body" || grep -qF Nilsson "$T/h" || grep -qF 19500101 "$T/body"; then
		echo "#   attachment $n shows what is hidden"; leaks=$((leaks + 1))
	fi
	case $n in
	1) status_is 404 || leaks=$((leaks + 1)) ;;
	2) { status_is 200 && header_matches 'filename="bilaga-2"' && [ "$(cat "$T/body")" = "Protokoll från utskottet." ]; } ||
		leaks=$((leaks + 1)) ;;
	3) { status_is 200 && header_matches '^Content-Type: application/pdf' && cmp -s "$T/body" "$T/copy.pdf"; } ||
		leaks=$((leaks + 1)) ;;
	esac
done
check "every attachment download shows nothing hidden: withheld 404, hidden name not sent, copy instead of the original" \
	eval '[ $leaks = 0 ]'

# --- withdrawing redactions ----------------------------------------------------------------------
field_rx=$(sql "SELECT id FROM redactions WHERE version_id = $v1 AND field = 'diarienummer' AND passage IS NULL")
post_form "$F" "/remisser/$SLUG/sekretess/$field_rx/hav" "$csrf" \
	"skal=Diarienumret är offentligt" tillbaka=forhandsgranska
check "withdrawing from the preview comes back to it (303)" \
	eval 'status_is 303 && header_matches "^Location: /remisser/$SLUG/publicering/forhandsgranska\?meddelande=havd"'
req - GET "/publicerat/$SLUG"
check "the withdrawn whole-field redaction shows the field again, the name in it still hidden" \
	eval 'body_has "KS 2024/17 [Sekretess enligt $G1]" && body_lacks "Nilsson"'
rep_rx=$(sql "SELECT id FROM redactions WHERE version_id = $v1 AND attachment_ord = 2")
post_form "$F" "/remisser/$SLUG/sekretess/$rep_rx/hav" "$csrf" \
	"skal=Fel fil"
req - GET "/publicerat/$SLUG/bilaga/$v1/3"
check "the withdrawn replacement serves the stored attachment again" \
	eval 'status_is 200 && body_has "Yttrande med personnummer"'

# --- a version that arrives after publishing ------------------------------------------------------
post_form "$F" "/remisser/$SLUG/status" "$csrf" status=oppen
sed "s/Kungsbacka kommun tillstyrker med ändringar./Version två nämner Olle Olsson./" "$T/svar.xml" >"$T/svar2.xml"
import_response "$T/svar2.xml"
post_form "$F" "/remisser/$SLUG/status" "$csrf" status=stangd
v2=$(sql "SELECT max(v.id) FROM response_versions v JOIN responses r ON r.id = v.response_id
	JOIN organisations o ON o.id = r.org_id WHERE r.remiss_id = $rid AND o.name = '$ORG'")
req - GET "/publicerat/$SLUG"
check "a version that arrives after publishing is not public before it is published" \
	eval '[ "$v2" != "$v1" ] && status_is 200 && body_has "data-version=\"$v1\"" && body_lacks "Olle Olsson" && body_lacks "Nilsson"'
req "$F" GET "/remisser/$SLUG/publicering"
check "the publication page says a newer version awaits its preview" \
	eval 'body_has "1 svar har kommit in i en ny version efter publiceringen"'
post_form "$F" "/remisser/$SLUG/publicera" "$csrf" "versioner=$versions"
check "publishing from the outdated preview is a 409 that changes nothing" \
	eval 'status_is 409 && [ "$(sql "SELECT version_id FROM publication_versions pv JOIN responses r ON r.id = pv.response_id
	    JOIN organisations o ON o.id = r.org_id WHERE pv.remiss_id = $rid AND o.name = '"'"'$ORG'"'"'")" = "$v1" ]'
preview
check "the preview shows the new version (its redactions still to prepare)" \
	eval 'body_has "data-version=\"$v2\"" && body_has "Olle Olsson" && body_has "Publicera de nya versionerna"'
redact --data-urlencode "version=$v1" --data-urlencode "falt_helt=beslutande_instans" --data-urlencode "grund=$G1"
check "the published older version can still be redacted, at once (303)" \
	eval 'status_is 303 && req - GET "/publicerat/$SLUG" && [ "$(field "$v1" beslutande_instans)" = "[Sekretess enligt $G1]" ]'

# --- fail closed: a redaction that cannot be applied keeps the page away ---------------------------
fuid=$(sql "SELECT id FROM users WHERE email = 'forvaltning@regionhalland.example'")
bad=$(sql "INSERT INTO redactions (version_id, passage, legal_ground, created_by, field, prefix, suffix, start_char, end_char)
	VALUES ($v1, 'finns inte', '$G1', $fuid, 'sammanfattning', '', '', 0, 10) RETURNING id" | head -1)
req - GET "/publicerat/$SLUG"
check "a redaction whose anchor is not in its text keeps the whole page away (503), showing nothing" \
	eval 'status_is 503 && body_lacks "Kungsbacka"'
req - GET "/publicerat/$SLUG/bilaga/$v1/2"
check "and its attachments too" status_is 503
sql "INSERT INTO redaction_withdrawals (redaction_id, reason, withdrawn_by) VALUES ($bad, 'test', $fuid)" >/dev/null
req - GET "/publicerat/$SLUG"
check "once it is withdrawn the page is back" status_is 200

# --- leave the demo remiss open and unpublished ---------------------------------------------------
post_form "$F" "/remisser/$SLUG/avpublicera" "$csrf"
check "withdrawing the page removes the versions it showed" \
	eval 'status_is 303 && [ "$(sql "SELECT count(*) FROM publication_versions WHERE remiss_id = $rid")" = 0 ]'
post_form "$F" "/remisser/$SLUG/status" "$csrf" status=oppen
check "the remiss is open again" status_is 303

finish
