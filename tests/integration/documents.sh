#!/usr/bin/env bash
# tests/integration/documents.sh BUILD-DIR BASE-URL TMPDIR: an organisation's answer and its
# receipt as PDF: a submitted version (/remisser/{slug}/kvitton/{id}/svar.pdf, the receipt's
# rule), the kommun's own draft (/remisser/{slug}/svar/utkast.pdf, marked on every page) and the
# receipt (?format=pdf). The PDFs are read back with pdftotext, pdfinfo and pdffonts
# (tests/export/pdf_check.py) and must hold what the test put in, hostile text included: a
# 20 000-character comment across pages, markup characters, control characters, RTL marks and
# overrides. Needs REMISS_DB.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: documents.sh BUILD-DIR BASE-URL TMPDIR}
BASE=${2:?usage}
T=${3:?usage}
SLUG=pdf-svar-test
PW=pdf-svar-losen-2025
mkdir -p "$T"
PDF_CHECK=$ROOT/tests/export/pdf_check.py
ORG="Pdfköpings kommun"
ORG2="Grannö kommun"
TITLE="Vård nära dig i Halland – ändrade ansvarsgränser"

cat >"$T/remiss.xml" <<XML
<remiss xmlns="urn:remissvar:1" id="$SLUG">
  <titel>$TITLE</titel>
  <avsandare>Region Halland</avsandare>
  <diarienummer>RS 2025/88</diarienummer>
  <oppnar>$(TZ=Europe/Stockholm date -d '-1 day' +%F)</oppnar>
  <sista-svarsdag>$(TZ=Europe/Stockholm date -d '+20 days' +%F)</sista-svarsdag>
  <remissinstans typ="kommun" orgnr="212000-8888">$ORG</remissinstans>
  <remissinstans typ="kommun">$ORG2</remissinstans>
  <avsnitt nr="1" rubrik="Tillgång till vård">Förslagets text ett.
    <fraga id="f1" typ="konsekvens">Vilka konsekvenser får förslaget för er?</fraga>
  </avsnitt>
  <avsnitt nr="2" rubrik="Ansvarsfördelning">Förslagets text två.</avsnitt>
  <avsnitt nr="3" rubrik="Obesvarat avsnitt">Förslagets text tre.</avsnitt>
</remiss>
XML
if ! "$BUILD/remissctl" remiss import "$T/remiss.xml" >/dev/null 2>"$T/err"; then
	notok "the test remiss imports: $(head -c 300 "$T/err")"
	finish
	exit
fi
sql "INSERT INTO questions (remiss_id, qid, kind, text, position) SELECT id, 'f9', 'fritext',
	'Har ni övriga synpunkter på förslaget?', 9 FROM remiss WHERE slug = '$SLUG'" >/dev/null
add_user petra@pdfkoping.test kommun "Petra Pdf" --org "$ORG"
add_user gustav@granno.test kommun "Gustav Granne" --org "$ORG2"
add_user fia@pdf-region.test forvaltning "Fia Förvaltning"
add_user gert@pdf-region.test granskare "Gert Granskare"
P=$T/petra G=$T/gustav F=$T/fia R=$T/gert
login "$P" petra@pdfkoping.test
login "$G" gustav@granno.test
login "$F" fia@pdf-region.test
login "$R" gert@pdf-region.test

# A comment of 20 000 characters whose last words the reader must find on the last page, and
# a comment with markup characters, an RTL mark and an override, through the API.
LONG=$(python3 -c 'print(("Ett långt stycke om vårdens ansvar där åäö ÅÄÖ förekommer ofta " * 400)[:19980] + " SLUTORD PÅ SISTA SIDAN")')
RTL=$'Arabiska \u200f\u202eمرحبا\u202c och hebreiska \u05e9\u05dc\u05d5\u05dd, sedan svenska igen. Ordningen \u202eskyddas\u202c här.'
NOTE='Anteckning om vården, sparad som vanlig text.'
cat >"$T/svar.xml" <<XML
<remissvar xmlns="urn:remissvar:1" remiss="$SLUG">
  <remissinstans typ="kommun" orgnr="212000-8888">$ORG</remissinstans>
  <diarienummer>KS 2025/456</diarienummer>
  <beslut instans="Kommunstyrelsens arbetsutskott" datum="$(TZ=Europe/Stockholm date -d '-1 day' +%F)"/>
  <kontakt namn="Petra Pdf" epost="petra@pdfkoping.test" telefon="0430-555 12"/>
  <stallningstagande>tillstyrker-med-andringar</stallningstagande>
  <sammanfattning>Pdfköping ställer sig bakom förslaget med ändringar i ansvarsfördelningen.</sammanfattning>
  <svar avsnitt="1">
    <stallningstagande>avstyrker</stallningstagande>
    <kommentar>Tillgången &lt;b&gt;måste&lt;/b&gt; säkras &amp; följas upp varje år.
Andra stycket i kommentaren om avsnitt ett.</kommentar>
    <forslag-till-lydelse>Regionen ska säkra tillgången i hela länet.</forslag-till-lydelse>
  </svar>
  <svar fraga="f1">
    <konsekvens part="kommun">Hemtjänsten i Pdfköping får ökade kostnader.</konsekvens>
  </svar>
  <svar avsnitt="2">
    <stallningstagande>tillstyrker</stallningstagande>
    <kommentar>$RTL</kommentar>
  </svar>
  <svar fraga="f9">
    <kommentar>$LONG</kommentar>
  </svar>
  <bilaga filnamn="anteckning.txt" mediatyp="text/plain">$(b64 "$NOTE")</bilaga>
</remissvar>
XML
TOKEN=$("$BUILD/remissctl" token create --org "$ORG" --label pdf)
req - POST "/api/v1/remisser/$SLUG/remissvar" -H "Authorization: Bearer $TOKEN" \
	-H 'Content-Type: application/xml' -H 'Accept: application/xml' --data-binary @"$T/svar.xml"
check "$ORG's answer with hostile text and a file is received (201)" status_is 201
vid=$(sql "SELECT v.id FROM response_versions v JOIN responses r ON r.id = v.response_id
	JOIN remiss m ON m.id = r.remiss_id WHERE m.slug = '$SLUG' ORDER BY v.version DESC LIMIT 1")
vid=${vid:-0}
number=$(sql "SELECT receipt_number FROM response_versions WHERE id = $vid")
xmlsha=$(sql "SELECT sha256 FROM response_versions WHERE id = $vid")
filesha=$(sql "SELECT sha256 FROM attachments WHERE version_id = $vid")
received=$(sql "SELECT to_char(received_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') FROM response_versions WHERE id = $vid")
RECEIPT=/remisser/$SLUG/kvitton/$vid

# --- the receipt page links both PDFs -------------------------------------------------------
req "$P" GET "$RECEIPT"
check "the receipt page links the receipt and the answer as PDF" \
	eval 'status_is 200 && body_has "href=\"$RECEIPT?format=pdf\"" && body_has "Ladda ner kvittensen som PDF" &&
	body_has "href=\"$RECEIPT/svar.pdf\"" && body_has "Ladda ner svaret som PDF"'

# --- the version as PDF ---------------------------------------------------------------------
req "$P" GET "$RECEIPT/svar.pdf"
cp "$T/body" "$T/v1.pdf"
check "the kommun downloads its version as a PDF named after remiss, organisation and version, never cached" \
	eval 'status_is 200 && header_matches "^Content-Type: application/pdf$" &&
	header_matches "^Content-Disposition: attachment; filename=\"$SLUG-remissvar-pdfkopings-kommun-v1\.pdf\"$" &&
	header_matches "^Cache-Control: no-store"'
check "the PDF holds the letterhead, every answered section with its texts and position, and the receipt, in order" \
	python3 "$PDF_CHECK" "$T/v1.pdf" --order --absent "3 Obesvarat avsnitt" \
	--absent "Utkast, inte inskickat" \
	"$ORG" "Organisationsnummer 212000-8888" "Datum $(svdate "$received")" \
	"Vår beteckning KS 2025/456" "Er beteckning RS 2025/88" "Till Region Halland" \
	"Remissvar: $TITLE" "Beslutande organ Kommunstyrelsens arbetsutskott" \
	"Ställningstagande Tillstyrker med ändringar" \
	"Pdfköping ställer sig bakom förslaget med ändringar i ansvarsfördelningen." \
	"1 Tillgång till vård" "Ställningstagande Avstyrker" \
	"Tillgången <b>måste</b> säkras & följas upp varje år." "Andra stycket i kommentaren om avsnitt ett." \
	"Förslag till lydelse" "Regionen ska säkra tillgången i hela länet." \
	"Fråga: Vilka konsekvenser får förslaget för er?" "Konsekvenser för kommunerna" \
	"Hemtjänsten i Pdfköping får ökade kostnader." \
	"2 Ansvarsfördelning" "Ställningstagande Tillstyrker" "sedan svenska igen" \
	"Frågor om remissen som helhet" "Fråga: Har ni övriga synpunkter på förslaget?" \
	"SLUTORD PÅ SISTA SIDAN" "Kontaktperson" "Petra Pdf" "petra@pdfkoping.test" "0430-555 12" \
	"Kvittensnummer $number, inskickat $(svdate "$received") kl." ", version 1" "anteckning.txt"
check "the 20 000-character comment breaks across pages without losing a character" \
	python3 "$PDF_CHECK" "$T/v1.pdf" --min-pages 4 "$LONG"
check "every page has its number, 'Sida N av M', and the document its title, author, language and embedded fonts" \
	python3 "$PDF_CHECK" "$T/v1.pdf" --page-numbers --every-page "$ORG" --title "Remissvar: $TITLE" \
	--author "$ORG" --lang sv-SE --fonts-embedded
check "a right-to-left override is dropped: the words read in the order they were sent, the RTL mark does no harm" \
	python3 "$PDF_CHECK" "$T/v1.pdf" --absent "saddyks" "sedan svenska igen. Ordningen skyddas här."
check "the förvaltning may download the same version (the receipt's rule)" eval '
	req "$F" GET "$RECEIPT/svar.pdf" && status_is 200 && header_matches "^Content-Type: application/pdf$"'
check "a granskare may download it too (the receipt's rule)" eval '
	req "$R" GET "$RECEIPT/svar.pdf" && status_is 200 && header_matches "^Content-Type: application/pdf$"'
req "$G" GET "$RECEIPT/svar.pdf"
check "another kommun gets 404 for the version, as for its receipt" eval 'status_is 404 && body_lacks "%PDF"'
req - GET "$RECEIPT/svar.pdf"
check "without a session the download asks for a login" \
	eval 'status_is 303 && header_matches "^Location: /logga-in"'
req "$P" GET "/remisser/$SLUG/kvitton/999999999/svar.pdf"
check "an unknown version is 404" status_is 404
req "$P" GET "/remisser/ok-hemsjukvard-2025/kvitton/$vid/svar.pdf"
check "the version under another remiss's path is 404" eval 'status_is 404 || status_is 403'
req "$P" GET "$RECEIPT/svar.pdfx"
check "a near-miss of the name is 404" status_is 404

# --- the receipt as PDF ----------------------------------------------------------------------
req "$P" GET "$RECEIPT?format=pdf"
cp "$T/body" "$T/kvittens.pdf"
check "the receipt downloads as kvittens-NUMBER.pdf" \
	eval 'status_is 200 && header_matches "^Content-Type: application/pdf$" &&
	header_matches "^Content-Disposition: attachment; filename=\"kvittens-$number\.pdf\"$"'
check "the receipt PDF names number, remiss, organisation, version, time, channel and both checksums" \
	python3 "$PDF_CHECK" "$T/kvittens.pdf" --page-numbers --title "Kvittens $number" --lang sv-SE \
	--fonts-embedded --absent "Ankomstdatum" \
	"Kvittens" "Remissvaret från $ORG är mottaget och sparat." "Kvittensnummer $number" \
	"Remiss $TITLE" "Organisation $ORG" "Version 1" "Mottaget $(svdate "$received") kl." \
	"Kanal API (XML-fil)" "Kontrollsumma (SHA-256) $xmlsha" \
	"Bilagor" "anteckning.txt (text/plain," "SHA-256 $filesha"
check "the receipt's checksum is the one its XML gives" eval '
	req "$P" GET "$RECEIPT?format=xml" && status_is 200 && body_has "sha256=\"$xmlsha\""'
req "$G" GET "$RECEIPT?format=pdf"
check "another kommun gets 404 for the receipt PDF" eval 'status_is 404 && body_lacks "%PDF"'
req - GET "$RECEIPT?format=pdf"
check "the receipt PDF without a session asks for a login" \
	eval 'status_is 303 && header_matches "^Location: /logga-in"'
req "$P" GET "$RECEIPT?format=docx"
check "an unknown receipt format is refused (400) in Swedish and English" \
	eval 'status_is 400 && body_has "Kvittensen finns som xml eller pdf" &&
	body_has "The receipt is available as xml or pdf" && body_lacks "%PDF"'

# A registered version: its ankomstdatum on the receipt.
arrived=$(TZ=Europe/Stockholm date -d '-1 day' +%F)
org2=$(sql "SELECT id FROM organisations WHERE name = '$ORG2'")
req "$F" GET "/remisser/$SLUG/registrera/$org2"
req "$F" POST "/remisser/$SLUG/registrera/$org2" -F "csrf=$(form_csrf)" -F lock=0 \
	-F "nyckel=$(hidden nyckel)" -F action=registrera -F "ankomstdatum=$arrived" \
	-F stallningstagande=tillstyrker -F "kontakt_namn=Gustav Granne" \
	-F kontakt_epost=gustav@granno.test -F "a-2-kommentar=Registrerat svar från Grannö." \
	-F "bilaga=@$T/kvittens.pdf;type=application/pdf"
rvid=$(sql "SELECT v.id FROM response_versions v JOIN responses r ON r.id = v.response_id
	JOIN remiss m ON m.id = r.remiss_id JOIN organisations o ON o.id = r.org_id
	WHERE m.slug = '$SLUG' AND o.name = '$ORG2' ORDER BY v.version DESC LIMIT 1")
if [ -n "$rvid" ]; then
	req "$F" GET "/remisser/$SLUG/kvitton/$rvid?format=pdf"
	cp "$T/body" "$T/kvittens-reg.pdf"
	check "a registered version's receipt PDF gives its ankomstdatum and channel" \
		eval 'status_is 200 && python3 "$PDF_CHECK" "$T/kvittens-reg.pdf" --absent "Mottaget" \
		"Ankomstdatum $(svdate "$arrived")" "Registrerat" "Kanal Registrerat av förvaltningen" "Organisation $ORG2"'
	req "$F" GET "/remisser/$SLUG/kvitton/$rvid/svar.pdf"
	cp "$T/body" "$T/reg.pdf"
	check "a registered version's answer PDF says when it arrived" \
		eval 'status_is 200 && python3 "$PDF_CHECK" "$T/reg.pdf" "$ORG2" "Registrerat svar från Grannö." \
		"ankom $(svdate "$arrived")"'
else
	notok "the förvaltning registers $ORG2's answer (status $STATUS: $(body_glimpse))"
fi

# --- the draft ------------------------------------------------------------------------------
req "$G" GET "/remisser/$SLUG/svar/utkast.pdf"
check "a kommun without a draft gets 404" status_is 404
req "$G" GET "/remisser/$SLUG/svar"
check "the form offers no draft PDF when there is no draft" eval 'status_is 200 && body_lacks "utkast.pdf"'
csrf=$(form_csrf); lock=$(hidden lock)
post_form "$G" "/remisser/$SLUG/svar" "$csrf" "lock=$lock" action=spara \
	"a-1-position=tillstyrker-med-andringar" "a-1-kommentar=Grannös utkast om tillgång & <vård>." \
	"a-1-lydelse=$LONG" "sammanfattning=Grannös sammanfattning med å, ä och ö."
check "$ORG2 saves a draft" status_is 303
req "$G" GET "/remisser/$SLUG/svar"
check "the form links the saved draft as PDF" \
	eval 'status_is 200 && body_has "href=\"/remisser/$SLUG/svar/utkast.pdf\"" && body_has "Ladda ner utkastet som PDF"'
# Control characters, an override and an isolate in stored text (older data, another
# channel): the PDF is still written, with the text around them.
sql "UPDATE draft_answers SET comment = comment || E' fortsatt\x01\x0b\x1f\x7f efter kontrolltecken ' ||
	U&'\202E\2066omvänt\2069\202C' || ' slut'
	WHERE comment LIKE 'Grannös utkast%'" >/dev/null
req "$G" GET "/remisser/$SLUG/svar/utkast.pdf"
cp "$T/body" "$T/draft.pdf"
check "the draft downloads as ...-utkast.pdf, never cached" \
	eval 'status_is 200 && header_matches "^Content-Type: application/pdf$" &&
	header_matches "^Content-Disposition: attachment; filename=\"$SLUG-remissvar-granno-kommun-utkast\.pdf\"$" &&
	header_matches "^Cache-Control: no-store"'
check "the draft is marked 'Utkast, inte inskickat' on every page and holds its texts" \
	python3 "$PDF_CHECK" "$T/draft.pdf" --min-pages 3 --page-numbers --every-page "Utkast, inte inskickat" \
	--absent "Kvittensnummer" \
	"$ORG2" "Datum $(svdate "$(TZ=Europe/Stockholm date +%F)")" "Grannös sammanfattning med å, ä och ö." \
	"1 Tillgång till vård" "Ställningstagande Tillstyrker med ändringar" \
	"Grannös utkast om tillgång & <vård>." "fortsatt" "efter kontrolltecken omvänt slut" \
	"Förslag till lydelse" "SLUTORD PÅ SISTA SIDAN" "Utkast, senast sparat"
req "$P" GET "/remisser/$SLUG/svar/utkast.pdf"
check "$ORG (no draft of its own) never gets $ORG2's draft" \
	eval 'status_is 404 && body_lacks "Grannös"'
req "$F" GET "/remisser/$SLUG/svar/utkast.pdf"
check "the draft route is a remissinstans's own: the förvaltning is refused (403)" \
	eval 'status_is 403 && body_lacks "%PDF"'
G_TOKEN=$("$BUILD/remissctl" token create --org "$ORG2" --label pdf)
req - GET "/remisser/$SLUG/svar/utkast.pdf" -H "Authorization: Bearer $G_TOKEN"
check "the organisation's own API token gets no draft either: the draft is the form's (403)" \
	eval 'status_is 403 && body_lacks "%PDF"'
req - GET "/remisser/$SLUG/svar/utkast.pdf"
check "the draft without a session asks for a login" \
	eval 'status_is 303 && header_matches "^Location: /logga-in"'

finish
