/* mail_view.c: the text and HTML bodies of an e-mail, built together from the same calls. */
#include "config.h"

#include <string.h>

#include "util/arena.h"
#include "util/buf.h"
#include "views/html.h"
#include "views/mail_view.h"

struct mail_body {
	struct arena	*arena;
	struct buf	 text;
	struct html	*html;
	int		 in_list;	/* a <ul> is open */
	int		 failed;
};

struct mail_body *
mail_body_new(struct arena *a)
{
	struct mail_body *b;

	if ((b = arena_calloc(a, 1, sizeof(*b))) == NULL)
		return NULL;
	b->arena = a;
	buf_init(&b->text, a);
	if ((b->html = html_new()) == NULL)
		return NULL;
	html_open(b->html, "html", "lang", lang_code(i18n_current()), NULL);
	html_open(b->html, "head", NULL);
	html_void(b->html, "meta", "charset", "utf-8", NULL);
	html_close(b->html);
	html_open(b->html, "body", "style",
	    "font-family: sans-serif; line-height: 1.4; max-width: 40em", NULL);
	return b;
}

/* Ends a bullet list, if one is open. */
static void
end_list(struct mail_body *b)
{
	if (!b->in_list)
		return;
	html_close(b->html);
	buf_puts(&b->text, "\n");
	b->in_list = 0;
}

/* Writes text into the HTML with <br> at each "\n". */
static void
html_lines(struct html *h, const char *text)
{
	const char	*nl;
	char		 line[4096];
	size_t		 len;

	while ((nl = strchr(text, '\n')) != NULL) {
		len = (size_t)(nl - text);
		while (len > 0) {
			size_t n = len < sizeof(line) - 1 ? len : sizeof(line) - 1;

			/* Do not cut a UTF-8 sequence. */
			while (n < len && n > 0 &&
			    ((unsigned char)text[n] & 0xc0) == 0x80)
				n--;
			memcpy(line, text, n);
			line[n] = '\0';
			html_text(h, line);
			text += n;
			len -= n;
		}
		html_void(h, "br", NULL);
		text = nl + 1;
	}
	html_text(h, text);
}

void
mail_heading(struct mail_body *b, const char *text)
{
	if (b == NULL || b->html == NULL || text == NULL)
		return;
	end_list(b);
	buf_printf(&b->text, "%s\n\n", text);
	html_elem(b->html, "h2", text, "style", "font-size: 1.2em", NULL);
}

void
mail_para(struct mail_body *b, const char *text)
{
	if (b == NULL || b->html == NULL || text == NULL)
		return;
	end_list(b);
	buf_printf(&b->text, "%s\n\n", text);
	html_open(b->html, "p", NULL);
	html_lines(b->html, text);
	html_close(b->html);
}

void
mail_fact(struct mail_body *b, const char *label, const char *value)
{
	if (b == NULL || b->html == NULL || label == NULL || value == NULL)
		return;
	end_list(b);
	buf_printf(&b->text, "%s: %s\n\n", label, value);
	html_open(b->html, "p", NULL);
	html_elem(b->html, "strong", label, NULL);
	html_text(b->html, ": ");
	html_text(b->html, value);
	html_close(b->html);
}

void
mail_link(struct mail_body *b, const char *label, const char *url)
{
	if (b == NULL || b->html == NULL || label == NULL || url == NULL)
		return;
	end_list(b);
	buf_printf(&b->text, "%s:\n%s\n\n", label, url);
	html_open(b->html, "p", NULL);
	html_elem(b->html, "a", label, "href", url, NULL);
	html_close(b->html);
}

void
mail_item(struct mail_body *b, const char *text)
{
	if (b == NULL || b->html == NULL || text == NULL)
		return;
	if (!b->in_list) {
		html_open(b->html, "ul", NULL);
		b->in_list = 1;
	}
	buf_printf(&b->text, "- %s\n", text);
	html_open(b->html, "li", NULL);
	html_lines(b->html, text);
	html_close(b->html);
}

int
mail_body_finish(struct mail_body *b, int automatic, const char **text,
    const char **html)
{
	struct buf	out;
	const char	*footer;

	*text = *html = NULL;
	if (b == NULL || b->html == NULL)
		return -1;
	end_list(b);
	footer = automatic ?
	    _("Det här meddelandet skickades automatiskt av tjänsten Remissvar. "
	    "Svar på det läses inte.") :
	    _("Det här meddelandet skickades av tjänsten Remissvar.");
	buf_printf(&b->text, "-- \n%s\n", footer);
	html_elem(b->html, "hr", NULL, NULL);
	html_elem(b->html, "p", footer, "style", "color: #555; font-size: 0.9em",
	    NULL);
	html_close(b->html);	/* body */
	html_close(b->html);	/* html */
	buf_init(&out, b->arena);
	if (html_finish(b->html, &out) == -1 || out.failed || b->text.failed ||
	    out.len == 0 || b->text.len == 0) {
		mail_body_discard(b);
		return -1;
	}
	mail_body_discard(b);
	*text = b->text.data;
	*html = out.data;
	return 0;
}

void
mail_body_discard(struct mail_body *b)
{
	if (b != NULL && b->html != NULL) {
		html_free(b->html);
		b->html = NULL;
	}
}
