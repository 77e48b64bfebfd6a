// session.mjs: the warning before the login session ends (static/session.js, WCAG 2.2.1),
// under a fake clock so that 28 minutes pass at once: the dialog comes two minutes before
// the end with focus on "Förläng sessionen", Enter extends the session on the server, and
// when the time runs out the page says what happened and the session is ended for real.
import { BASE, SLUG, step, visit, login, newPage, assert } from './lib.mjs';

const MIN = 60 * 1000;

export async function session(browser) {
	const page = await newPage(browser);
	await page.clock.install();
	await step('session: Bo logs in and opens the form', async () => {
		await login(page, 'bo.berg@laholm.example');
		await Promise.all([
			page.waitForResponse((r) => new URL(r.url()).pathname === '/sessionen' && r.status() === 200),
			page.goto(`${BASE}/remisser/${SLUG}/svar`),
		]);
	});
	await step('session: no warning while there is time left', async () => {
		await page.clock.runFor(20 * MIN);
		assert(await page.locator('dialog.session-warning').count() === 0, 'warned too early');
	});
	await step('session: two minutes before the end a dialog warns, with focus on "Förläng sessionen"', async () => {
		await page.clock.runFor(8 * MIN + 5000);
		const dialog = page.locator('dialog.session-warning[role=alertdialog]');
		assert(await dialog.isVisible(), 'no warning dialog');
		assert((await dialog.innerText()).includes('loggas ut kl.'), 'the warning says not when');
		assert(await page.evaluate(() => document.activeElement.textContent) === 'Förläng sessionen',
			'focus is not on the extend button');
	});
	await visit(page, 'varning före utloggning');
	await step('session: Enter extends the session on the server and closes the dialog', async () => {
		const [resp] = await Promise.all([
			page.waitForResponse((r) => new URL(r.url()).pathname === '/sessionen/forlang'),
			page.keyboard.press('Enter'),
		]);
		assert(resp.status() === 200, `extend answered ${resp.status()}`);
		const t = await resp.json();
		assert(t.idle_left >= 1790, `idle_left ${t.idle_left}`);
		await page.locator('dialog.session-warning').waitFor({ state: 'detached' });
		assert((await page.locator('#session-status').innerText()).includes('förlängd'),
			'the extension is not announced');
	});
	await step('session: the next warning closes with Escape, gives focus back and stays closed', async () => {
		await page.focus('#sammanfattning');
		await page.clock.runFor(28 * MIN + 5000);
		assert(await page.locator('dialog.session-warning').isVisible(), 'no second warning');
		await page.keyboard.press('Escape');
		await page.locator('dialog.session-warning').waitFor({ state: 'detached' });
		assert(await page.evaluate(() => document.activeElement.id) === 'sammanfattning',
			'focus did not come back to where it was');
		await page.clock.runFor(5000);
		assert(await page.locator('dialog.session-warning').count() === 0, 'the warning came back');
	});
	await step('session: after the end the page says what happened, and the session is gone', async () => {
		await Promise.all([
			page.waitForResponse((r) => new URL(r.url()).pathname === '/logga-ut'),
			page.clock.runFor(3 * MIN),
		]);
		const box = page.locator('#session-ended[role=alert]');
		assert((await box.innerText()).includes('Du har loggats ut'), 'no message after the end');
		assert(await page.evaluate(() => document.activeElement.id) === 'session-ended',
			'the message has no focus');
		assert(await box.locator(`a[href="/logga-in?next=${encodeURIComponent(`/remisser/${SLUG}/svar`)}"]`).count() === 1,
			'no way back to log in');
	});
	await visit(page, 'utloggad efter tidsgräns');
	await step('session: the server agrees that Bo is logged out', async () => {
		await page.goto(`${BASE}/`);
		assert(await page.locator('.account .who').count() === 0, 'still logged in');
	});
	await page.context().close();
}
