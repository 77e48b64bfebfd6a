// english.mjs: the English user interface in a browser: a visitor whose browser prefers
// English gets the English login page; Karin switches to English in the header, the start
// page, the remiss and the form come back in English (lang="en", English dates) and pass
// axe; she switches back to Swedish, so the other scenarios find her account as it was.
import { BASE, SLUG, step, visit, login, logout, newPage, assert } from './lib.mjs';

const EN_DATE = /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/;

async function lang(page) {
	return page.evaluate(() => document.documentElement.lang);
}

export async function english(browser) {
	const visitor = await newPage(browser, { locale: 'en-GB' });
	await step('english: a browser preferring English gets the English login page', async () => {
		await visitor.goto(`${BASE}/logga-in`);
		assert(await lang(visitor) === 'en', `lang is ${await lang(visitor)}`);
		assert(await visitor.locator('h1').innerText() === 'Log in', 'no "Log in" heading');
	});
	await visit(visitor, 'english login page');
	await visitor.context().close();

	const page = await newPage(browser);
	await step('english: Karin logs in (her account is Swedish)', async () => {
		await login(page, 'karin.karlsson@halmstad.example');
		assert(await lang(page) === 'sv', 'the start page is not Swedish');
	});
	await step('english: the header switch turns the pages English', async () => {
		await Promise.all([page.waitForNavigation(),
			page.click('form[action="/sprak"] button[lang="en"]')]);
		assert(await lang(page) === 'en', `lang is ${await lang(page)}`);
		assert(await page.locator('h2', { hasText: 'Open consultations' }).count() === 1,
			'no "Open consultations"');
		assert(EN_DATE.test(await page.locator('main').innerText()), 'no English date');
	});
	await visit(page, 'english start page');
	for (const [p, label, text] of [
		[`/remisser/${SLUG}`, 'english remiss page', 'Consultation period'],
		[`/remisser/${SLUG}/svar`, 'english response form', 'Save draft'],
		['/konto', 'english my account', 'My account'],
	]) {
		await page.goto(BASE + p);
		await step(`english: ${label} is in English`, async () => {
			assert(await lang(page) === 'en', `lang is ${await lang(page)}`);
			assert((await page.locator('main').innerText()).includes(text), `no "${text}"`);
		});
		await visit(page, label);
	}
	await step('english: Karin switches back to Swedish', async () => {
		await Promise.all([page.waitForNavigation(),
			page.click('form[action="/sprak"] button[lang="sv"]')]);
		assert(await lang(page) === 'sv', `lang is ${await lang(page)}`);
	});
	await step('english: Karin logs out', () => logout(page));
	await page.context().close();
}
