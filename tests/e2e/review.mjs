// review.mjs: a granskare creates a theme, tags a passage selected with the mouse in the
// section view (static/review.js fills the form), annotates it and resolves the annotation.
import { BASE, SLUG, step, visit, login, logout, newPage, assert, selectWithMouse } from './lib.mjs';

export async function review(browser) {
	const page = await newPage(browser);
	const theme = `Ansvarsfördelning ${Date.now() % 100000}`;
	await step('review: the granskare logs in', () => login(page, 'granskare@regionhalland.example'));
	await page.goto(`${BASE}/remisser/${SLUG}/granskning`);
	await visit(page, 'granskning matris');
	await page.goto(`${BASE}/remisser/${SLUG}/teman`);
	await visit(page, 'teman');
	await step('review: creates a theme', async () => {
		await page.fill('#nytt-namn', theme);
		await page.fill('#nytt-beskrivning', 'Vem gör vad mellan region och kommun.');
		await Promise.all([page.waitForNavigation(), page.click('button:has-text("Skapa temat")')]);
		assert((await page.content()).includes(theme), 'the theme is not listed');
	});
	await visit(page, 'tema skapat');
	await page.goto(`${BASE}/remisser/${SLUG}/granskning/avsnitt/1`);
	await visit(page, 'granskning avsnitt 1');
	// The first answer with text in the section view.
	const articleId = await page.locator('article.answer:has(dd[data-field])').first().getAttribute('id');
	const target = () => page.locator(`#${articleId} section.target:has(dd[data-field])`).first();
	let quote;
	await step('review: selecting a passage with the mouse fills the tag form', async () => {
		quote = await selectWithMouse(page, target().locator('dd[data-field]').first(), 24);
		assert(quote.trim().length > 0, 'nothing selected');
		const filled = await target().locator('form.tag-form .js-quote').inputValue();
		assert(filled === quote, `quote field holds "${filled}", selected "${quote}"`);
		assert(await target().locator('.js-selected[role=status]').count() === 1, 'no status message');
	});
	await visit(page, 'stycke markerat');
	await step('review: tags the selected passage with the theme', async () => {
		await target().locator('form.tag-form select[name=tema]').selectOption({ label: theme });
		await Promise.all([page.waitForNavigation(), target().locator('form.tag-form button:has-text("Tagga")').click()]);
		const tags = await target().locator('ul.tags').innerText();
		assert(tags.includes(theme) && tags.includes(quote.trim().slice(0, 10)), `tags: ${tags}`);
	});
	await visit(page, 'stycke taggat');
	const note = `Oklart vem som bär kostnaden (${Date.now() % 100000}).`;
	await step('review: annotates the passage', async () => {
		await target().locator('details.new-note summary').click();
		const again = await selectWithMouse(page, target().locator('dd[data-field]').first(), 24);
		assert(again === quote, `selected "${again}" the second time`);
		await target().locator('details.new-note textarea[name=text]').fill(note);
		assert(await target().locator('details.new-note .js-quote').inputValue() === quote, 'note passage not filled');
		await Promise.all([page.waitForNavigation(), target().locator('button:has-text("Spara anteckningen")').click()]);
		assert((await target().locator('ul.threads').innerText()).includes(note), 'the note is not shown');
	});
	await visit(page, 'anteckning sparad');
	await step('review: resolves the annotation', async () => {
		const thread = target().locator('li.thread', { hasText: note });
		await Promise.all([page.waitForNavigation(), thread.locator('button:has-text("Markera som löst")').click()]);
		const resolved = target().locator('li.thread.resolved', { hasText: note });
		assert(await resolved.count() === 1, 'the thread is not resolved');
		assert((await resolved.innerText()).includes('Löst av'), 'no "Löst av"');
	});
	await visit(page, 'anteckning löst');
	await step('review: the granskare logs out', () => logout(page));
	await page.context().close();
}
