// keyboard.mjs: the kommun flow with the keyboard alone (login -> form -> save), checking
// that the skip link comes first and that every focused element shows a visible focus.
import { BASE, SLUG, step, visit, newPage, assert, PASSWORD } from './lib.mjs';

/* What has focus: tag, id, name, href, text and whether an outline is drawn. */
function focused(page) {
	return page.evaluate(() => {
		const el = document.activeElement;
		if (!el || el === document.body) return null;
		const cs = getComputedStyle(el);
		const visible = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) ||
			cs.boxShadow !== 'none';
		return { tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute('name'),
			href: el.getAttribute('href'), value: el.getAttribute('value'),
			text: (el.innerText || '').trim(), visible };
	});
}

/* Presses Tab until want(focused) holds; every element passed must show its focus. */
async function tabTo(page, want, what, max = 250) {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		const f = await focused(page);
		if (f === null) continue;
		assert(f.visible, `no visible focus on ${f.tag}#${f.id} "${f.text}"`);
		if (want(f)) return f;
	}
	throw new Error(`did not reach ${what} in ${max} presses of Tab`);
}

export async function keyboard(browser) {
	const page = await newPage(browser);
	await page.goto(`${BASE}/logga-in`);
	await step('keyboard: the first Tab reaches the skip link, which moves focus to main', async () => {
		await page.keyboard.press('Tab');
		const f = await focused(page);
		assert(f && f.href === '#main' && f.visible, `first focus: ${JSON.stringify(f)}`);
		await page.keyboard.press('Enter');
		const g = await focused(page);
		assert(g && g.id === 'main', `after Enter: ${JSON.stringify(g)}`);
	});
	await step('keyboard: logs in with Tab, typing and Enter', async () => {
		await tabTo(page, (f) => f.id === 'email', 'the e-mail field');
		await page.keyboard.type('anna.andersson@laholm.example');
		await tabTo(page, (f) => f.id === 'password', 'the password field');
		await page.keyboard.type(PASSWORD);
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		assert(await page.locator('.account .who').count() === 1, 'not logged in');
	});
	await step('keyboard: opens the remiss and its form with Enter on links', async () => {
		await tabTo(page, (f) => f.href === `/remisser/${SLUG}`, 'the remiss link');
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		await tabTo(page, (f) => f.href === `/remisser/${SLUG}/svar`, 'the form link');
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		assert(page.url().endsWith(`/remisser/${SLUG}/svar`), `at ${page.url()}`);
	});
	await visit(page, 'svarsformulär via tangentbord');
	await step('keyboard: chooses a position with the arrow keys, writes, saves with Enter', async () => {
		await tabTo(page, (f) => f.name === 'stallningstagande', 'the overall position');
		await page.keyboard.press('ArrowDown');
		const pos = await focused(page);
		assert(pos.name === 'stallningstagande', 'arrow key left the radio group');
		await tabTo(page, (f) => f.id === 'sammanfattning', 'the summary');
		await page.keyboard.press('Control+A');
		await page.keyboard.type('Skrivet med tangentbordet.');
		await tabTo(page, (f) => f.tag === 'button' && f.value === 'spara', 'the save button');
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		assert(page.url().includes('sparat=1'), `at ${page.url()}`);
		assert(await page.inputValue('#sammanfattning') === 'Skrivet med tangentbordet.', 'text not saved');
	});
	await step('keyboard: logs out with the keyboard', async () => {
		await tabTo(page, (f) => f.tag === 'button' && f.text === 'Logga ut', 'the logout button');
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		assert(await page.locator('a[href="/logga-in"]').count() > 0, 'still logged in');
	});
	await page.context().close();
}
