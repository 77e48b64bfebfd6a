// lib.mjs: the harness of the browser tests: chromium, numbered ok/not ok lines, a
// screenshot and an axe-core check (WCAG 2.1 A and AA) of every page a scenario visits.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const shots = path.join(here, 'screenshots');
export const BASE = process.env.E2E_BASE || 'http://127.0.0.1:8080';
export const SLUG = 'ok-hemsjukvard-2025';
export const PASSWORD = 'remissvar-demo';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let n = 0, shotNo = 0;
const shotPrefix = process.argv[2] === 'onboarding' ? 'onboarding-' : '';
export const counts = { passed: 0, failed: 0 };

function line(ok, name, detail) {
	n++;
	if (ok) counts.passed++; else counts.failed++;
	console.log(`${ok ? 'ok' : 'not ok'} ${n} - ${name}`);
	if (!ok && detail)
		for (const l of String(detail).split('\n').slice(0, 12))
			console.log(`#   ${l}`);
}

/* Runs one check; a thrown error or a false result is "not ok". Returns whether it passed. */
export async function check(name, fn) {
	try {
		const r = await fn();
		if (r === false) { line(false, name, 'the check returned false'); return false; }
		line(true, name);
		return true;
	} catch (e) {
		line(false, name, e && e.stack ? e.stack : e);
		return false;
	}
}

/* Like check, but a failure ends the scenario (what follows depends on it). */
export async function step(name, fn) {
	if (!(await check(name, fn)))
		throw new Error(`scenario stopped after: ${name}`);
}

export function skip(name, why) {
	console.log(`# SKIP ${name}: ${why}`);
}

export function assert(cond, msg) {
	if (!cond) throw new Error(msg);
}

export async function launch() {
	fs.mkdirSync(shots, { recursive: true });
	// The onboarding run (tests/e2e/run.sh) comes first; the demo run keeps its pictures.
	for (const f of fs.readdirSync(shots))
		if (f.endsWith('.png') && (shotPrefix !== '' || !f.startsWith('onboarding-')))
			fs.unlinkSync(path.join(shots, f));
	return chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
			'--disable-component-update', '--no-first-run'],
	});
}

export async function newPage(browser, options = {}) {
	const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm',
		viewport: { width: 1280, height: 900 }, ...options });
	const page = await context.newPage();
	page.setDefaultTimeout(15000);
	page.cspErrors = [];
	page.on('console', (m) => {
		if (m.type() === 'error' && /Content Security Policy/i.test(m.text()))
			page.cspErrors.push(m.text());
	});
	return page;
}

/* Screenshot of the page as it is now, and an axe check as its own numbered test. */
export async function visit(page, label, { axe = true } = {}) {
	shotNo++;
	const file = `${shotPrefix}${String(shotNo).padStart(2, '0')}-${label.replace(/[^a-z0-9åäö]+/gi, '-').toLowerCase()}.png`;
	// A long page on a busy machine takes a while to capture whole.
	await page.screenshot({ path: path.join(shots, file), fullPage: true, timeout: 60000 });
	if (!axe)
		return;	/* axe needs scripts: a page loaded without them gets only its screenshot */
	await check(`axe: ${label} (${new URL(page.url()).pathname}) has no WCAG 2.1 A/AA violations and broke no CSP rule`, async () => {
		const csp = page.cspErrors.splice(0);
		if (csp.length > 0) throw new Error(csp.join('\n'));
		// evaluate, not a script tag: the CSP forbids inline script, and rightly so.
		await page.evaluate(axeSource);
		const res = await page.evaluate(async (tags) =>
			// eslint-disable-next-line no-undef
			axe.run(document, { runOnly: { type: 'tag', values: tags } }), WCAG);
		if (res.violations.length === 0) return true;
		throw new Error(res.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n` +
			v.nodes.slice(0, 3).map((x) => `    ${x.target.join(' ')}: ${x.failureSummary.replace(/\n/g, ' ')}`).join('\n')).join('\n'));
	});
}

/* Drags the mouse over the first `chars` characters of the text of element `el` (a locator),
 * as a reader selects a passage; returns the selected text. */
export async function selectWithMouse(page, el, chars) {
	await el.scrollIntoViewIfNeeded();	/* mouse coordinates are the viewport's */
	const box = await el.evaluate((node, chars) => {
		// The first text with content, also inside a <mark> of an earlier tag.
		const walk = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
		let text;
		while ((text = walk.nextNode()) !== null && text.textContent.trim() === '')
			;
		const r = document.createRange();
		r.setStart(text, 0);
		r.setEnd(text, Math.min(chars, text.textContent.length));
		const rects = r.getClientRects();
		const a = rects[0], b = rects[rects.length - 1];
		return { x0: a.left + 1, y0: a.top + a.height / 2, x1: b.right - 1, y1: b.top + b.height / 2,
			quote: r.toString() };
	}, chars);
	await page.mouse.move(box.x0, box.y0);
	await page.mouse.down();
	await page.mouse.move((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2, { steps: 5 });
	await page.mouse.move(box.x1, box.y1, { steps: 5 });
	await page.mouse.up();
	return box.quote;
}

export async function login(page, email) {
	await page.goto(`${BASE}/logga-in`);
	await page.fill('#email', email);
	await page.fill('#password', PASSWORD);
	await Promise.all([page.waitForNavigation(), page.click('form[action="/logga-in"] button[type=submit]')]);
	assert(await page.locator('.account .who').count() === 1, `not logged in as ${email}`);
}

export async function logout(page) {
	await Promise.all([page.waitForNavigation(), page.click('form[action="/logga-ut"] button')]);
	assert(await page.locator('a[href="/logga-in"]').count() > 0, 'no login link after logout');
}

/* --- mail: what tests/mail/smtpd.py received (E2E_MAIL_DIR/new) --- */
const mailDir = () => path.join(process.env.E2E_MAIL_DIR || '', 'new');
const readPy = path.join(here, '..', 'mail', 'read.py');
const mailRead = (file, ...what) => execFileSync('python3', [readPy, file, ...what], { encoding: 'utf8' });

/* Every message delivered so far: { file, to: [addresses], subject, text, links }. */
export function mails() {
	if (!fs.existsSync(mailDir())) return [];
	return fs.readdirSync(mailDir()).filter((f) => f.endsWith('.eml')).sort().map((f) => {
		const file = path.join(mailDir(), f);
		const to = fs.readFileSync(file.replace(/\.eml$/, '.rcpt'), 'utf8').split('\n').filter(Boolean)
			.map((a) => a.toLowerCase());
		return { file, to, subject: mailRead(file, 'header', 'Subject').trim(),
			text: mailRead(file, 'text'),
			links: mailRead(file, 'links').split('\n').filter(Boolean)
				.map((u) => u.replace(/^http:\/\/remissvar\.test/, BASE)) };
	});
}

/* Waits (up to 30 s: the sender delivers within seconds) for a message to address whose
 * subject matches re; returns it. */
export async function waitForMail(address, re = /./, seconds = 30) {
	for (let i = 0; i < seconds * 4; i++) {
		const m = mails().find((x) => x.to.includes(address.toLowerCase()) && re.test(x.subject));
		if (m) return m;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`no mail to ${address} matching ${re} (have: ${mails().map((x) => `${x.to} ${x.subject}`).join('; ')})`);
}

/* remissctl with the stack's settings (tests/e2e/run.sh exports E2E_REMISSCTL). */
export function remissctl(...args) {
	return execFileSync(process.env.E2E_REMISSCTL, args, { encoding: 'utf8' });
}
