/* redact.js: progressive enhancement of the preview of the public page. Selecting text with the
 * mouse (or the keyboard) within one field of a response fills that response's "Dölj ett
 * stycke" form below it: the passage, which field it is in and where it starts in the text as
 * shown (the server anchors it in the stored text, as the review's tags are anchored), and
 * opens the form. Without this script the same form works by typing the passage and choosing
 * the field. The status message comes from the page (data-selected), in the page's language. */
(function () {
	'use strict';

	/* static/selection.js, loaded first. */
	var offsetIn = window.remissSelection.offsetIn;
	var fieldOf = window.remissSelection.fieldOf;

	function selected() {
		var sel = window.getSelection();
		if (!sel || sel.isCollapsed || sel.rangeCount === 0)
			return;
		var range = sel.getRangeAt(0);
		var field = fieldOf(range.startContainer);
		if (!field || field !== fieldOf(range.endContainer))
			return;		/* only a passage within one field */
		var response = field.closest('section.public-response');
		var quote = range.toString();
		if (!response || quote.trim() === '')
			return;
		var tools = document.querySelector('aside.redact-tools[data-version="' +
		    response.getAttribute('data-version') + '"]');
		var form = tools && tools.querySelector('form.redact-passage');
		if (!form)
			return;
		var select = form.querySelector('.js-field');
		var key = field.getAttribute('data-field');
		var option = Array.from(select.options).find(function (o) { return o.value === key; });
		if (!option)
			return;		/* not a text that can be hidden by passage */
		form.querySelector('.js-quote').value = quote;
		select.value = key;
		form.querySelector('.js-start').value =
		    String(offsetIn(field, range.startContainer, range.startOffset));
		var details = tools.querySelector('details');
		if (details)
			details.open = true;
		var status = tools.querySelector('.js-selected');
		if (status) {
			var short = quote.trim().slice(0, 80) + (quote.trim().length > 80 ? '…' : '');
			status.textContent = (tools.getAttribute('data-selected') || '{field}: {quote}')
			    .replace('{field}', function () { return option.textContent; })
			    .replace('{quote}', function () { return short; });
		}
	}

	document.addEventListener('mouseup', selected);
	document.addEventListener('keyup', function (e) {
		if (e.shiftKey || e.key === 'Shift')
			selected();
	});
})();
