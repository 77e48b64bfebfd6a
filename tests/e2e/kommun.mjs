// kommun.mjs: a kommun user answers the remiss in the browser, from login to receipt, and a
// second user of the same organisation saving over a changed draft is told of the conflict;
// a kommun whose answer came through the API revises it from the form, warned of what goes.
import { BASE, SLUG, step, check, visit, login, logout, newPage, assert } from './lib.mjs';

const FORM = `${BASE}/remisser/${SLUG}/svar`;

export async function answerAndSubmit(browser) {
	const page = await newPage(browser);
	await page.goto(`${BASE}/logga-in`);
	await visit(page, 'inloggning');
	await step('kommun: Anna logs in', () => login(page, 'anna.andersson@laholm.example'));
	await visit(page, 'startsida inloggad');
	await step('kommun: the remiss page links to the form', async () => {
		await page.click(`a[href="/remisser/${SLUG}"]`);
		await visit(page, 'remissens sida');
		await Promise.all([page.waitForNavigation(), page.click(`a[href="/remisser/${SLUG}/svar"]`)]);
		assert(page.url().startsWith(FORM), `at ${page.url()}`);
	});
	await visit(page, 'svarsformulär');
	const summary = `Laholm stöder förslaget (e2e ${Date.now()}).`;
	await step('kommun: fills part of the form and saves the draft', async () => {
		await page.check('#stallningstagande-1');
		await page.fill('#sammanfattning', summary);
		await page.fill('#kontakt_namn', '');
		await page.fill('#kontakt_epost', '');
		await Promise.all([page.waitForNavigation(), page.click('button[value=spara]')]);
		assert(page.url().includes('sparat=1'), `at ${page.url()}`);
	});
	await visit(page, 'utkast sparat');
	await step('kommun: comes back later and finds the draft', async () => {
		await page.goto(`${BASE}/`);
		await page.goto(FORM);
		assert(await page.inputValue('#sammanfattning') === summary, 'summary lost');
		assert(await page.isChecked('#stallningstagande-1'), 'position lost');
	});
	await step('kommun: review without a contact person shows the errors at the top, tied to fields', async () => {
		await Promise.all([page.waitForNavigation(), page.click('button[value=granska]')]);
		assert(await page.locator('#fel li a[href="#kontakt_namn"]').count() === 1, 'no error summary link');
		assert(await page.getAttribute('#kontakt_namn', 'aria-describedby') === 'kontakt_namn-fel',
			'error not tied with aria-describedby');
		assert(await page.getAttribute('#kontakt_namn', 'aria-invalid') === 'true', 'no aria-invalid');
		assert((await page.title()).startsWith('Fel: '), `title: ${await page.title()}`);
		assert(await page.evaluate(() => document.activeElement.id) === 'fel', 'the error summary has no focus');
	});
	await visit(page, 'svarsformulär med fel');
	await step('kommun: finishes the form and reviews it', async () => {
		await page.fill('#kontakt_namn', 'Anna Andersson');
		await page.fill('#kontakt_epost', 'anna.andersson@laholm.example');
		await page.fill('#a-1-kommentar', 'Syftet är tydligt.');
		await Promise.all([page.waitForNavigation(), page.click('button[value=granska]')]);
		assert(await page.locator('h1').innerText() === 'Granska ert svar innan det skickas', 'no review page');
		assert((await page.content()).includes(summary), 'review page lacks the summary');
	});
	await visit(page, 'granska svaret');
	await step('kommun: submits and sees the receipt', async () => {
		await Promise.all([page.waitForNavigation(), page.click('button:has-text("Skicka remissvaret")')]);
		assert(/\/kvitton\/\d+$/.test(page.url()), `at ${page.url()}`);
		assert(await page.locator('h1').innerText() === 'Kvittens', 'no receipt');
		assert(await page.locator('dl.receipt dd.hash').count() === 1, 'no checksum');
	});
	await visit(page, 'kvittens');
	await step('kommun: logs out', () => logout(page));
	await visit(page, 'utloggad');
	await page.context().close();
}

export async function conflict(browser) {
	const anna = await newPage(browser);
	const bo = await newPage(browser);
	await step('conflict: Anna and Bo of Laholm both open the draft', async () => {
		await login(anna, 'anna.andersson@laholm.example');
		await login(bo, 'bo.berg@laholm.example');
		await anna.goto(FORM);
		await bo.goto(FORM);
	});
	await step('conflict: Anna saves first', async () => {
		await anna.fill('#sammanfattning', 'Annas text.');
		await Promise.all([anna.waitForNavigation(), anna.click('button[value=spara]')]);
		assert(anna.url().includes('sparat=1'), `at ${anna.url()}`);
	});
	await step('conflict: Bo saves the stale form and is told, his text kept', async () => {
		await bo.fill('#sammanfattning', 'Bos text.');
		const [resp] = await Promise.all([bo.waitForNavigation(), bo.click('button[value=spara]')]);
		assert(resp.status() === 409, `status ${resp.status()}`);
		assert((await bo.locator('[role=alert]').innerText()).includes('Någon annan i er organisation har sparat utkastet'),
			'no conflict message');
		assert(await bo.inputValue('#sammanfattning') === 'Bos text.', 'Bo lost his text');
	});
	await visit(bo, 'konflikt vid sparande');
	await check('conflict: both log out', async () => {
		await logout(anna);
		await logout(bo);
	});
	await anna.context().close();
	await bo.context().close();
}

/* The same form with scripts turned off: a plain form that saves and reviews. */
export async function noScript(browser) {
	const page = await newPage(browser, { javaScriptEnabled: false });
	await step('no script: Karin logs in and saves a draft without JavaScript', async () => {
		await login(page, 'karin.karlsson@halmstad.example');
		await page.goto(FORM);
		await page.fill('#sammanfattning', 'Utan skript.');
		await Promise.all([page.waitForNavigation(), page.click('button[value=spara]')]);
		assert(page.url().includes('sparat=1'), `at ${page.url()}`);
		assert(await page.inputValue('#sammanfattning') === 'Utan skript.', 'not saved');
	});
	await visit(page, 'utkast sparat utan skript', { axe: false });
	await step('no script: the review step shows the errors without JavaScript', async () => {
		await page.fill('#kontakt_namn', '');
		await Promise.all([page.waitForNavigation(), page.click('button[value=granska]')]);
		assert(await page.locator('#fel li').count() > 0, 'no error summary');
	});
	await step('no script: Karin logs out', () => logout(page));
	await page.context().close();
}

/* Halmstad's version 1 came through the API (the demo data) and it has no draft: the form
 * opens filled with that version, and the review step lists what a revision would empty. */
export async function revision(browser) {
	const page = await newPage(browser);
	await step('revision: Karin opens the form and finds Halmstad\'s answer from the API in it', async () => {
		await login(page, 'karin.karlsson@halmstad.example');
		await page.goto(FORM);
		const notice = await page.locator('#start').innerText();
		assert(notice.includes('Formuläret är ifyllt med ert senaste inskickade svar, version 1 (skickad via API:t'),
			`notice: ${notice}`);
		assert((await page.inputValue('#sammanfattning')).startsWith('Halmstads kommun ställer sig bakom'),
			'the summary of version 1 is not in the form');
		assert(await page.isChecked('input[name="a-6-position"][value="avstyrker"]'),
			'the position on section 6 is not in the form');
		assert((await page.inputValue('#a-6-kommentar')).length > 0, 'the comment on section 6 is not in the form');
	});
	await visit(page, 'svarsformulär ifyllt med senaste versionen');
	await step('revision: emptying a comment and reviewing lists it before anything is sent', async () => {
		await page.fill('#a-6-kommentar', '');
		await Promise.all([page.waitForNavigation(), page.click('button[value=granska]')]);
		assert(await page.locator('h1').innerText() === 'Granska ert svar innan det skickas', 'no review page');
		// Version 1's attachment is not in the draft either: it would not go out again.
		const lost = await page.locator('#tas-bort li').allInnerTexts();
		assert(lost.length === 2 && lost[0] === 'Avsnitt 6 Finansiering: ”Kommentar” töms.' &&
			/^Bilagan protokollsutdrag-.*\.txt skickas inte med\.$/.test(lost[1]),
			`what would be removed: ${JSON.stringify(lost)}`);
		assert((await page.locator('#h-tas-bort').innerText()).includes('version 1'), 'no heading naming version 1');
	});
	await visit(page, 'granska: det som tas bort');
	await step('revision: going back keeps the rest of version 1 in the form', async () => {
		await Promise.all([page.waitForNavigation(), page.click('a:has-text("Tillbaka och ändra")')]);
		assert((await page.inputValue('#sammanfattning')).startsWith('Halmstads kommun ställer sig bakom'),
			'the summary of version 1 is gone');
		assert(await page.inputValue('#a-6-kommentar') === '', 'the draft lost the change');
	});
	await check('revision: Karin logs out', () => logout(page));
	await page.context().close();
}
