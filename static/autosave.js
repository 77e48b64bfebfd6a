/* autosave.js: progressive enhancement of the response form. Every 30 s (the form's
 * data-autosave, in seconds) a changed draft is posted in the background to the form's own
 * save action, with the form's lock_version; the new lock is taken from the answer so the
 * next save is not a conflict. On a conflict nothing is overwritten: the user is told and
 * autosave stops. A warning is asked for before leaving the page with unsaved changes.
 * Without this script the form works the same with its "Spara utkast" button. */
(function () {
	'use strict';

	var form = document.querySelector('form[data-autosave]');
	var status = document.getElementById('autosave-status');
	if (!form || !status || !window.fetch || !window.FormData || !window.DOMParser)
		return;

	var seconds = parseInt(form.getAttribute('data-autosave'), 10) || 30;
	var changed = false;	/* changed since the last save that succeeded */
	var busy = false, stopped = false, leaving = false, saves = 0;

	function pad(n) { return (n < 10 ? '0' : '') + n; }
	function say(text) { status.textContent = text; }

	function markChanged() { changed = true; }
	form.addEventListener('input', markChanged);
	form.addEventListener('change', markChanged);
	form.addEventListener('submit', function () { leaving = true; });

	window.addEventListener('beforeunload', function (e) {
		if (!changed || leaving)
			return;
		e.preventDefault();
		e.returnValue = '';	/* older browsers need a value to ask */
	});

	function failed(text) {
		changed = true;
		say(text);
	}

	function save() {
		if (!changed || busy || stopped || leaving)
			return;
		busy = true;
		changed = false;	/* edits made while saving mark it again */
		var data = new FormData(form);
		data.delete('bilaga');	/* files go with a save the user makes */
		data.set('action', 'spara');
		fetch(form.getAttribute('action'), {
			method: 'POST', body: data, credentials: 'same-origin',
			headers: { 'Accept': 'text/html' }
		}).then(function (res) {
			if (res.status === 409) {
				stopped = true;
				failed('Någon annan i er organisation har sparat utkastet medan du ' +
				    'skrev. Din text har inte sparats automatiskt och ingenting har ' +
				    'skrivits över. Välj Spara utkast för att se vad som skiljer.');
				return;
			}
			if (res.status === 422) {
				failed('Utkastet kunde inte sparas automatiskt eftersom något i ' +
				    'formuläret behöver rättas. Välj Spara utkast för att se vad.');
				return;
			}
			if (!res.ok || !res.redirected) {
				failed('Utkastet kunde inte sparas automatiskt. Ett nytt försök ' +
				    'görs om en stund.');
				return;
			}
			return res.text().then(function (html) {
				var page = new DOMParser().parseFromString(html, 'text/html');
				var lock = page.querySelector('form[data-autosave] input[name=lock]');
				if (!lock) {	/* e.g. the login page: the session has ended */
					failed('Utkastet kunde inte sparas automatiskt. Du kan ha ' +
					    'loggats ut; välj Spara utkast.');
					return;
				}
				form.querySelector('input[name=lock]').value = lock.value;
				var now = new Date();
				saves++;
				status.setAttribute('data-saves', String(saves));
				/* The save used the login session: session.js moves its end. */
				document.dispatchEvent(new CustomEvent('remiss:saved'));
				say('Sparat kl. ' + pad(now.getHours()) + ':' + pad(now.getMinutes()) + '.');
			});
		}).catch(function () {
			failed('Utkastet kunde inte sparas automatiskt: ingen kontakt med ' +
			    'servern. Ett nytt försök görs om en stund.');
		}).then(function () {
			busy = false;
		});
	}

	/* A page that shows a conflict waits for the user's own decision. */
	if (document.getElementById('konflikt'))
		stopped = true;
	window.setInterval(save, seconds * 1000);
})();
