// documents.mjs: a kommun downloads its answer as documents for its nämnd: the saved draft as
// PDF and Word from the form, then, after submitting, the version as PDF and Word and the
// receipt as PDF from the receipt page, each by clicking its link. The files are read back
// (PDF with pdftotext, Word with python-docx) and must hold what the scenario typed in.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BASE, PASSWORD, step, visit, login, logout, newPage, assert, remissctl } from './lib.mjs';

const SLUG = 'e2e-dokument';
const ORG = 'Dokumentköpings kommun';
const USER = 'dora.dokument@dokumentkoping.example';
const TITLE = 'Äldreomsorg på landsbygden';

/* YYYY-MM-DD, days from today. */
function day(days) {
	return new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
}

/* A remiss of its own, so that no other scenario's answers are touched, and its kommun's
 * user. */
function setUp() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-dokument-'));
	const file = path.join(dir, 'remiss.xml');
	fs.writeFileSync(file, `<remiss xmlns="urn:remissvar:1" id="${SLUG}">
  <titel>${TITLE}</titel>
  <avsandare>Region Halland</avsandare>
  <diarienummer>RS 2025/301</diarienummer>
  <oppnar>${day(-1)}</oppnar>
  <sista-svarsdag>${day(20)}</sista-svarsdag>
  <remissinstans typ="kommun" orgnr="212000-7777">${ORG}</remissinstans>
  <avsnitt nr="1" rubrik="Hemtjänst på landsbygden">Förslagets text om hemtjänst.</avsnitt>
  <avsnitt nr="2" rubrik="Trygghetslarm">Förslagets text om larm.</avsnitt>
</remiss>`);
	remissctl('remiss', 'import', file);
	execFileSync(process.env.E2E_REMISSCTL, ['user', 'add', USER, 'kommun', '--name',
		'Dora Dokument', '--org', ORG], { input: `${PASSWORD}\n`, encoding: 'utf8' });
	fs.rmSync(dir, { recursive: true, force: true });
}

/* Clicks the link whose href is href and returns the downloaded file's path and name. */
async function download(page, href) {
	const [d] = await Promise.all([page.waitForEvent('download'), page.click(`a[href="${href}"]`)]);
	assert(await d.failure() === null, `download of ${href} failed: ${await d.failure()}`);
	return { file: await d.path(), name: d.suggestedFilename() };
}

const squeeze = (s) => s.replace(/\s+/g, '');

/* The text of a PDF, and of each of its pages. */
function pdfText(file) {
	const head = fs.readFileSync(file).subarray(0, 5).toString('latin1');
	assert(head === '%PDF-', `not a PDF (starts ${JSON.stringify(head)})`);
	const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
	const pages = Number(/^Pages:\s+(\d+)/m.exec(info)[1]);
	const each = [];
	for (let p = 1; p <= pages; p++)
		each.push(execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', `${p}`, '-l', `${p}`, file, '-'],
			{ encoding: 'utf8' }));
	return { all: each.join('\n'), pages: each };
}

/* The paragraphs, table cells and header text of a Word document (python-docx). */
function docxText(file) {
	return execFileSync('/usr/bin/python3', ['-c', `
import sys, docx
d = docx.Document(sys.argv[1])
out = [p.text for p in d.paragraphs]
out += [c.text for t in d.tables for r in t.rows for c in r.cells]
out += [p.text for s in d.sections for p in s.header.paragraphs]
print("\\n".join(out))`, file], { encoding: 'utf8' });
}

/* Asserts that text holds every string of want (white space aside). */
function holds(text, want, what) {
	const have = squeeze(text);
	for (const s of want)
		assert(have.includes(squeeze(s)), `${what} lacks: ${s}`);
}

export async function documents(browser) {
	await step('documents: a remiss and a kommun user of its own', setUp);
	const page = await newPage(browser, { acceptDownloads: true });
	const stamp = Date.now();
	const summary = `Dokumentköping stöder förslaget i stort (e2e ${stamp}).`;
	const comment = `Hemtjänsten behöver längre restider i glesbygd; åäö ÅÄÖ (e2e ${stamp}).`;
	const form = `${BASE}/remisser/${SLUG}/svar`;
	await step('documents: Dora logs in and saves a draft', async () => {
		await login(page, USER);
		await page.goto(form);
		await page.check('#stallningstagande-1');
		await page.fill('#sammanfattning', summary);
		await page.check('#a-1-position-2');
		await page.fill('#a-1-kommentar', comment);
		await page.fill('#kontakt_namn', 'Dora Dokument');
		await page.fill('#kontakt_epost', USER);
		await Promise.all([page.waitForNavigation(), page.click('button[value=spara]')]);
		assert(page.url().includes('sparat=1'), `at ${page.url()}`);
	});
	await visit(page, 'utkast med dokumentlänkar');
	await step('documents: the draft downloads as PDF, marked as a draft on every page', async () => {
		const { file, name } = await download(page, `/remisser/${SLUG}/svar/utkast.pdf`);
		assert(name === `${SLUG}-remissvar-dokumentkopings-kommun-utkast.pdf`, `file name ${name}`);
		const t = pdfText(file);
		holds(t.all, [ORG, `Remissvar: ${TITLE}`, summary, '1 Hemtjänst på landsbygden',
			'Tillstyrker med ändringar', comment], 'the draft PDF');
		assert(!squeeze(t.all).includes(squeeze('2 Trygghetslarm')), 'the unanswered section is in the draft PDF');
		t.pages.forEach((p, i) => holds(p, ['Utkast, inte inskickat', `Sida ${i + 1} av ${t.pages.length}`],
			`page ${i + 1} of the draft PDF`));
	});
	await step('documents: the draft downloads as Word, marked as a draft', async () => {
		const { file, name } = await download(page, `/remisser/${SLUG}/svar/utkast.docx`);
		assert(name === `${SLUG}-remissvar-dokumentkopings-kommun-utkast.docx`, `file name ${name}`);
		holds(docxText(file), [ORG, `Remissvar: ${TITLE}`, summary, '1 Hemtjänst på landsbygden',
			comment, 'Utkast, inte inskickat'], 'the draft .docx');
	});
	let number, hash;
	await step('documents: Dora reviews and submits, and reaches the receipt', async () => {
		await page.goto(form);
		await Promise.all([page.waitForNavigation(), page.click('button[value=granska]')]);
		await Promise.all([page.waitForNavigation(), page.click('button:has-text("Skicka remissvaret")')]);
		assert(/\/kvitton\/\d+$/.test(page.url()), `at ${page.url()}`);
		number = (await page.locator('dl.receipt dd').first().innerText()).trim();
		hash = (await page.locator('dl.receipt dd.hash').innerText()).trim();
		assert(/^\d{4}-\d+$/.test(number) && /^[0-9a-f]{64}$/.test(hash), `receipt ${number} ${hash}`);
	});
	await visit(page, 'kvittens med dokumentlänkar');
	const receipt = new URL(page.url()).pathname;
	await step('documents: the submitted version downloads as PDF with the receipt line', async () => {
		const { file, name } = await download(page, `${receipt}/svar.pdf`);
		assert(name === `${SLUG}-remissvar-dokumentkopings-kommun-v1.pdf`, `file name ${name}`);
		const t = pdfText(file);
		holds(t.all, [ORG, 'Organisationsnummer 212000-7777', 'Er beteckning RS 2025/301',
			`Remissvar: ${TITLE}`, summary, '1 Hemtjänst på landsbygden', 'Tillstyrker med ändringar',
			comment, 'Dora Dokument', `Kvittensnummer ${number}`, 'version 1'], 'the version PDF');
		assert(!squeeze(t.all).includes(squeeze('Utkast, inte inskickat')), 'the version PDF says draft');
	});
	await step('documents: the submitted version downloads as Word with the receipt line', async () => {
		const { file, name } = await download(page, `${receipt}/svar.docx`);
		assert(name === `${SLUG}-remissvar-dokumentkopings-kommun-v1.docx`, `file name ${name}`);
		const text = docxText(file);
		holds(text, [ORG, `Remissvar: ${TITLE}`, summary, comment, `Kvittensnummer ${number}`],
			'the version .docx');
		assert(!text.includes('Utkast, inte inskickat'), 'the version .docx says draft');
	});
	await step('documents: the receipt downloads as PDF with its number and checksum', async () => {
		const { file, name } = await download(page, `${receipt}?format=pdf`);
		assert(name === `kvittens-${number}.pdf`, `file name ${name}`);
		holds(pdfText(file).all, ['Kvittens', `Kvittensnummer ${number}`, `Remiss ${TITLE}`,
			`Organisation ${ORG}`, 'Version 1', 'Kanal Webbformuläret', hash], 'the receipt PDF');
	});
	await step('documents: Dora logs out', () => logout(page));
	await page.context().close();
}
