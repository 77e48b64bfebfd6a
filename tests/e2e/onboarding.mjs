// onboarding.mjs: from an empty database and one admin to answered, reminded and reviewed, in
// the browser and through the real SMTP server (issue 18): the admin invites a förvaltning
// official, who activates the account from the mail, reads the organisations in from a CSV
// file, reads in a remiss, sets up its referensgrupp with a kommun's representative, attaches
// the proposal as a PDF and dispatches the remiss; the kommun users activate their accounts
// from the mail and answer; the receipt mail arrives; a reminder reaches only the silent
// organisations; the representative reviews the remiss but sees no other kommun's draft.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BASE, step, check, visit, newPage, assert, waitForMail, mails, remissctl } from './lib.mjs';

const SLUG = 'e2e-utskick';
const PASSWORD = 'ett-langt-losenord-for-e2e';
const FORV = 'fia.forvaltning@lan.test';
const ELLA = 'ella.ekby@ekby.test';		// Ekby kommun, and in the referensgrupp
const OSKAR = 'oskar.aby@aby.test';		// Åby kommun
const REG = { ekby: 'registrator@ekby.test', aby: 'kommun@aby.test', forbund: 'kansli@forbundet.test' };

/* A date n days from today in Stockholm, as YYYY-MM-DD. */
function day(n) {
	const d = new Date(Date.now() + n * 86400000);
	return d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

function tmpFile(name, content) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-'));
	const file = path.join(dir, name);
	fs.writeFileSync(file, content);
	return file;
}

/* A small PDF that any reader opens (one page, one line of text). */
function pdf() {
	const objs = ['<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		null, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
	const stream = 'BT /F1 18 Tf 72 760 Td (Forslag till overenskommelse) Tj ET';
	objs[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
	let out = '%PDF-1.4\n';
	const offsets = [];
	objs.forEach((o, i) => { offsets.push(out.length); out += `${i + 1} 0 obj\n${o}\nendobj\n`; });
	const xref = out.length;
	out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n` +
		offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
		`trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return out;
}

const CSV = '\ufeffnamn;typ;orgnr;registratur;kontaktperson;kontakt_epost\r\n' +
	`Ekby kommun;kommun;212000-0142;${REG.ekby};Eva Ek;eva.ek@ekby.test\r\n` +
	`Åby kommun;kommun;212000-0159;${REG.aby};Åke Åberg;ake.aberg@aby.test\r\n` +
	`Förbundet för äldre i länet;forening;;${REG.forbund};;\r\n`;

const REMISS = `<?xml version="1.0" encoding="UTF-8"?>
<remiss xmlns="urn:remissvar:1" id="${SLUG}">
  <titel>Överenskommelse om hemsjukvård i länet</titel>
  <avsandare>Regionen, förvaltningen för hälso- och sjukvård</avsandare>
  <diarienummer>RS 2026/0099</diarienummer>
  <oppnar>${day(-1)}</oppnar>
  <sista-svarsdag>${day(10)}</sista-svarsdag>
  <beskrivning>Förslaget till ny överenskommelse om hemsjukvård.</beskrivning>
  <remissinstans typ="kommun">Ekby kommun</remissinstans>
  <remissinstans typ="kommun">Åby kommun</remissinstans>
  <remissinstans typ="annan">Förbundet för äldre i länet</remissinstans>
  <avsnitt nr="1" rubrik="Syfte">Överenskommelsen ska ge en trygg vård i hemmet.</avsnitt>
  <avsnitt nr="2" rubrik="Ansvar">Kommunen ansvarar för hemsjukvården upp till sjuksköterskenivå.</avsnitt>
</remiss>
`;

async function submitAndWait(page, selector) {
	await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

async function loginAs(page, email, password) {
	await page.goto(`${BASE}/logga-in`);
	await page.fill('#email', email);
	await page.fill('#password', password);
	await submitAndWait(page, 'form[action="/logga-in"] button[type=submit]');
	assert(await page.locator('.account .who').count() === 1, `not logged in as ${email}`);
}

/* Opens the activation link of the invitation mail to email and sets the password. */
async function activate(browser, email, label) {
	const mail = await waitForMail(email, /./);
	const link = mail.links.find((u) => u.includes('/aktivera'));
	assert(link, `no activation link in the mail to ${email}: ${mail.text.slice(0, 300)}`);
	const page = await newPage(browser);
	await page.goto(link);
	await visit(page, `aktivera ${label}`);
	assert(await page.locator('#person-epost').innerText() === email, 'the page names someone else');
	await page.fill('#losenord', PASSWORD);
	await page.fill('#losenord2', PASSWORD);
	await submitAndWait(page, 'form[action="/aktivera"] button[type=submit]');
	if (await page.locator('.account .who').count() === 0)
		await loginAs(page, email, PASSWORD);
	return page;
}

async function invite(page, email, name, role, org) {
	await page.goto(`${BASE}/admin/personer`);
	await page.fill('#ny-epost', email);
	await page.fill('#ny-namn', name);
	await page.selectOption('#ny-roll', role);
	if (org)
		await page.selectOption('#ny-org', { label: org });
	await submitAndWait(page, 'form[action="/admin/personer"][method=post] button[type=submit]');
	assert((await page.content()).includes(email), `${email} is not listed after the invitation`);
}

export async function onboarding(browser) {
	const admin = await newPage(browser);
	await step('onboarding: the one admin logs in to an empty service', () =>
		loginAs(admin, process.env.E2E_ADMIN, process.env.E2E_ADMIN_PASSWORD));
	await step('onboarding: the admin invites a förvaltning official', () =>
		invite(admin, FORV, 'Fia Förvaltning', 'forvaltning', null));
	await visit(admin, 'personer efter inbjudan');

	let forv;
	await step('onboarding: the official activates the account from the mail and is logged in', async () => {
		forv = await activate(browser, FORV, 'förvaltning');
	});

	await step('onboarding: the official reads three organisations in from a CSV file, after a preview', async () => {
		await forv.goto(`${BASE}/admin/organisationer`);
		await visit(forv, 'organisationer tom');
		await forv.setInputFiles('#fil', tmpFile('organisationer.csv', CSV));
		await submitAndWait(forv, 'form[action="/admin/organisationer/import"] button[type=submit]');
		await visit(forv, 'import förhandsgranskning');
		assert((await forv.content()).includes('Åby kommun'), 'the preview lacks Åby kommun');
		await submitAndWait(forv, 'form[action="/admin/organisationer/import"] button.primary');
		const html = await forv.content();
		for (const name of ['Ekby kommun', 'Åby kommun', 'Förbundet för äldre i länet'])
			assert(html.includes(name), `${name} is not listed after the import`);
	});
	await visit(forv, 'organisationer inlästa');

	await step('onboarding: the official reads the remiss in and opens it', async () => {
		await forv.goto(`${BASE}/admin/remisser`);
		await forv.setInputFiles('#remiss', tmpFile('remiss.xml', REMISS));
		await submitAndWait(forv, 'form[action="/admin/remisser"] button.primary');
		await forv.goto(`${BASE}/admin/remisser`);
		const open = forv.locator(`form[action="/remisser/${SLUG}/status"]`).filter({ hasText: 'Öppna' });
		if (await open.count() > 0)
			await Promise.all([forv.waitForNavigation(), open.locator('button').click()]);
		const page = await forv.goto(`${BASE}/remisser/${SLUG}`);
		assert(page.status() === 200, `remiss page: ${page.status()}`);
	});

	await step('onboarding: the official invites a user for each kommun', async () => {
		await invite(forv, ELLA, 'Ella Ek', 'kommun', 'Ekby kommun');
		await invite(forv, OSKAR, 'Oskar Å', 'kommun', 'Åby kommun');
	});

	await step('onboarding: the remisslista shows each organisation with its registry address', async () => {
		await forv.goto(`${BASE}/remisser/${SLUG}/remisslista`);
		const html = await forv.content();
		for (const a of Object.values(REG))
			assert(html.includes(a), `the remisslista lacks ${a}`);
	});
	await visit(forv, 'remisslista');

	await step('onboarding: Ekby kommun\'s representative joins the referensgrupp', async () => {
		await forv.goto(`${BASE}/remisser/${SLUG}/referensgrupp`);
		const value = await forv.locator('#person option', { hasText: 'Ella Ek' }).getAttribute('value');
		await forv.selectOption('#person', value);
		await submitAndWait(forv, `form[action="/remisser/${SLUG}/referensgrupp"] button[type=submit]`);
		assert((await forv.locator('main').innerText()).includes('Ella Ek'), 'Ella is not a member');
	});
	await visit(forv, 'referensgrupp');

	await step('onboarding: the proposal is attached as a PDF', async () => {
		await forv.goto(`${BASE}/remisser/${SLUG}/dokument`);
		await forv.selectOption('#typ', 'forslag');
		await forv.setInputFiles('#fil', tmpFile('forslag.pdf', pdf()));
		await submitAndWait(forv, `form[action="/remisser/${SLUG}/dokument"] button[type=submit]`);
		assert((await forv.content()).includes('forslag.pdf'), 'the document is not listed');
	});
	await visit(forv, 'remissens handlingar');

	await step('onboarding: the official dispatches the remiss', async () => {
		await forv.goto(`${BASE}/remisser/${SLUG}/utskick`);
		await visit(forv, 'utskick före');
		await submitAndWait(forv, `form[action="/remisser/${SLUG}/utskick"] button[type=submit]`);
	});

	await step('onboarding: every organisation\'s registry receives the dispatch, with the remiss and the proposal', async () => {
		for (const a of Object.values(REG)) {
			const m = await waitForMail(a, /Överenskommelse om hemsjukvård/);
			assert(m.links.some((u) => u.endsWith(`/remisser/${SLUG}`)), `no remiss link to ${a}`);
			assert(m.links.some((u) => /\/dokument\/\d+$/.test(u)), `no document link to ${a}`);
		}
		const contact = await waitForMail('eva.ek@ekby.test', /Överenskommelse/);
		assert(contact, 'the contact person got no dispatch');
	});

	let ella;
	await step('onboarding: Ekby\'s user activates the account from the invitation and answers', async () => {
		ella = await activate(browser, ELLA, 'ekby');
		await ella.goto(`${BASE}/remisser/${SLUG}`);
		await visit(ella, 'remissens sida med handlingar');
		assert(await ella.locator(`a[href^="/remisser/${SLUG}/dokument/"]`).count() >= 1,
			'the proposal is not linked on the remiss page');
		await ella.goto(`${BASE}/remisser/${SLUG}/svar`);
		await ella.check('#stallningstagande-1');
		await ella.fill('#sammanfattning', 'Ekby kommun tillstyrker förslaget.');
		await ella.fill('#kontakt_namn', 'Ella Ek');
		await ella.fill('#kontakt_epost', ELLA);
		await submitAndWait(ella, 'button[value=granska]');
		await submitAndWait(ella, 'button:has-text("Skicka remissvaret")');
		assert(/\/kvitton\/\d+$/.test(ella.url()), `at ${ella.url()}`);
	});
	await visit(ella, 'kvittens ekby');

	await step('onboarding: the receipt mail reaches the person and Ekby\'s registry', async () => {
		const receiptNo = (await ella.locator('dl.receipt').innerText()).match(/\d{4}-\d{6,12}/)[0];
		for (const a of [ELLA, REG.ekby]) {
			const m = await waitForMail(a, /^Kvitto /);
			assert(m.text.includes(receiptNo), `the mail to ${a} lacks receipt number ${receiptNo}`);
		}
	});

	const secret = `Åbys utkast ${Date.now()}`;
	await step('onboarding: Åby\'s user activates the account and saves a draft', async () => {
		const oskar = await activate(browser, OSKAR, 'åby');
		await oskar.goto(`${BASE}/remisser/${SLUG}/svar`);
		await oskar.fill('#sammanfattning', secret);
		await submitAndWait(oskar, 'button[value=spara]');
		assert(oskar.url().includes('sparat=1'), `the draft was not saved: at ${oskar.url()}`);
		await oskar.context().close();
	});

	await step('onboarding: a reminder three days before the deadline reaches only the silent organisations', async () => {
		remissctl('mail', 'reminders', '--today', day(7));
		await waitForMail(REG.aby, /[Pp]åminnelse/);
		await waitForMail(REG.forbund, /[Pp]åminnelse/);
		// The sender has delivered everything queued before it: Ekby's turn would be in it.
		await new Promise((r) => setTimeout(r, 3000));
		const toEkby = mails().filter((m) => (m.to.includes(REG.ekby) || m.to.includes(ELLA)) &&
			/[Pp]åminnelse/.test(m.subject));
		assert(toEkby.length === 0, `Ekby, which has answered, was reminded: ${toEkby.map((m) => m.subject)}`);
	});

	await step('onboarding: the kommun representative reviews the remiss', async () => {
		const r = await ella.goto(`${BASE}/remisser/${SLUG}/granskning`);
		assert(r.status() === 200, `review: ${r.status()}`);
		assert((await ella.content()).includes('Ekby kommun'), 'the review lacks the answer');
	});
	await visit(ella, 'granskning som kommunrepresentant');

	await check('onboarding: the representative sees no other kommun\'s draft', async () => {
		for (const p of ['granskning', 'granskning/avsnitt/1', `sok?q=${encodeURIComponent('utkast')}`, 'jamfor']) {
			const r = await ella.goto(`${BASE}/remisser/${SLUG}/${p}`);
			assert(r.status() === 200 || r.status() === 403 || r.status() === 404, `${p}: ${r.status()}`);
			assert(!(await ella.content()).includes(secret), `${p} shows Åby's draft`);
		}
	});
	await check('onboarding: the representative cannot manage the remiss', async () => {
		for (const p of ['remisslista', 'referensgrupp', 'utskick']) {
			const r = await ella.goto(`${BASE}/remisser/${SLUG}/${p}`);
			assert(r.status() === 403, `${p}: ${r.status()}`);
		}
	});
	await admin.context().close();
	await forv.context().close();
	await ella.context().close();
}
