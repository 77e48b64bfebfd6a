// scenarios.mjs: runs every browser scenario against E2E_BASE and prints the closing count.
import { launch, counts } from './lib.mjs';
import { answerAndSubmit, conflict, noScript } from './kommun.mjs';
import { review } from './review.mjs';
import { keyboard } from './keyboard.mjs';
import { autosave } from './autosave.mjs';
import { sweep } from './sweep.mjs';
import { english } from './english.mjs';
import { exportOdt } from './export.mjs';
import { session } from './session.mjs';

const scenarios = { answerAndSubmit, conflict, noScript, review, keyboard, autosave, sweep,
	english, exportOdt, session };
const only = process.env.E2E_ONLY ? process.env.E2E_ONLY.split(',') : Object.keys(scenarios);

const browser = await launch();
try {
	for (const name of only) {
		try {
			await scenarios[name](browser);
		} catch (e) {
			console.log(`# ${name}: ${e.message}`);
		}
	}
} finally {
	await browser.close();
}
console.log(`${counts.passed} passed, ${counts.failed} failed`);
process.exitCode = counts.failed === 0 && counts.passed > 0 ? 0 : 1;
