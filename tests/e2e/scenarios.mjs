// scenarios.mjs: runs every browser scenario against E2E_BASE and prints the closing count.
import { launch, counts, check } from './lib.mjs';
import { answerAndSubmit, conflict, noScript, revision } from './kommun.mjs';
import { review } from './review.mjs';
import { keyboard } from './keyboard.mjs';
import { autosave } from './autosave.mjs';
import { sweep } from './sweep.mjs';
import { english } from './english.mjs';
import { exportOdt } from './export.mjs';
import { session } from './session.mjs';
import { redaction } from './redaction.mjs';
import { onboarding } from './onboarding.mjs';
import { documents } from './documents.mjs';
import { reading } from './reading.mjs';

const scenarios = { revision, answerAndSubmit, conflict, noScript, review, keyboard, autosave,
	sweep, english, exportOdt, session, redaction, documents, reading };
// "scenarios.mjs onboarding" runs the one that starts from an empty database (tests/e2e/run.sh
// runs it before the demo data is loaded); without an argument, every other one.
const only = process.argv[2] === 'onboarding' ? ['onboarding'] :
	process.env.E2E_ONLY ? process.env.E2E_ONLY.split(',') : Object.keys(scenarios);
scenarios.onboarding = onboarding;

const browser = await launch();
try {
	for (const name of only) {
		try {
			await scenarios[name](browser);
		} catch (e) {
			// A failed step has printed its "not ok" already; anything else that ends a
			// scenario early (a timeout in a screenshot, say) must fail the run too.
			if (/^scenario stopped after: /.test(e.message))
				console.log(`# ${name}: ${e.message}`);
			else
				await check(`${name} runs to its end`, () => { throw e; });
		}
	}
} finally {
	await browser.close();
}
console.log(`${counts.passed} passed, ${counts.failed} failed`);
process.exitCode = counts.failed === 0 && counts.passed > 0 ? 0 : 1;
