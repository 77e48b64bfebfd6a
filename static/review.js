/* review.js: progressive enhancement of the review workspace. Selecting text with the mouse
 * (or the keyboard) in an answer's field fills the passage fields of that answer's tag and annotation forms
 * (the quote, which field it is from, and where it starts), so a granskare can tag or
 * annotate a passage in two clicks. Without this script the same forms work by pasting. */
(function () {
	'use strict';

	/* static/selection.js, loaded first. */
	var offsetIn = window.remissSelection.offsetIn;
	var fieldOf = window.remissSelection.fieldOf;

	function fill(target, field, quote, start) {
		target.querySelectorAll('form').forEach(function (form) {
			var q = form.querySelector('.js-quote');
			var f = form.querySelector('.js-field');
			var s = form.querySelector('.js-start');
			if (!q || !f || !s)
				return;
			q.value = quote;
			f.value = field.getAttribute('data-field');
			s.value = String(start);
		});
	}

	/* A selection made with the mouse, or with the keyboard (Shift and the arrow keys
	 * with caret browsing, F7 in most browsers). */
	function selected() {
		var sel = window.getSelection();
		if (!sel || sel.isCollapsed || sel.rangeCount === 0)
			return;
		var range = sel.getRangeAt(0);
		var field = fieldOf(range.startContainer);
		if (!field || field !== fieldOf(range.endContainer))
			return;		/* only a passage within one field */
		var target = field.closest('section.target');
		var quote = range.toString();
		if (!target || quote.trim() === '')
			return;
		fill(target, field, quote,
		    offsetIn(field, range.startContainer, range.startOffset));
		var status = target.querySelector('.js-selected');
		if (!status) {
			status = document.createElement('p');
			status.className = 'js-selected notice';
			status.setAttribute('role', 'status');
			field.closest('dl').after(status);
		}
		status.textContent = 'Markerat stycke: ”' + quote.trim().slice(0, 80) +
		    (quote.trim().length > 80 ? '…' : '') +
		    '”. Välj tema och tagga, eller skriv en anteckning.';
	}

	document.addEventListener('mouseup', selected);
	document.addEventListener('keyup', function (e) {
		if (e.shiftKey || e.key === 'Shift')
			selected();
	});
})();
