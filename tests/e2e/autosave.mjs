// autosave.mjs: static/autosave.js saves the draft in the background every 30 s (a fake
// clock stands in for the wait), tells of a conflict instead of overwriting, and warns
// before leaving a page with unsaved changes.
import { BASE, SLUG, step, check, visit, login, logout, newPage, assert } from './lib.mjs';

const FORM = `${BASE}/remisser/${SLUG}/svar`;

export async function autosave(browser) {
	const page = await newPage(browser);
	await page.clock.install();
	await step('autosave: Anna logs in and opens the form', async () => {
		await login(page, 'anna.andersson@laholm.example');
		await page.goto(FORM);
	});
	const text = `Sparat av sig självt ${Date.now() % 100000}.`;
	await step('autosave: after 30 s the draft is saved and the time shown', async () => {
		await page.fill('#sammanfattning', text);
		await page.clock.runFor(31000);
		await page.waitForFunction(() => /Sparat kl\. \d\d:\d\d/.test(
			document.querySelector('#autosave-status')?.textContent || ''));
	});
	await visit(page, 'autosparat');
	await step('autosave: the saved text is there after a reload, without a warning', async () => {
		let warned = false;
		const onDialog = (d) => { warned = true; d.accept(); };
		page.on('dialog', onDialog);
		await page.reload();
		page.off('dialog', onDialog);
		assert(!warned, 'warned although everything was saved');
		assert(await page.inputValue('#sammanfattning') === text, 'text not saved in the background');
	});
	await step('autosave: a manual save after an autosave is not a conflict', async () => {
		await page.fill('#a-2-kommentar', 'Målgruppen är rätt.');
		await page.clock.runFor(31000);
		await page.waitForFunction(() => /Sparat kl\./.test(document.querySelector('#autosave-status')?.textContent || '') &&
			document.querySelector('#autosave-status').dataset.saves === '1');
		await page.fill('#a-2-lydelse', 'Ny lydelse.');
		await Promise.all([page.waitForNavigation(), page.click('button[value=spara]')]);
		assert(page.url().includes('sparat=1'), `at ${page.url()} (a conflict?)`);
	});
	await step('autosave: leaving with unsaved changes asks first', async () => {
		await page.fill('#sammanfattning', 'Osparad ändring.');
		const dialog = new Promise((resolve) => page.once('dialog', async (d) => {
			resolve(d.type());
			await d.dismiss();
		}));
		page.click('header.site a.brand').catch(() => {});
		assert(await dialog === 'beforeunload', 'no beforeunload dialog');
		await page.waitForTimeout(300);
		assert(page.url().startsWith(FORM), 'left the page although the user stayed');
	});
	await step('autosave: a conflicting background save is reported, not overwritten', async () => {
		const bo = await newPage(browser);
		await login(bo, 'bo.berg@laholm.example');
		await bo.goto(FORM);
		await bo.fill('#sammanfattning', 'Bo sparade emellan.');
		await Promise.all([bo.waitForNavigation(), bo.click('button[value=spara]')]);
		await logout(bo);
		await bo.context().close();
		await page.fill('#sammanfattning', 'Annas nyare text.');
		await page.clock.runFor(31000);
		await page.waitForFunction(() => /Någon annan/.test(document.querySelector('#autosave-status')?.textContent || ''));
		// Bo's save is what the database holds.
		const again = await newPage(browser);
		await login(again, 'bo.berg@laholm.example');
		await again.goto(FORM);
		assert(await again.inputValue('#sammanfattning') === 'Bo sparade emellan.', 'the conflict overwrote Bo\'s save');
		await logout(again);
		await again.context().close();
	});
	await visit(page, 'autosparning konflikt');
	await check('autosave: Anna logs out after discarding her change', async () => {
		page.once('dialog', (d) => d.accept());
		await logout(page);
	});
	await page.context().close();
}
