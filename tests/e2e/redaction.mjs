// redaction.mjs: the förvaltning closes the remiss, opens the preview of the public page,
// selects a passage of a response with the mouse (static/redact.js fills the form under it),
// hides it with its legal ground, and publishes; the public page, read without logging in,
// shows the legal ground and not the passage. Then the page is withdrawn and the remiss opened
// again for the scenarios that follow.
import { BASE, SLUG, step, check, visit, login, logout, newPage, assert, selectWithMouse } from './lib.mjs';

const GROUND = '21 kap. 1 § OSL';

/* Sets the demo remiss's status with its button on the administration page. */
async function setStatus(page, status) {
	await page.goto(`${BASE}/admin/remisser`);
	const form = page.locator(`form[action="/remisser/${SLUG}/status"]:has(input[name=status][value=${status}])`);
	await Promise.all([page.waitForNavigation(), form.locator('button').click()]);
}

export async function redaction(browser) {
	const page = await newPage(browser);
	const response = () => page.locator('section.public-response:has(h2:text-is("Halmstads kommun"))');
	const summary = () => response().locator('dd[data-field=sammanfattning]');
	const tools = async () => page.locator(`aside.redact-tools[data-version="${await response().getAttribute('data-version')}"]`);
	let quote;
	await step('redaction: the förvaltning logs in and closes the remiss', async () => {
		await login(page, 'forvaltning@regionhalland.example');
		await setStatus(page, 'stangd');
	});
	await page.goto(`${BASE}/remisser/${SLUG}/publicering`);
	await visit(page, 'publicering');
	await step('redaction: the publication page leads to the preview', async () => {
		await Promise.all([page.waitForNavigation(),
			page.click('a:has-text("Förhandsgranska och förbered sekretess")')]);
		assert(new URL(page.url()).pathname === `/remisser/${SLUG}/publicering/forhandsgranska`, page.url());
		assert(await page.locator('text=Ingenting här är offentligt ännu').count() === 1, 'no preview banner');
	});
	await visit(page, 'förhandsgranskning');
	await step('redaction: selecting a passage with the mouse fills the form under the response', async () => {
		quote = await selectWithMouse(page, summary(), 40);
		assert(quote.trim().length > 10, `selected "${quote}"`);
		const t = await tools();
		assert(await t.locator('details').evaluate((d) => d.open), 'the form did not open');
		const form = t.locator('form.redact-passage');
		assert(await form.locator('.js-quote').inputValue() === quote, 'quote not filled');
		assert(await form.locator('.js-field').inputValue() === 'sammanfattning', 'field not chosen');
		assert(await form.locator('.js-start').inputValue() === '0', 'start not filled');
		assert((await t.locator('.js-selected[role=status]').innerText()).includes('Sammanfattning'),
			'no status message');
	});
	await visit(page, 'stycke markerat');
	await step('redaction: hides the passage with its legal ground', async () => {
		const form = (await tools()).locator('form.redact-passage');
		await form.locator('input[name=grund]').fill(GROUND);
		await Promise.all([page.waitForNavigation(), form.locator('button:has-text("Dölj stycket")').click()]);
		const shown = await summary().innerText();
		assert(shown.startsWith(`[Sekretess enligt ${GROUND}]`), `summary shows: ${shown.slice(0, 120)}`);
		assert(!shown.includes(quote.trim()), 'the passage is still shown');
	});
	await visit(page, 'sekretess registrerad');
	await step('redaction: publishes from the preview', async () => {
		await Promise.all([page.waitForNavigation(), page.click('button:has-text("Publicera svaren")')]);
		assert(await page.locator('text=Svaren är publicerade.').count() === 1, 'not published');
	});
	const visitor = await newPage(browser);
	await step('redaction: the public page shows the legal ground, not the passage', async () => {
		await visitor.goto(`${BASE}/publicerat/${SLUG}`);
		const shown = await visitor.locator('section.public-response:has(h2:text-is("Halmstads kommun")) dd[data-field=sammanfattning]').innerText();
		assert(shown.startsWith(`[Sekretess enligt ${GROUND}]`), `public summary: ${shown.slice(0, 120)}`);
		assert(!(await visitor.content()).includes(quote.trim()), 'the passage is on the public page');
	});
	await visit(visitor, 'publicerad sida');
	await visitor.context().close();
	await check('redaction: the page is withdrawn and the remiss opened again', async () => {
		await page.goto(`${BASE}/remisser/${SLUG}/publicering`);
		await Promise.all([page.waitForNavigation(), page.click('button:has-text("Ta bort den offentliga sidan")')]);
		await setStatus(page, 'oppen');
		await logout(page);
	});
	await page.context().close();
}
