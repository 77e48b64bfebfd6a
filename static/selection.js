/* selection.js: what the review's and the publication preview's selection scripts share (review.js,
 * redact.js): which field of an answer a node is in, and where in that field's text, counted in
 * characters as the server counts them (core/anchor.c). Loaded before either script. */
(function () {
	'use strict';

	/* Character offset of (node, offset) from the start of field's text. */
	function offsetIn(field, node, offset) {
		var range = document.createRange();
		range.selectNodeContents(field);
		range.setEnd(node, offset);
		return Array.from(range.toString()).length;
	}

	/* The element with data-field that holds node, or null. */
	function fieldOf(node) {
		var el = node && node.nodeType === 1 ? node : node && node.parentElement;
		return el ? el.closest('[data-field]') : null;
	}

	window.remissSelection = { offsetIn: offsetIn, fieldOf: fieldOf };
}());
