// reading.mjs: the förvaltning reads a kommun's remissvar from its PDF (issue 19). It uploads
// the PDF (fixtures/kungsbacka-yttrande.pdf, made by LibreOffice from the .txt beside it) on
// the registration page, waits while the worker reads it, sees the proposed answers with the
// passages they came from, corrects one, confirms, and then finds the response in the review
// matrix, in search and in the CSV export like any other.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE, SLUG, step, check, visit, login, logout, newPage, assert } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const PDF = path.join(here, 'fixtures', 'kungsbacka-yttrande.pdf');
const ORG = 'Kungsbacka kommun';
const CORRECTED = 'Rättat vid registreringen: kommunen vill följa implementeringen kvartalsvis.';

export async function reading(browser) {
	const page = await newPage(browser);
	await step('reading: the förvaltning logs in', () => login(page, 'forvaltning@regionhalland.example'));
	await step(`reading: the overview links to registering ${ORG}'s response`, async () => {
		await page.goto(`${BASE}/remisser/${SLUG}/oversikt`);
		await Promise.all([page.waitForNavigation(),
			page.click(`a.register:has-text("${ORG}")`)]);
		assert(/\/registrera\/\d+$/.test(new URL(page.url()).pathname), `at ${page.url()}`);
	});
	await step('reading: the registration page offers to read a document', async () => {
		assert(await page.locator('h2:has-text("Läs in ett remissvar (PDF, Word eller ODT)")').count() === 1,
			'no upload section');
	});
	await visit(page, 'registrera med inläsning');
	await step('reading: uploading the PDF leads to its read page', async () => {
		await page.setInputFiles('#dokument', PDF);
		await Promise.all([page.waitForNavigation(),
			page.click('button:has-text("Läs in dokumentet")')]);
		assert(/\/las\/\d+$/.test(new URL(page.url()).pathname), `at ${page.url()}`);
	});
	await step('reading: the proposal appears once the document is read', async () => {
		const deadline = Date.now() + 90000;
		for (;;) {
			if (await page.locator('button[value="registrera"]').count() === 1)
				break;
			assert(await page.locator('#las-fel').count() === 0,
				`the read failed: ${await page.locator('#las-fel').innerText().catch(() => '')}`);
			assert(Date.now() < deadline, 'no proposal after 90 s');
			await page.waitForTimeout(1000);
			await page.reload();
		}
	});
	await visit(page, 'inläst förslag');
	await check('reading: section 6 is proposed as avstyrker, its passage quoted beside it', async () => {
		assert(await page.locator('input[name="a-6-position"][value="avstyrker"]').isChecked(),
			'section 6 is not proposed as avstyrker');
		const quote = page.locator('section:has(h2:has-text("6 Finansiering")) blockquote.read-passage');
		assert((await quote.innerText()).includes('Ersättningen från regionen'), 'no passage for section 6');
		assert(await quote.locator('mark').count() === 1, 'the cue words are not marked');
	});
	await check('reading: the overall position and the diarienummer are prefilled', async () => {
		assert(await page.locator('input[name="stallningstagande"][value="tillstyrker-med-andringar"]').isChecked(),
			'the overall position is not tillstyrker med ändringar');
		assert((await page.inputValue('#diarienummer')).includes('KS 2025/118'), 'no diarienummer');
	});
	await check('reading: a section the document does not mention says so', async () => {
		const none = page.locator('section:has(h2:has-text("2 Målgrupp")) .read-none');
		assert((await none.innerText()).includes('Inget hittat i dokumentet'), 'no "Inget hittat" for section 2');
	});
	await step('reading: the förvaltning corrects one answer and confirms', async () => {
		await page.fill('textarea[name="a-7-kommentar"]', CORRECTED);
		await page.fill('#kontakt_namn', 'Karl Kvist');
		await page.fill('#kontakt_epost', 'karl.kvist@kungsbacka.example');
		await Promise.all([page.waitForNavigation(), page.click('button[value="registrera"]')]);
		assert(/\/kvitton\/\d+$/.test(new URL(page.url()).pathname), `at ${page.url()}: ` +
			(await page.locator('.error-summary, .field-error').allInnerTexts()).join(' / '));
		assert((await page.locator('main').innerText()).includes('kungsbacka-yttrande.pdf'),
			'the receipt does not list the PDF');
	});
	await visit(page, 'kvitto inläst svar');
	await check('reading: the response is in the review matrix', async () => {
		await page.goto(`${BASE}/remisser/${SLUG}/granskning`);
		assert((await page.locator('main').innerText()).includes(ORG), `${ORG} is not in the matrix`);
	});
	await check('reading: search finds the corrected answer', async () => {
		await page.goto(`${BASE}/remisser/${SLUG}/sok?q=${encodeURIComponent('kvartalsvis')}`);
		const text = await page.locator('main').innerText();
		assert(text.includes(ORG) && text.includes('kvartalsvis'), 'search does not find it');
	});
	await check('reading: the CSV export holds the response with the correction', async () => {
		const r = await page.request.get(`${BASE}/api/v1/remisser/${SLUG}/export.csv`);
		assert(r.status() === 200, `export.csv: ${r.status()}`);
		const csv = await r.text();
		assert(csv.includes(ORG) && csv.includes(CORRECTED), 'the CSV lacks the response or its correction');
		assert(csv.includes('Ersättningen från regionen'), 'the CSV lacks the proposed comment kept');
	});
	await logout(page);
	await page.context().close();
}
