// sweep.mjs: the pages the scenarios do not pass through, each with a screenshot and an
// axe-core check: the förvaltning's pages, the review lists, a phone-sized form and 404.
import { BASE, SLUG, step, visit, login, logout, newPage, assert } from './lib.mjs';

export async function sweep(browser) {
	const page = await newPage(browser);
	await page.goto(`${BASE}/finns-inte`);
	await visit(page, 'sidan finns inte');
	await page.goto(`${BASE}/glomt-losenord`);
	await visit(page, 'glömt lösenordet');
	await step('sweep: every page links to the accessibility statement, which needs no login', async () => {
		await page.goto(`${BASE}/logga-in`);
		await Promise.all([page.waitForNavigation(),
			page.click('footer a[href="/tillganglighet"]')]);
		assert(await page.locator('h1').innerText() === 'Tillgänglighetsredogörelse för Remissvar',
			`h1: ${await page.locator('h1').innerText()}`);
		assert(await page.locator('main h2', { hasText: 'Kända brister' }).count() === 1,
			'no "Kända brister" section');
		assert(await page.locator('main li strong').count() > 0, 'the Markdown emphasis is lost');
	});
	await visit(page, 'tillgänglighetsredogörelse');
	await step('sweep: the förvaltning logs in', () => login(page, 'forvaltning@regionhalland.example'));
	const pages = [
		[`/remisser/${SLUG}/oversikt`, 'översikt'],
		[`/remisser/${SLUG}/jamfor`, 'jämför svar'],
		['/admin/logg', 'händelselogg'],
		['/admin/utskick', 'utskick av e-post'],
		['/admin/remisser', 'hantera remisser'],
		['/admin/remisser/ny', 'ny remiss'],
		[`/remisser/${SLUG}/redigera`, 'redigera remiss'],
		[`/remisser/${SLUG}/anteckningar`, 'öppna anteckningar'],
		[`/remisser/${SLUG}/sok?q=hemsjukv%C3%A5rd`, 'sök i svaren'],
		[`/remisser/${SLUG}/granskning/avsnitt/3.3`, 'granskning avsnitt 3.3'],
		[`/remisser/${SLUG}/analys`, 'analys'],
		[`/remisser/${SLUG}/dubbletter`, 'dubbletter'],
		[`/remisser/${SLUG}/sammanfattning`, 'sammanfattning'],
		[`/remisser/${SLUG}/beslutsforslag`, 'beslutsförslag'],
		[`/remisser/${SLUG}/publicering`, 'publicering'],
		[`/remisser/${SLUG}/dialogmoten`, 'dialogmöten'],
		[`/remisser/${SLUG}/dialogmoten/nytt`, 'nytt dialogmöte'],
		['/admin/personer', 'personer'],
		['/tillganglighet', 'tillgänglighetsredogörelse inloggad'],
		// Issue 18 (m18-orgs): organisations, the remisslista and the referensgrupp.
		['/admin/organisationer', 'organisationer'],
		[`/remisser/${SLUG}/remisslista`, 'remisslista'],
		[`/remisser/${SLUG}/referensgrupp`, 'referensgrupp'],
	];
	for (const [p, label] of pages) {
		await page.goto(BASE + p);
		await visit(page, label);
	}
	await step('sweep: an organisation\'s page opens from the list', async () => {
		await page.goto(`${BASE}/admin/organisationer`);
		await Promise.all([page.waitForNavigation(),
			page.click('main table a:text-is("Laholms kommun")')]);
		assert(await page.locator('h1').innerText() === 'Laholms kommun',
			`h1: ${await page.locator('h1').innerText()}`);
	});
	await visit(page, 'organisation');
	await step('sweep: the förvaltning logs out', () => logout(page));
	await page.context().close();

	// A phone: 360 px wide, the form must reflow (WCAG 1.4.10).
	const phone = await newPage(browser);
	await phone.setViewportSize({ width: 360, height: 740 });
	await step('sweep: on a phone the start page and the form have no horizontal scroll', async () => {
		await login(phone, 'karin.karlsson@halmstad.example');
		for (const p of ['/', `/remisser/${SLUG}`, `/remisser/${SLUG}/svar`]) {
			await phone.goto(BASE + p);
			const wide = await phone.evaluate(() => document.documentElement.scrollWidth);
			if (wide > 360) throw new Error(`${p} is ${wide} px wide`);
		}
	});
	await visit(phone, 'svarsformulär på mobil');
	await step('sweep: Karin logs out', () => logout(phone));
	await phone.context().close();
}
