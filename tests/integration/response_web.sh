#!/usr/bin/env bash
# tests/integration/response_web.sh BASE-URL TMPDIR: a kommun answers the demo remiss through
# the web form: draft, reload, conflict, review, submit, receipt, double submit, revision,
# deadline and extension, and what other organisations cannot see. Needs REMISS_DB and the
# demo data. Prints "ok N - name" lines and "N passed, N failed".
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BASE=${1:?usage: response_web.sh BASE-URL TMPDIR}
T=${2:?usage: response_web.sh BASE-URL TMPDIR}
SLUG=ok-hemsjukvard-2025
PW=remissvar-demo
mkdir -p "$T"


A=$T/anna B=$T/bo K=$T/karin
login "$A" anna.andersson@laholm.example
login "$B" bo.berg@laholm.example
login "$K" karin.karlsson@halmstad.example

req "$A" GET "/remisser/$SLUG"
check "an invited kommun sees the remiss with its sections" eval 'status_is 200 && body_has "Tröskelprincipen" && body_has "Skriv eller fortsätt ert svar"'

req "$A" GET "/remisser/$SLUG/svar"
check "the form shows the proposal text beside the answer fields" eval 'status_is 200 && body_has "Förslagets text" && body_has "Den som inte klarar att ta sig till vårdcentral" && body_has "name=\"a-3.3-kommentar\""'
# Laholm's version 1 came through the API (the demo data) and it has no draft: the form
# starts from that version, not empty, and says so.
check "a kommun whose answer came through the API finds the form filled with it" eval 'body_has "Formuläret är ifyllt med ert senaste inskickade svar, version 1 (skickad via API:t, mottagen" && body_has "Under sommarmånaderna mer än fördubblas befolkningen i kustområdena." && body_has "Gemensam journalföring och digital vårdplanering." && body_has "value=\"VON 2024/118\"" && grep -qE "<input type=\"radio\" id=\"a-4-position-3\" name=\"a-4-position\" value=\"avstyrker\" checked" "$T/body"'
check "every form field has a label" eval '[ "$(grep -o "<label for=" "$T/body" | wc -l)" -ge "$(grep -oE "<(textarea|input type=\"(text|email|tel|date|radio)\")" "$T/body" | wc -l)" ]'
csrf=$(form_csrf); lock=$(hidden lock)

post_form "$A" "/remisser/$SLUG/svar" "$csrf" "lock=$lock" \
	action=spara "a-3.3-position=tillstyrker-med-andringar" \
	"a-3.3-kommentar=Tröskelprincipen behöver gemensamma kriterier <b>nu</b>." \
	"q-q2-kommun=Ökade kostnader på sommaren."
check "saving a draft answers 303 back to the form" eval 'status_is 303 && header_matches "^Location: /remisser/'"$SLUG"'/svar\\?sparat=1$"'
req "$A" GET "/remisser/$SLUG/svar?sparat=1"
check "the saved draft comes back, escaped, with a notice" eval 'body_has "Utkastet är sparat." && body_has "Tröskelprincipen behöver gemensamma kriterier &lt;b&gt;nu&lt;/b&gt;." && body_has "Ökade kostnader på sommaren."'
lock_a=$(hidden lock)

req "$B" GET "/remisser/$SLUG/svar"
check "a colleague in the same organisation sees the same draft" body_has "Tröskelprincipen behöver gemensamma kriterier"
csrf_b=$(form_csrf); lock_b=$(hidden lock)
req "$K" GET "/remisser/$SLUG/svar"
check "another organisation never sees the draft" eval 'status_is 200 && body_lacks "Tröskelprincipen behöver gemensamma kriterier"'

# Anna saves again; Bo, still on the old version, saves: he is told, and keeps his text.
post_form "$A" "/remisser/$SLUG/svar" "$csrf" "lock=$lock_a" \
	action=spara "a-3.3-position=tillstyrker-med-andringar" \
	"a-3.3-kommentar=Annas nya text." "sammanfattning=Annas sammanfattning."
check "a save with the current version succeeds" status_is 303
post_form "$B" "/remisser/$SLUG/svar" "$csrf_b" "lock=$lock_b" \
	action=spara "a-3.3-kommentar=Bos egen text."
check "a save over someone else's newer save is a 409 that keeps the text" eval 'status_is 409 && body_has "Någon annan i er organisation har sparat utkastet" && body_has "Bos egen text."'
check "the conflict names what differs" eval 'body_has "Avsnitt 3.3 Tröskelprincipen" && body_has "Sammanfattning"'
check "the conflicting save stored nothing" eval '[ "$(sql "SELECT count(*) FROM draft_answers WHERE comment = '"'"'Bos egen text.'"'"'")" = 0 ]'

# Review without the required fields: errors beside the fields and at the top.
req "$A" GET "/remisser/$SLUG/svar"; csrf=$(form_csrf); lock=$(hidden lock)
post_form "$A" "/remisser/$SLUG/svar" "$csrf" "lock=$lock" \
	action=granska "a-3.3-kommentar=Annas nya text."
check "review of an incomplete answer is 422 with errors tied to the fields" eval 'status_is 422 && body_has "Rätta följande" && body_has "aria-describedby=\"kontakt_namn-fel\"" && body_has "href=\"#stallningstagande\""'

# Values the database would refuse (a diarienummer over its 100 characters, a date that is
# no date) are errors beside their fields when saving too, not a bare error page.
long_dnr=$(printf 'Dnr-%.0s' $(seq 30))
post_form "$A" "/remisser/$SLUG/svar" "$csrf" "lock=$lock" \
	action=spara "sammanfattning=Kvar efter felet." \
	"diarienummer=$long_dnr" "beslut_datum=2024-13-45"
check "a diarienummer too long for the database and a date that is no date come back beside their fields" eval 'status_is 422 && body_has "<h1>Svar på remissen:" && body_has "<p class=\"field-error\" id=\"diarienummer-fel\">Högst 100 tecken; här finns 120.</p>" && body_has "aria-describedby=\"beslut_datum-fel\"" && body_has "Kvar efter felet." && body_has "Logga ut</button>"'
check "…and nothing of it is saved" eval '[ "$(sql "SELECT count(*) FROM responses WHERE draft_summary = '"'"'Kvar efter felet.'"'"'")" = 0 ]'

fill=(--data-urlencode "csrf=$csrf" --data-urlencode "lock=$lock" --data-urlencode action=granska
	--data-urlencode stallningstagande=tillstyrker-med-andringar
	--data-urlencode "sammanfattning=Laholms kommun ställer sig bakom förslagets inriktning."
	--data-urlencode "a-3.3-position=tillstyrker-med-andringar"
	--data-urlencode "a-3.3-kommentar=Tröskelprincipen tolkas olika i länet."
	--data-urlencode "a-6-position=avstyrker" --data-urlencode "a-6-kommentar=Ersättningen räcker inte."
	--data-urlencode "q-q2-region=Läkarmedverkan vid tillfällig vistelse." --data-urlencode "q-q2-kommun=Ökade kostnader."
	--data-urlencode "beslut_instans=Vård- och omsorgsnämnden" --data-urlencode beslut_datum=2024-05-15
	--data-urlencode "diarienummer=VON 2024/118" --data-urlencode "kontakt_namn=Anna Andersson"
	--data-urlencode kontakt_epost=anna.andersson@laholm.example)
req "$A" POST "/remisser/$SLUG/svar" "${fill[@]}"
check "review shows what will be sent and one button to send it" eval 'status_is 200 && body_has "Granska ert svar innan det skickas" && body_has "Tillstyrker med ändringar" && body_has "Ersättningen räcker inte." && body_has "Skicka remissvaret"'
check "review lists every answer of version 1 that the new version removes or empties" eval 'body_has "Det här tas bort jämfört med version 1" && body_has "Svaret blir version 2 och ersätter version 1 (skickad via API:t" && body_has "<li>Avsnitt 1 Syfte och utgångspunkter: hela svaret tas bort.</li>" && body_has "<li>Avsnitt 4 Hemsjukvård vid tillfällig vistelse: hela svaret tas bort.</li>" && body_has "<li>Avsnitt 5 In- och utskrivning av medicinska insatser: hela svaret tas bort.</li>" && body_has "<li>Frågan ”Vad vill och behöver vi göra för att få den bästa hemsjukvården i Halland?” i avsnitt 7: hela svaret tas bort.</li>" && body_has "<li>Avsnitt 3.3 Tröskelprincipen: ”Förslag till ny lydelse” töms.</li>" && body_has "<li>”Kontaktpersonens telefon” töms.</li>" && body_lacks "Avsnitt 6 Finansiering: hela" && [ "$(grep -oE "<li>[^<]*(tas bort|töms)\.</li>" "$T/body" | wc -l)" = 6 ]'
key=$(hidden nyckel); lock=$(hidden lock)
before=$(versions "Laholms kommun")
post_form "$A" "/remisser/$SLUG/svar" "$csrf" "lock=$lock" \
	action=skicka "nyckel=$key"
check "sending answers 303 to the receipt" eval 'status_is 303 && header_matches "^Location: /remisser/'"$SLUG"'/kvitton/[0-9]+$"'
receipt=$(grep -i '^Location:' "$T/h" | sed 's/^Location: //I')
post_form "$A" "/remisser/$SLUG/svar" "$csrf" "lock=$lock" \
	action=skicka "nyckel=$key"
check "sending the same confirmation twice gives the same receipt" eval 'status_is 303 && header_matches "^Location: '"$receipt"'$"'
check "a double submit stores one version" eval '[ "$(versions "Laholms kommun")" = $((before + 1)) ]'

req "$A" GET "$receipt"
check "the receipt page has the number, Stockholm time and SHA-256" eval 'status_is 200 && grep -qE "<dd>[0-9]{4}-[0-9]{6,}</dd>" "$T/body" && grep -qE "[0-9]{1,2} (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december) [0-9]{4} kl\. [0-9]{2}\.[0-9]{2}" "$T/body" && grep -qE "class=\"hash\">[0-9a-f]{64}<" "$T/body"'
check "the receipt shows what was sent" body_has "Tröskelprincipen tolkas olika i länet."
req "$A" GET "$receipt?format=xml"
check "the receipt downloads as a kvittens XML file" eval 'status_is 200 && header_matches "^Content-Disposition: attachment; filename=\"kvittens-[0-9]{4}-[0-9]+\.xml\"" && body_has "<kvittens xmlns=\"urn:remissvar:1\"" && grep -qE "sha256=\"[0-9a-f]{64}\"" "$T/body"'
sha_db=$(sql "SELECT sha256 FROM response_versions ORDER BY id DESC LIMIT 1")
xml_sha=$(sql "SELECT encode(sha256(convert_to(canonical_xml, 'UTF8')), 'hex') FROM response_versions ORDER BY id DESC LIMIT 1")
check "the receipt's SHA-256 is the SHA-256 of the stored canonical XML" eval '[ -n "$sha_db" ] && [ "$sha_db" = "$xml_sha" ]'

req "$K" GET "$receipt"
check "another organisation cannot open the receipt (404)" status_is 404

# A revision is a new version; both are kept.
req "$A" GET "/remisser/$SLUG/svar"; csrf=$(form_csrf); lock=$(hidden lock)
fill[1]="csrf=$csrf"; fill[3]="lock=$lock"
req "$A" POST "/remisser/$SLUG/svar" "${fill[@]}" --data-urlencode "a-7-kommentar=Tillägg i version 2."
key=$(hidden nyckel); lock=$(hidden lock)
post_form "$A" "/remisser/$SLUG/svar" "$csrf" "lock=$lock" \
	action=skicka "nyckel=$key"
check "a revision is stored as version 2" eval 'status_is 303 && [ "$(versions "Laholms kommun")" = $((before + 2)) ]'
req "$A" GET "/remisser/$SLUG"
check "the remiss page lists both versions with their receipts" eval 'body_has "Version 2, kvittens" && body_has "Version 1, kvittens"'
cmp=$(grep -oE 'href="/remisser/[^"]*/jamfor\?[^"]*"' "$T/body" | head -1 | sed -e 's/^href="//' -e 's/"$//' -e 's/&amp;/\&/g')
req "$A" GET "$cmp"
check "comparing two versions shows what changed, field by field" eval 'status_is 200 && body_has "Avsnitt 7: kommentar" && body_has "<ins class=\"prewrap\">Tillägg i version 2.</ins>" && body_lacks "Avsnitt 3.3: kommentar"'
req "$K" GET "$cmp"
check "another organisation cannot compare these versions (404)" status_is 404

# The deadline, with the server's clock, and an extension for one organisation.
sql "UPDATE remiss SET closes = (now() AT TIME ZONE 'Europe/Stockholm')::date - 1 WHERE slug = '$SLUG'" >/dev/null
req "$A" GET "/remisser/$SLUG/svar"
check "after the deadline the form is closed and says why" eval 'status_is 409 && body_has "tar inte emot svar"'
post_form "$A" "/remisser/$SLUG/svar" "$csrf" "lock=$lock" \
	action=skicka "nyckel=$(printf '%064d' 7)"
check "after the deadline a submission is refused and nothing is stored" eval 'status_is 409 && [ "$(versions "Laholms kommun")" = $((before + 2)) ]'
sql "UPDATE invitations SET extended_closes = (now() AT TIME ZONE 'Europe/Stockholm')::date WHERE org_id = (SELECT id FROM organisations WHERE name = 'Laholms kommun')" >/dev/null
req "$A" GET "/remisser/$SLUG/svar"
check "an extension for the organisation reopens its form" status_is 200
req "$K" GET "/remisser/$SLUG/svar"
check "the extension is for that organisation only" status_is 409
sql "UPDATE invitations SET extended_closes = NULL; UPDATE remiss SET closes = (now() AT TIME ZONE 'Europe/Stockholm')::date + 30 WHERE slug = '$SLUG'" >/dev/null

# A draft saved before a newer version came in (here one the förvaltning registered) says so,
# and offers to start again from that version.
req "$A" GET "/remisser/$SLUG/svar"; csrf=$(form_csrf); lock=$(hidden lock)
check "after a web submission the form shows what was sent, with no warning" eval 'status_is 200 && body_has "Tillägg i version 2." && body_lacks "id=\"start\""'
post_form "$A" "/remisser/$SLUG/svar" "$csrf" "lock=$lock" \
	action=spara "a-7-kommentar=Ett halvfärdigt utkast."
F=$T/fredrik; login "$F" forvaltning@regionhalland.example
lh=$(sql "SELECT id FROM organisations WHERE name = 'Laholms kommun'")
printf '%%PDF-1.4\n%%%%EOF\n' >"$T/brev.pdf"
req "$F" GET "/remisser/$SLUG/registrera/$lh"
req "$F" POST "/remisser/$SLUG/registrera/$lh" -F "csrf=$(form_csrf)" -F lock=0 -F "nyckel=$(hidden nyckel)" \
	-F action=registrera -F "ankomstdatum=$(TZ=Europe/Stockholm date +%F)" -F stallningstagande=avstyrker \
	-F "kontakt_namn=Anna Andersson" -F kontakt_epost=anna.andersson@laholm.example \
	-F "a-6-kommentar=Registrerat brev från Laholm." -F "bilaga=@$T/brev.pdf"
check "the förvaltning registers a newer version for the same organisation" status_is 303
lv=$(versions "Laholms kommun")
req "$A" GET "/remisser/$SLUG/svar"; csrf=$(form_csrf); lock=$(hidden lock)
check "a draft older than the latest version says so and offers to start again from it" eval 'status_is 200 && body_has "före ert senaste inskickade svar, version $lv (registrerad av förvaltningen, mottagen $(svdate "$(TZ=Europe/Stockholm date +%F)"))" && body_has "Skickar ni utkastet ersätter det version $lv." && body_has "name=\"action\" value=\"borja-om\">Börja om från version $lv</button>" && body_has "Ett halvfärdigt utkast."'
post_form "$A" "/remisser/$SLUG/svar" "$csrf" "lock=$lock" action=borja-om
check "starting again answers 303 back to the form" eval 'status_is 303 && header_matches "^Location: /remisser/'"$SLUG"'/svar\\?borjat=1$"'
req "$A" GET "/remisser/$SLUG/svar?borjat=1"
check "the form then holds the latest version instead of the old draft" eval 'status_is 200 && body_has "Registrerat brev från Laholm." && body_lacks "Ett halvfärdigt utkast." && body_lacks "id=\"start\""'
post_form "$A" "/remisser/$SLUG/svar" "$csrf" "lock=$lock" action=borja-om
check "starting again from a stale page is a 409 that keeps the saved draft" eval 'status_is 409 && body_has "Någon annan i er organisation sparade utkastet nyss" && body_has "Registrerat brev från Laholm."'

# Roles: reviewers and the förvaltning do not write responses.
F=$T/fredrik; login "$F" forvaltning@regionhalland.example
req "$F" GET "/remisser/$SLUG/svar"
check "the förvaltning cannot write a kommun's response (403)" status_is 403
req "$F" GET "/remisser/$SLUG"
check "the förvaltning reads the remiss" eval 'status_is 200 && body_lacks "Skriv eller fortsätt ert svar"'

# The förvaltning's overview: who is invited, has a draft, has answered, is late.
req "$F" GET "/remisser/$SLUG/oversikt"
check "the overview lists every invited body with its status in words" eval 'status_is 200 && body_has "Laholms kommun" && body_has "Inskickat" && body_has "Inte påbörjat" && [ "$(grep -o "<th scope=\"row\">" "$T/body" | wc -l)" = 7 ]'
fcsrf=$(form_csrf)
req "$A" GET "/remisser/$SLUG/oversikt"
check "a kommun cannot see the overview (403)" status_is 403
halmstad=$(sql "SELECT id FROM organisations WHERE name = 'Halmstads kommun'")
newday=$(sql "SELECT ((now() AT TIME ZONE 'Europe/Stockholm')::date + 45)::text")
req "$F" POST "/remisser/$SLUG/forlang" --data-urlencode "org=$halmstad" --data-urlencode "datum=$newday"
check "extending a deadline without the CSRF token is refused" eval 'status_is 403 && [ -z "$(sql "SELECT extended_closes FROM invitations WHERE org_id = $halmstad")" ]'
post_form "$F" "/remisser/$SLUG/forlang" "$fcsrf" "org=$halmstad" "datum=$newday"
check "the förvaltning extends one organisation's deadline, audited" eval 'status_is 303 && [ "$(sql "SELECT extended_closes FROM invitations WHERE org_id = $halmstad")" = "$newday" ] && [ "$(sql "SELECT count(*) FROM audit_log WHERE action = '"'"'invitation.extend'"'"'")" -ge 1 ]'
post_form "$F" "/remisser/$SLUG/forlang" "$fcsrf" "org=$halmstad" "datum=2024-02-30"
check "an impossible date is refused" status_is 422
check "an impossible date comes back on the overview, beside its field" eval 'body_has "<h1>Översikt:" && body_has "aria-describedby=\"forlang-$halmstad-fel\"" && body_has "value=\"2024-02-30\"" && body_has "Skriv datumet som ÅÅÅÅ-MM-DD"'
opens=$(sql "SELECT opens - 1 FROM remiss WHERE slug = '$SLUG'")
post_form "$F" "/remisser/$SLUG/forlang" "$fcsrf" "org=$halmstad" "datum=$opens"
check "a deadline before the opening date is a 422 on the overview, beside the field, in Swedish only" eval 'status_is 422 && body_has "<h1>Översikt:" && body_has "<p class=\"field-error\" id=\"forlang-$halmstad-fel\">Sista svarsdagen kan inte vara före remissens första dag" && body_has "href=\"#forlang-$halmstad\"" && body_lacks "<p lang=\"en\">" && [ "$(sql "SELECT extended_closes FROM invitations WHERE org_id = $halmstad")" = "$newday" ]'
check "the overview with the error has the logged-in header" eval 'body_has "Logga ut</button>" && body_lacks ">Logga in</a>"'
sql "UPDATE users SET lang = 'en' WHERE email = 'forvaltning@regionhalland.example'" >/dev/null
post_form "$F" "/remisser/$SLUG/forlang" "$fcsrf" "org=$halmstad" "datum=$opens"
check "the same error in English for a user who reads English" eval 'status_is 422 && body_has "The last day cannot be before the consultation" && body_has "Log out</button>" && body_lacks "Sista svarsdagen kan inte"'
sql "UPDATE users SET lang = 'sv' WHERE email = 'forvaltning@regionhalland.example'" >/dev/null
post_form "$F" "/remisser/$SLUG/bjud-in" "$fcsrf" "namn=" typ=region
check "inviting without a name comes back on the overview, beside the name field" eval 'status_is 422 && body_has "<h1>Översikt:" && body_has "aria-describedby=\"namn-fel\"" && body_has "Skriv organisationens namn." && grep -q "<option value=\"region\" selected=\"selected\">" "$T/body"'
req "$F" GET "/remisser/$SLUG/finns-inte"
check "a page that does not exist shows a logged-in user's header" eval 'status_is 404 && body_has "Sidan finns inte." && body_has "Logga ut</button>" && body_lacks ">Logga in</a>"'
req "$A" GET "/remisser/$SLUG/oversikt"
check "a refusal (403) shows a logged-in user's header" eval 'status_is 403 && body_has "Logga ut</button>" && body_lacks ">Logga in</a>"'
sql "UPDATE invitations SET extended_closes = NULL" >/dev/null

# Attachments: the type is decided by the content, sizes are limited, and they go out
# with the version, byte for byte.
printf '%%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%%%EOF\n' >"$T/protokoll.pdf"
printf 'MZ\x90\x00 not a pdf' >"$T/program.pdf"
printf '\x89PNG\r\n\x1a\n0000' >"$T/bild.pdf"
head -c $((2 * 1024 * 1024)) /dev/zero | tr '\0' 'x' | sed '1s/^/%PDF-/' >"$T/stor.pdf"
files() { sql "SELECT count(*) FROM draft_attachments d JOIN organisations o ON o.id = d.org_id WHERE o.name = 'Laholms kommun'"; }
req "$A" GET "/remisser/$SLUG/svar"; csrf=$(form_csrf); lock=$(hidden lock)
check "the form takes files (multipart) and says which types" eval 'body_has "enctype=\"multipart/form-data\"" && body_has "PDF, ODT, DOCX, PNG, JPEG eller text"'
form=(-F "csrf=$csrf" -F "lock=$lock" -F stallningstagande=tillstyrker -F "kontakt_namn=Anna Andersson"
	-F kontakt_epost=anna.andersson@laholm.example -F "a-3.3-kommentar=Med bilaga.")
req "$A" POST "/remisser/$SLUG/svar" "${form[@]}" -F action=spara -F "bilaga=@$T/protokoll.pdf;type=application/octet-stream"
check "a PDF is stored with the draft" eval 'status_is 303 && [ "$(files)" = 1 ]'
req "$A" GET "/remisser/$SLUG/svar"; csrf=$(form_csrf); lock=$(hidden lock)
check "the form lists the file with a button to remove it" eval 'body_has "protokoll.pdf</a> (" && body_has "Ta bort protokoll.pdf"'
draft_url=$(grep -oE 'href="/remisser/[^"]*/svar/bilaga/[0-9]+"' "$T/body" | head -1 | sed -e 's/^href="//' -e 's/"$//')
req "$B" GET "$draft_url"
check "another user of the organisation downloads the draft's file before it is sent" eval 'status_is 200 && cmp -s "$T/body" "$T/protokoll.pdf" && header_matches "^Content-Type: application/pdf"'
req "$K" GET "$draft_url"
check "another organisation cannot download it (404)" status_is 404
req "$A" GET "/remisser/$SLUG/svar"
form[1]="csrf=$csrf"; form[3]="lock=$lock"
req "$A" POST "/remisser/$SLUG/svar" "${form[@]}" -F action=spara -F "bilaga=@$T/program.pdf"
check "a file whose content is not what its name says is refused beside the field" eval 'status_is 422 && body_has "Filen program.pdf kan inte bifogas" && body_has "aria-describedby=\"bilaga-fel\"" && [ "$(files)" = 1 ]'
req "$A" POST "/remisser/$SLUG/svar" "${form[@]}" -F action=spara -F "bilaga=@$T/bild.pdf"
check "a PNG named .pdf is refused too" eval 'status_is 422 && [ "$(files)" = 1 ]'
req "$A" POST "/remisser/$SLUG/svar" "${form[@]}" -F action=spara -F "bilaga=@$T/stor.pdf"
check "a file over the size limit is a bilingual 413 and stores nothing" eval 'status_is 413 && body_has "för stor" && [ "$(files)" = 1 ]'
req "$A" POST "/remisser/$SLUG/svar" "${form[@]}" -F action=granska
check "the review lists the file that will be sent" eval 'status_is 200 && body_has "protokoll.pdf (application/pdf"'
key=$(hidden nyckel); lock=$(hidden lock)
post_form "$A" "/remisser/$SLUG/svar" "$csrf" "lock=$lock" \
	action=skicka "nyckel=$key"
pdf_sha=$(sha256sum "$T/protokoll.pdf" | cut -d' ' -f1)
check "the file goes out with the version, with its SHA-256" eval 'status_is 303 && [ "$(sql "SELECT sha256 FROM attachments ORDER BY id DESC LIMIT 1")" = "$pdf_sha" ]'
req "$A" GET "/remisser/$SLUG/svar"; csrf=$(form_csrf); lock=$(hidden lock)
fid=$(sql "SELECT max(id) FROM draft_attachments")
req "$A" POST "/remisser/$SLUG/svar" -F "csrf=$csrf" -F "lock=$lock" -F "ta_bort_bilaga=$fid"
check "the remove button takes the file off the draft" eval 'status_is 303 && [ "$(files)" = 0 ]'

# A response that came by post: the förvaltning registers it with the PDF.
kb=$(sql "SELECT id FROM organisations WHERE name = 'Kungsbacka kommun'")
kb_versions() { sql "SELECT count(*) FROM response_versions v JOIN responses r ON r.id = v.response_id WHERE r.org_id = $kb AND v.channel = 'registrerad'"; }
req "$A" GET "/remisser/$SLUG/registrera/$kb"
check "a kommun cannot register responses (403)" status_is 403
req "$F" GET "/remisser/$SLUG/registrera/$kb"
check "the förvaltning opens the registration form for an organisation" eval 'status_is 200 && body_has "Registrera svar från Kungsbacka kommun" && body_has "Registrera svaret"'
today=$(TZ=Europe/Stockholm date +%F)
check "the registration form asks for the day the response arrived, today (Swedish time) by default" eval 'body_has "<label for=\"ankomstdatum\">Ankomstdatum (ÅÅÅÅ-MM-DD)</label>" && grep -qE "<input type=\"date\" id=\"ankomstdatum\" name=\"ankomstdatum\" value=\"$today\" required" "$T/body"'
rcsrf=$(form_csrf); rkey=$(hidden nyckel); kb0=$(kb_versions)
reg=(-F "csrf=$rcsrf" -F lock=0 -F "nyckel=$rkey" -F action=registrera -F "ankomstdatum=$today" -F stallningstagande=avstyrker
	-F "sammanfattning=Inkommet per post 20 maj." -F "kontakt_namn=Karl Kvist" -F kontakt_epost=karl.kvist@kungsbacka.example
	-F "a-6-position=avstyrker" -F "a-6-kommentar=Finansieringen är otillräcklig.")
req "$F" POST "/remisser/$SLUG/registrera/$kb" "${reg[@]}"
check "registering without the original PDF is refused beside the field" eval 'status_is 422 && body_has "Bifoga det inkomna svaret som PDF, Word-fil (DOCX) eller ODT." && [ "$(kb_versions)" = "$kb0" ]'
req "$F" POST "/remisser/$SLUG/registrera/$kb" "${reg[@]}" -F "bilaga=@$T/protokoll.pdf;filename=kungsbacka-svar.pdf"
check "a registered response with its PDF gets a receipt" eval 'status_is 303 && header_matches "^Location: /remisser/'"$SLUG"'/kvitton/[0-9]+$" && [ "$(kb_versions)" = $((kb0 + 1)) ]'
rloc=$(grep -i '^Location:' "$T/h")
check "it is stored as registrerad, by the förvaltning user, with the PDF" eval '[ "$(sql "SELECT v.submitted_by = u.id AND a.media_type = '"'"'application/pdf'"'"' AND a.filename = '"'"'kungsbacka-svar.pdf'"'"' FROM response_versions v JOIN attachments a ON a.version_id = v.id, users u WHERE u.email = '"'"'forvaltning@regionhalland.example'"'"' AND v.channel = '"'"'registrerad'"'"' ORDER BY v.id DESC LIMIT 1")" = t ]'
req "$F" POST "/remisser/$SLUG/registrera/$kb" "${reg[@]}" -F "bilaga=@$T/protokoll.pdf;filename=kungsbacka-svar.pdf"
check "registering the same form twice stores it once" eval 'status_is 303 && [ "$(grep -i "^Location:" "$T/h")" = "$rloc" ] && [ "$(kb_versions)" = $((kb0 + 1)) ]'
req "$F" GET "$(sed 's/^Location: //I' <<<"$rloc")"
check "the förvaltning sees the receipt of the registered response" eval 'status_is 200 && body_has "Kungsbacka kommun" && body_has "kungsbacka-svar.pdf"'
file_url=$(grep -oE 'href="/remisser/[^"]*/bilaga/1"' "$T/body" | head -1 | sed -e 's/^href="//' -e 's/"$//')
req "$F" GET "$file_url"
check "the registered PDF downloads byte for byte, with its name" eval 'status_is 200 && cmp -s "$T/body" "$T/protokoll.pdf" && header_matches "^Content-Type: application/pdf" && header_matches "^Content-Disposition: attachment; filename=\"bilaga-1\"; filename\*=UTF-8'"''"'kungsbacka-svar.pdf"'
req "$A" GET "$file_url"
check "another organisation cannot download it (404)" status_is 404
req "$F" GET "${file_url%1}9"
check "a file number past the last is 404" status_is 404

# The day a registered response arrived (ankomstdatum) counts against the deadline, not the
# day the förvaltning gets round to registering it; the receipt, the kvittens XML and the
# overview show that day.
closed=$(TZ=Europe/Stockholm date -d '-3 days' +%F)
in_time=$(TZ=Europe/Stockholm date -d '-4 days' +%F)
too_late=$(TZ=Europe/Stockholm date -d '-2 days' +%F)
tomorrow=$(TZ=Europe/Stockholm date -d '+1 day' +%F)
sql "UPDATE remiss SET closes = '$closed' WHERE slug = '$SLUG'" >/dev/null
req "$F" GET "/remisser/$SLUG/registrera/$kb"; rcsrf=$(form_csrf); rkey=$(hidden nyckel); kb1=$(kb_versions)
kbv=$(sql "SELECT max(v.version) FROM response_versions v JOIN responses r ON r.id = v.response_id WHERE r.org_id = $kb")
check "registering for an organisation that has answered says which version it replaces" body_has "Kungsbacka kommun har redan svarat: version $kbv (registrerad av förvaltningen, mottagen $(svdate "$today")). Det ni registrerar blir version $((kbv + 1)) och ersätter den"
late=(-F "csrf=$rcsrf" -F lock=0 -F "nyckel=$rkey" -F action=registrera -F stallningstagande=tillstyrker
	-F "kontakt_namn=Karl Kvist" -F kontakt_epost=karl.kvist@kungsbacka.example
	-F "a-6-kommentar=Brevet kom i tid." -F "bilaga=@$T/protokoll.pdf;filename=kungsbacka-brev.pdf")
req "$F" POST "/remisser/$SLUG/registrera/$kb" "${late[@]}" -F "ankomstdatum=$tomorrow"
check "an arrival date after today is refused beside the field, nothing stored" eval 'status_is 422 && body_has "aria-describedby=\"ankomstdatum-fel\"" && body_has "Ankomstdatumet kan inte vara senare än i dag" && body_has "value=\"$tomorrow\"" && body_has "Brevet kom i tid." && [ "$(kb_versions)" = "$kb1" ]'
req "$F" POST "/remisser/$SLUG/registrera/$kb" "${late[@]}" -F "ankomstdatum=20 maj"
check "an arrival date that is not a date is refused beside the field" eval 'status_is 422 && body_has "Skriv ankomstdatumet som ÅÅÅÅ-MM-DD" && [ "$(kb_versions)" = "$kb1" ]'
req "$F" POST "/remisser/$SLUG/registrera/$kb" "${late[@]}" -F "ankomstdatum="
check "a registration without an arrival date is refused beside the field" eval 'status_is 422 && body_has "Skriv dagen då svaret kom in." && [ "$(kb_versions)" = "$kb1" ]'
req "$F" POST "/remisser/$SLUG/registrera/$kb" "${late[@]}" -F "ankomstdatum=$too_late"
check "a response that arrived after the deadline is refused beside the field, saying so" eval 'status_is 422 && body_has "Svaret kom in efter sista svarsdagen för Kungsbacka kommun, $(svdate "$closed")" && body_has "Logga ut</button>" && [ "$(kb_versions)" = "$kb1" ]'
req "$F" POST "/remisser/$SLUG/registrera/$kb" "${late[@]}" -F "ankomstdatum=$in_time"
check "a response that arrived before the deadline is registered after it, with its arrival date" eval 'status_is 303 && [ "$(kb_versions)" = $((kb1 + 1)) ] && [ "$(sql "SELECT arrived_on FROM response_versions v JOIN responses r ON r.id = v.response_id WHERE r.org_id = $kb ORDER BY v.version DESC LIMIT 1")" = "$in_time" ]'
kloc=$(grep -i '^Location:' "$T/h" | sed 's/^Location: //I')
req "$F" GET "$kloc"
check "its receipt shows the arrival date beside the time it was registered" eval 'status_is 200 && body_has "<dt>Ankomstdatum</dt><dd>$(svdate "$in_time")</dd><dt>Registrerat</dt>"'
req "$F" GET "$kloc?format=xml"
check "its kvittens XML carries ankomstdatum and validates" eval 'status_is 200 && body_has "ankomstdatum=\"$in_time\"" && xmllint --noout --schema "$(dirname "$0")/../../schema/remissvar.xsd" "$T/body" 2>/dev/null'
req "$F" GET "/remisser/$SLUG/oversikt"
check "the overview shows the day it arrived" body_has "Inkommet $(svdate "$in_time"), registrerat (version"
check "the database refuses an arrival date on a response that was not registered" eval '! sql "INSERT INTO response_versions (response_id, version, channel, position, contact_name, contact_email, canonical_xml, sha256, receipt_number, arrived_on) SELECT response_id, 99, '"'"'webb'"'"', position, contact_name, contact_email, canonical_xml, sha256, '"'"'2099-999999'"'"', current_date FROM response_versions LIMIT 1" 2>/dev/null'
sql "UPDATE remiss SET closes = (now() AT TIME ZONE 'Europe/Stockholm')::date + 30 WHERE slug = '$SLUG'" >/dev/null

# Inviting one more organisation from the overview.
post_form "$F" "/remisser/$SLUG/bjud-in" "$fcsrf" "namn=Hallands Akademi" typ=annan
check "the förvaltning invites a new organisation, audited" eval 'status_is 303 && [ "$(sql "SELECT count(*) FROM invitations i JOIN organisations o ON o.id = i.org_id JOIN remiss r ON r.id = i.remiss_id WHERE o.name = '"'"'Hallands Akademi'"'"' AND o.kind = '"'"'annan'"'"' AND r.slug = '"'"'$SLUG'"'"'")" = 1 ] && [ "$(sql "SELECT count(*) FROM audit_log WHERE action = '"'"'invitation.add'"'"'")" -ge 1 ]'
req "$F" GET "/remisser/$SLUG/oversikt"
check "the new organisation appears in the overview" eval 'body_has "Hallands Akademi" && [ "$(grep -o "<th scope=\"row\">" "$T/body" | wc -l)" = 8 ]'

# The last day itself is still open (server clock, Europe/Stockholm).
sql "UPDATE remiss SET closes = (now() AT TIME ZONE 'Europe/Stockholm')::date WHERE slug = '$SLUG'" >/dev/null
req "$A" GET "/remisser/$SLUG/svar"
check "on the last day the form is still open" status_is 200
sql "UPDATE remiss SET closes = (now() AT TIME ZONE 'Europe/Stockholm')::date + 30 WHERE slug = '$SLUG'" >/dev/null

# Remiss administration: every remiss, upload of a definition, open and close.
req "$A" GET /admin/remisser
check "a kommun cannot administer remisser (403)" status_is 403
req "$F" GET /admin/remisser
check "the förvaltning lists every remiss with its status" eval 'status_is 200 && body_has "Ny överenskommelse för hälso- och sjukvård i hemmet" && body_has "<td>Öppen</td>"'
acsrf=$(form_csrf)
cat >"$T/ny-remiss.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<remiss xmlns="urn:remissvar:1" id="test-kompetens-2026">
  <titel>Gemensam plan för kompetensförsörjning</titel>
  <avsandare>Region Halland</avsandare>
  <oppnar>2026-01-01</oppnar>
  <sista-svarsdag>2099-12-31</sista-svarsdag>
  <remissinstans typ="kommun">Hylte kommun</remissinstans>
  <avsnitt nr="1" rubrik="Syfte">Planen ska säkra kompetens i hemsjukvården.</avsnitt>
</remiss>
XML
printf '<remiss xmlns="urn:remissvar:1" id="trasig">\n  <titel>Trasig</titel>\n</remis>\n' >"$T/trasig.xml"
# The same definition pasted as a text field, not a file: the form asks for a file, nothing stored.
req "$F" POST /admin/remisser -F "csrf=$acsrf" -F "remiss=<$T/ny-remiss.xml"
check "a definition sent as text, not a file, is a 422 asking for an XML file; nothing stored" eval 'status_is 422 && grep -q "Välj en XML-fil att läsa in." "$T/body" && [ "$(sql "SELECT count(*) FROM remiss WHERE slug = '"'"'test-kompetens-2026'"'"'")" = 0 ]'
req "$F" POST /admin/remisser -F "csrf=$acsrf" -F "remiss=@$T/ny-remiss.xml"
check "uploading a remiss definition creates it and shows its overview" eval 'status_is 303 && header_matches "^Location: /remisser/test-kompetens-2026/oversikt$" && [ "$(sql "SELECT title FROM remiss WHERE slug = '"'"'test-kompetens-2026'"'"'")" = "Gemensam plan för kompetensförsörjning" ]'
req "$F" POST /admin/remisser -F "csrf=$acsrf" -F "remiss=@$T/trasig.xml"
check "a broken definition is refused with file, line and column, nothing stored" eval 'status_is 422 && grep -qE "trasig.xml:3:[0-9]+: " "$T/body" && [ "$(sql "SELECT count(*) FROM remiss WHERE slug = '"'"'trasig'"'"'")" = 0 ]'
req "$F" POST "/remisser/$SLUG/status" -F "csrf=$acsrf" -F status=stangd
check "closing a remiss is audited" eval 'status_is 303 && [ "$(sql "SELECT status FROM remiss WHERE slug = '"'"'$SLUG'"'"'")" = stangd ] && [ "$(sql "SELECT count(*) FROM audit_log WHERE action = '"'"'remiss.status'"'"'")" -ge 1 ]'
req "$A" GET "/remisser/$SLUG/svar"
check "a closed remiss takes no answers" status_is 409
req "$F" POST "/remisser/$SLUG/status" -F "csrf=$acsrf" -F status=oppen
req "$A" GET "/remisser/$SLUG/svar"
check "reopened, it takes answers again" status_is 200

finish
