/* session.js: warns before the login session ends (WCAG 2.2.1 Timing Adjustable). It asks
 * GET /sessionen how long the session has left; two minutes before the end a dialog says when
 * the session ends and offers "Förläng sessionen", which posts to /sessionen/forlang with the
 * page's CSRF token. When the end comes anyway the session is ended for real (POST /logga-ut)
 * and a message at the top of the page says what happened; typed text stays on the page.
 * Activity in other tabs of the same site (page loads, extensions, autosaves) moves the end
 * on through localStorage. Without this script nothing changes: the session just ends. */
(function () {
	'use strict';

	var csrfInput = document.querySelector('form[action="/logga-ut"] input[name=csrf]');
	if (!csrfInput || !window.fetch || !window.JSON)
		return;
	var csrf = csrfInput.value;
	/* The texts, in the user's language, from data attributes that layout.c writes through
	 * the message catalogue; %s stands for a time of day. */
	var me = document.querySelector('script[src="/static/session.js"]');
	var T = (me && me.dataset) || {};
	var LANG = T.lang || 'sv';
	function text(key, time) { return (T[key] || '').replace('%s', time || ''); }
	var KEY = 'remiss-session-activity';
	var TOUCH_SLACK = 15000;	/* the server counts use at most every 15 s */
	var idleMs = 0, warnMs = 120000, idleEnd = 0, absEnd = 0;
	var dialog = null, ended = false, returnFocus = null, timer = null;
	var warnedEnd = 0;	/* the end last warned of: "Stäng" is not undone a second later */

	function pad(n) { return (n < 10 ? '0' : '') + n; }
	function clock(ms) {
		var d = new Date(ms);
		return pad(d.getHours()) + ':' + pad(d.getMinutes());
	}
	function end() { return Math.min(idleEnd, absEnd); }

	/* A polite status line for "förlängd" messages, made once. */
	var status = document.createElement('p');
	status.className = 'visually-hidden';
	status.id = 'session-status';
	status.setAttribute('role', 'status');
	status.lang = LANG;
	document.body.appendChild(status);

	function remember(now) {
		try { window.localStorage.setItem(KEY, String(now)); } catch (e) { /* private mode */ }
	}

	function take(t, now) {
		idleMs = t.idle_seconds * 1000;
		warnMs = t.warn_seconds * 1000;
		idleEnd = now + t.idle_left * 1000;
		absEnd = now + t.absolute_left * 1000;
	}

	function ask(method, path) {
		var opts = { method: method, credentials: 'same-origin',
			headers: { 'Accept': 'application/json' } };
		if (method === 'POST')
			opts.headers['X-CSRF-Token'] = csrf;
		return fetch(path, opts).then(function (res) {
			if (res.status === 401) {
				expired();
				return null;
			}
			if (!res.ok)
				throw new Error(String(res.status));
			return res.json();
		});
	}

	function refresh() {
		return ask('GET', '/sessionen').then(function (t) {
			if (!t) return;
			var now = Date.now();
			take(t, now);
			remember(now);
		}).catch(function () { /* try again on the next activity */ });
	}

	function closeDialog() {
		if (!dialog) return;
		if (dialog.open) dialog.close();
		dialog.parentNode.removeChild(dialog);
		dialog = null;
		if (returnFocus && document.contains(returnFocus)) returnFocus.focus();
		returnFocus = null;
	}

	function extend() {
		var button = dialog && dialog.querySelector('button.primary');
		if (button) button.disabled = true;
		ask('POST', '/sessionen/forlang').then(function (t) {
			if (!t) return;
			var now = Date.now();
			take(t, now);
			remember(now);
			closeDialog();
			status.textContent = text('extended', clock(end()));
		}).catch(function () {
			if (button) button.disabled = false;
			var p = dialog && dialog.querySelector('.session-error');
			if (p) p.textContent = text('failed');
		});
	}

	function el(tag, cls, text) {
		var e = document.createElement(tag);
		if (cls) e.className = cls;
		if (text) e.textContent = text;
		return e;
	}

	function warn() {
		if (dialog || ended || warnedEnd === end()) return;
		warnedEnd = end();
		var last = absEnd <= idleEnd + 1000;	/* the absolute end: no extending */
		returnFocus = document.activeElement;
		dialog = el('dialog', 'session-warning');
		dialog.lang = LANG;
		dialog.setAttribute('role', 'alertdialog');
		dialog.setAttribute('aria-labelledby', 'session-warning-title');
		dialog.setAttribute('aria-describedby', 'session-warning-text');
		var h = el('h2', null, text('title'));
		h.id = 'session-warning-title';
		var p = el('p', null, text(last ? 'last' : 'idle', clock(end())));
		p.id = 'session-warning-text';
		dialog.appendChild(h);
		dialog.appendChild(p);
		dialog.appendChild(el('p', 'session-error'));
		var buttons = el('div', 'buttons');
		var first;
		if (!last) {
			first = el('button', 'primary', text('extend'));
			first.type = 'button';
			first.addEventListener('click', extend);
			buttons.appendChild(first);
		}
		var close = el('button', null, text(last ? 'understood' : 'close'));
		close.type = 'button';
		close.addEventListener('click', closeDialog);
		buttons.appendChild(close);
		dialog.appendChild(buttons);
		/* Escape closes the dialog like "Stäng"; the end stays the same. */
		dialog.addEventListener('cancel', function (e) { e.preventDefault(); closeDialog(); });
		document.body.appendChild(dialog);
		if (dialog.showModal) dialog.showModal(); else dialog.setAttribute('open', '');
		(first || close).focus();
	}

	function expired() {
		if (ended) return;
		ended = true;
		if (timer) window.clearInterval(timer);
		closeDialog();
		/* End the session on the server too, so that what the page says is true. */
		var body = new URLSearchParams();
		body.set('csrf', csrf);
		fetch('/logga-ut', { method: 'POST', body: body, credentials: 'same-origin',
			redirect: 'manual' }).catch(function () { /* it has ended anyway */ });
		var box = el('div', 'alert session-ended');
		box.lang = LANG;
		box.setAttribute('role', 'alert');
		box.tabIndex = -1;
		box.id = 'session-ended';
		box.appendChild(el('h2', null, text('endedTitle')));
		box.appendChild(el('p', null, text('ended')));
		var p = el('p');
		var a = el('a', null, text('login'));
		a.href = '/logga-in?next=' + encodeURIComponent(location.pathname);
		p.appendChild(a);
		box.appendChild(p);
		var main = document.getElementById('main') || document.body;
		main.insertBefore(box, main.firstChild);
		box.focus();
		/* The logout corner no longer tells the truth. */
		var who = document.querySelector('.account');
		if (who) who.textContent = text('loggedOut');
	}

	function tick() {
		if (ended || !idleEnd) return;
		var left = end() - Date.now();
		if (left <= 0) expired();
		else if (left <= warnMs) warn();
	}

	/* Another tab was used: the session lives on from then (less the server's slack). */
	window.addEventListener('storage', function (e) {
		if (e.key !== KEY || !e.newValue || ended) return;
		var at = parseInt(e.newValue, 10);
		if (!at) return;
		var moved = Math.min(at - TOUCH_SLACK + idleMs, absEnd);
		if (moved > idleEnd) {
			idleEnd = moved;
			if (dialog && end() - Date.now() > warnMs) closeDialog();
		}
	});
	/* A background save (autosave.js) used the session. */
	document.addEventListener('remiss:saved', refresh);

	refresh().then(function () { timer = window.setInterval(tick, 1000); });
}());
