// export.mjs: the förvaltning downloads the remiss summary as ODT by clicking the export link
// in the UI, and the file is checked as an OpenDocument text: a zip whose first entry is the
// uncompressed "mimetype" and whose content.xml names the remiss; then the same as a Word
// document (.docx), whose word/document.xml names the remiss under Heading styles; then the
// Excel workbook, whose first sheet is the overview.
import fs from 'node:fs';
import zlib from 'node:zlib';
import { BASE, SLUG, step, visit, login, logout, newPage, assert } from './lib.mjs';

const ODT_TYPE = 'application/vnd.oasis.opendocument.text';

/* The first local file header of zip z: its name and (stored) data. */
function firstEntry(z) {
	assert(z.length > 30 && z.readUInt32LE(0) === 0x04034b50, 'not a zip (no local file header at 0)');
	const method = z.readUInt16LE(8), size = z.readUInt32LE(18);
	const nameLen = z.readUInt16LE(26), extraLen = z.readUInt16LE(28);
	const name = z.toString('latin1', 30, 30 + nameLen);
	const start = 30 + nameLen + extraLen;
	return { name, method, data: z.subarray(start, start + size) };
}

/* The entry called name, found through the central directory (sizes there are always
 * right, also when the local header defers them to a data descriptor), inflated. */
function entry(z, name) {
	let eocd = -1;
	for (let i = z.length - 22; i >= Math.max(0, z.length - 65557); i--)
		if (z.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
	assert(eocd >= 0, 'no end of central directory record');
	const count = z.readUInt16LE(eocd + 10);
	let p = z.readUInt32LE(eocd + 16);
	for (let i = 0; i < count; i++) {
		assert(z.readUInt32LE(p) === 0x02014b50, 'bad central directory entry');
		const method = z.readUInt16LE(p + 10), csize = z.readUInt32LE(p + 20);
		const nameLen = z.readUInt16LE(p + 28), extraLen = z.readUInt16LE(p + 30);
		const commentLen = z.readUInt16LE(p + 32), local = z.readUInt32LE(p + 42);
		if (z.toString('utf8', p + 46, p + 46 + nameLen) === name) {
			const start = local + 30 + z.readUInt16LE(local + 26) + z.readUInt16LE(local + 28);
			const raw = z.subarray(start, start + csize);
			return method === 0 ? raw : zlib.inflateRawSync(raw);
		}
		p += 46 + nameLen + extraLen + commentLen;
	}
	throw new Error(`no ${name} in the zip`);
}

function xmlEscape(s) {
	return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export async function exportOdt(browser) {
	const page = await newPage(browser, { acceptDownloads: true });
	await step('export: the förvaltning logs in', () => login(page, 'forvaltning@regionhalland.example'));
	let title;
	await step('export: the review pages link to the export page', async () => {
		await page.goto(`${BASE}/remisser/${SLUG}/granskning`);
		await Promise.all([page.waitForNavigation(),
			page.click(`a[href="/remisser/${SLUG}/export"]`)]);
		assert(await page.locator('h1').innerText() === 'Export', 'no export page');
		title = (await page.locator('main p.lead').first().innerText()).trim();
		assert(title.length > 0, 'the export page names no remiss');
	});
	await visit(page, 'export');
	let file;
	await step('export: clicking the ODT link downloads an .odt file', async () => {
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.click(`a[href="/api/v1/remisser/${SLUG}/export.odt"]`),
		]);
		assert(await download.failure() === null, `download failed: ${await download.failure()}`);
		assert(download.suggestedFilename().endsWith('.odt'), `file name ${download.suggestedFilename()}`);
		file = fs.readFileSync(await download.path());
	});
	await step('export: the file is a zip whose first entry is the stored mimetype of an ODT', async () => {
		const first = firstEntry(file);
		assert(first.name === 'mimetype', `first entry is ${first.name}`);
		assert(first.method === 0, `mimetype is compressed (method ${first.method})`);
		assert(first.data.toString('latin1') === ODT_TYPE, `mimetype is ${first.data.toString('latin1')}`);
	});
	await step('export: content.xml names the remiss', async () => {
		const xml = entry(file, 'content.xml').toString('utf8');
		assert(xml.includes(xmlEscape(title)), `content.xml does not contain "${title}"`);
	});
	await step('export: clicking the Word link downloads a .docx whose document names the remiss', async () => {
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.click(`a[href="/api/v1/remisser/${SLUG}/export.docx"]`),
		]);
		assert(await download.failure() === null, `download failed: ${await download.failure()}`);
		assert(download.suggestedFilename() === `${SLUG}-remissammanstallning.docx`,
			`file name ${download.suggestedFilename()}`);
		const docx = fs.readFileSync(await download.path());
		const types = entry(docx, '[Content_Types].xml').toString('utf8');
		assert(types.includes('wordprocessingml.document.main+xml'), 'not a Word document');
		const xml = entry(docx, 'word/document.xml').toString('utf8');
		assert(xml.includes(xmlEscape(title)), `word/document.xml does not contain "${title}"`);
		assert(xml.includes('<w:pStyle w:val="Heading1"/>'), 'no Heading 1 in the document');
	});
	await step('export: clicking the Excel link downloads SLUG-remissvar.xlsx, a workbook whose first sheet is Översikt', async () => {
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.click(`a[href="/api/v1/remisser/${SLUG}/export.xlsx"]`),
		]);
		assert(await download.failure() === null, `download failed: ${await download.failure()}`);
		assert(download.suggestedFilename() === `${SLUG}-remissvar.xlsx`, `file name ${download.suggestedFilename()}`);
		const x = fs.readFileSync(await download.path());
		const wb = entry(x, 'xl/workbook.xml').toString('utf8');
		const first = /<sheet name="([^"]*)"/.exec(wb);
		assert(first && first[1] === 'Översikt', `first sheet ${first && first[1]}`);
		const ov = entry(x, 'xl/worksheets/sheet1.xml').toString('utf8');
		assert(ov.includes('<t>Remissinstans</t>'), 'the overview has no header row');
	});
	await step('export: the förvaltning logs out', () => logout(page));
	await visit(page, 'utloggad efter export');
	await page.context().close();
}
