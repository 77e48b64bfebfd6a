/* test_routes.c: the route table: every route names its need, the object its path addresses and its inputs. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "auth/identity.h"
#include "core/objects.h"
#include "handlers/handlers.h"
#include "http/input.h"

static bool
changes_state(enum http_method m)
{
	return m == METHOD_POST || m == METHOD_PUT || m == METHOD_PATCH ||
	    m == METHOD_DELETE;
}

/* Copies the parameter names of pattern ("{slug}", "export.{format}")
 * into names[0..*n). */
static void
pattern_params(const char *pattern, char names[8][32], size_t *n)
{
	const char	*open, *close;

	*n = 0;
	for (open = strchr(pattern, '{'); open != NULL;
	    open = strchr(close, '{')) {
		close = strchr(open, '}');
		assert_non_null(close);
		assert_true(*n < 8 && (size_t)(close - open - 1) < 32);
		memcpy(names[*n], open + 1, (size_t)(close - open - 1));
		names[*n][close - open - 1] = '\0';
		(*n)++;
	}
}

static void
every_route_names_a_need_a_handler_and_a_unique_name(void **state)
{
	size_t i, j;

	(void)state;
	assert_true(routes_count > 0);
	for (i = 0; i < routes_count; i++) {
		if (routes[i].name == NULL || routes[i].name[0] == '\0')
			fail_msg("route %zu has no name", i);
		if (routes[i].need == NEED_NONE || routes[i].need >= NEED__MAX)
			fail_msg("%s declares no need", routes[i].name);
		if (routes[i].handler == NULL || routes[i].pattern == NULL ||
		    routes[i].pattern[0] != '/')
			fail_msg("%s has no handler or pattern", routes[i].name);
		if (routes[i].method >= METHOD__MAX ||
		    routes[i].body >= BODY__MAX)
			fail_msg("%s: method or body out of range",
			    routes[i].name);
		for (j = 0; j < i; j++) {
			if (strcmp(routes[i].name, routes[j].name) == 0)
				fail_msg("two routes named %s", routes[i].name);
			if (strcmp(routes[i].pattern, routes[j].pattern) == 0 &&
			    routes[i].method == routes[j].method)
				fail_msg("%s and %s: one method and pattern",
				    routes[i].name, routes[j].name);
		}
	}
}

/* The declared object kind consumes exactly the pattern's parameters, in
 * order: nothing of the path reaches a handler unloaded and unjudged. */
static void
every_parameter_is_consumed_by_the_declared_object(void **state)
{
	char		 names[8][32];
	size_t		 i, k, n;
	const struct object_def *def;

	(void)state;
	for (i = 0; i < routes_count; i++) {
		if (routes[i].object >= OBJ__MAX)
			fail_msg("%s: object out of range", routes[i].name);
		def = &object_defs[routes[i].object];
		pattern_params(routes[i].pattern, names, &n);
		if (n > 0 && routes[i].object == OBJ_NONE)
			fail_msg("%s has parameters and declares no object",
			    routes[i].name);
		for (k = 0; k < n; k++)
			if (k >= 4 || def->params[k] == NULL ||
			    strcmp(def->params[k], names[k]) != 0)
				fail_msg("%s: {%s} is not what %s consumes",
				    routes[i].name, names[k], def->name);
		if (k < 4 && def->params[k] != NULL)
			fail_msg("%s: %s wants {%s}, the path lacks it",
			    routes[i].name, def->name, def->params[k]);
	}
}

/* Every kind is used, named, and refused with a 404 or 403 of the
 * catalogue. */
static void
every_object_kind_is_used_and_answers_from_the_catalogue(void **state)
{
	size_t	i, k;
	bool	used;

	(void)state;
	for (k = 1; k < OBJ__MAX; k++) {
		for (used = false, i = 0; i < routes_count; i++)
			used = used || routes[i].object == (enum object_kind)k;
		if (!used)
			fail_msg("no route addresses %s", object_defs[k].name);
		if (object_defs[k].name == NULL || object_defs[k].params[0] == NULL)
			fail_msg("object kind %zu has no name or parameter", k);
		if (object_defs[k].missing >= PROB__MAX ||
		    problem_defs[object_defs[k].missing].status != 404)
			fail_msg("%s: a missing one is not a 404",
			    object_defs[k].name);
		if (object_in_remiss((enum object_kind)k) &&
		    (object_defs[k].remiss_missing >= PROB__MAX ||
		    problem_defs[object_defs[k].remiss_missing].status != 404))
			fail_msg("%s: a missing remiss is not a 404",
			    object_defs[k].name);
	}
	assert_false(object_in_remiss(OBJ_NONE));
	assert_false(object_in_remiss(OBJ_OWN_TOKEN));
	assert_true(object_in_remiss(OBJ_VERSION));
}

/* The flags mean what they say only where they can apply. */
static void
flags_are_sane(void **state)
{
	unsigned	known = ROUTE_CSRF_EXEMPT | ROUTE_REPLICA_OK |
			    ROUTE_VERSION_FIRST;
	size_t		i;

	(void)state;
	for (i = 0; i < routes_count; i++) {
		if (routes[i].flags & ~known)
			fail_msg("%s: unknown flags", routes[i].name);
		if ((routes[i].flags & ROUTE_CSRF_EXEMPT) &&
		    !changes_state(routes[i].method))
			fail_msg("%s: CSRF exemption on a method that changes "
			    "nothing", routes[i].name);
		if ((routes[i].flags & ROUTE_REPLICA_OK) &&
		    routes[i].method != METHOD_GET)
			fail_msg("%s: a replica for a method that writes",
			    routes[i].name);
		if ((routes[i].flags & ROUTE_VERSION_FIRST) &&
		    (routes[i].method != METHOD_GET ||
		    !object_in_remiss(routes[i].object)))
			fail_msg("%s: a data version needs a GET of a remiss",
			    routes[i].name);
		if (changes_state(routes[i].method) &&
		    routes[i].body == BODY_NONE)
			fail_msg("%s changes state and reads no body",
			    routes[i].name);
		if (!changes_state(routes[i].method) &&
		    routes[i].body != BODY_NONE)
			fail_msg("%s reads a body on a GET", routes[i].name);
	}
}

/* Every route declares the form and query keys it reads (INPUTS_NONE if
 * none), each a key of the table, once: a handler reads nothing else; a
 * file only where a body is read. */
static void
inputs_are_declared(void **state)
{
	size_t	i, j, k;

	(void)state;
	for (i = 0; i < routes_count; i++) {
		if (routes[i].inputs == NULL) {
			fail_msg("%s declares no inputs (INPUTS_NONE if it reads "
			    "none)", routes[i].name);
			continue;
		}
		for (j = 0; routes[i].inputs[j] != IN__END; j++) {
			k = routes[i].inputs[j];
			if (k >= IN__MAX || input_defs[k].name == NULL ||
			    input_defs[k].type >= INPUT__MAX)
				fail_msg("%s: input %zu has no row in input_defs",
				    routes[i].name, k);
			else if (input_defs[k].type == INPUT_FILE &&
			    routes[i].body == BODY_NONE)
				fail_msg("%s: a file without a body (%s)",
				    routes[i].name, input_defs[k].name);
			for (k = 0; k < j; k++)
				if (routes[i].inputs[k] == routes[i].inputs[j])
					fail_msg("%s: %s declared twice",
					    routes[i].name,
					    input_defs[routes[i].inputs[j]].name);
		}
	}
}

/* Every key of the table is complete: a name, and what its type needs. */
static void
input_table_is_complete(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < IN__MAX; i++) {
		if (input_defs[i].name == NULL || input_defs[i].name[0] == '\0')
			fail_msg("input %zu has no name", i);
		if (input_defs[i].type == INPUT_ENUM &&
		    (input_defs[i].words == NULL || input_defs[i].words[0] == NULL))
			fail_msg("%s: an enum without words", input_defs[i].name);
		if (input_defs[i].type == INPUT_INT &&
		    input_defs[i].min > input_defs[i].max)
			fail_msg("%s: min above max", input_defs[i].name);
		if ((input_defs[i].flags & INPUT_KEY_ID) &&
		    !(input_defs[i].flags & INPUT_PREFIX))
			fail_msg("%s: a KEY without a family", input_defs[i].name);
		if ((input_defs[i].flags & INPUT_PREFIX) &&
		    (input_defs[i].flags & INPUT_LIST))
			fail_msg("%s: a family is already many", input_defs[i].name);
		if (input_defs[i].type == INPUT_FILE &&
		    (input_defs[i].flags & ~INPUT_LIST))
			fail_msg("%s: a file is one key, or a list",
			    input_defs[i].name);
	}
}

/* Without a database: the kinds that need none, and the words of a
 * refusal. */
static void
refusals_answer_with_the_kinds_words(void **state)
{
	struct object	o;
	struct identity	k = { .role = ROLE_KOMMUN, .org_id = 7 };
	struct identity	nobody = { .role = ROLE_KOMMUN, .org_id = 7 };

	(void)state;
	assert_int_equal(object_load(NULL, OBJ_NONE, NULL, 0, &k, NULL, &o),
	    OBJECT_LOADED);
	assert_int_equal(o.kind, OBJ_NONE);
	/* An organisation token has no personal tokens: no query at all. */
	nobody.user_id = 0;
	assert_int_equal(object_load(NULL, OBJ_OWN_TOKEN,
	    (const char *const[]){ "5" }, 1, &nobody, NULL, &o), OBJECT_LOADED);
	assert_true(o.authz.missing);
	memset(&o, 0, sizeof(o));
	o.kind = OBJ_API_VERSION;
	o.authz.audience = AUDIENCE_API;
	o.authz.remiss_draft = true;
	assert_int_equal(object_refusal(&o, &k, AUTHZ_HIDE), PROB_NO_REMISS);
	o.authz.remiss_draft = false;
	o.authz.invited = true;
	o.authz.missing = true;
	assert_int_equal(object_refusal(&o, &k, AUTHZ_HIDE), PROB_NO_RESPONSE);
	o.kind = OBJ_SECTION;
	o.authz.audience = AUDIENCE_INVITED;
	assert_int_equal(object_refusal(&o, &k, AUTHZ_HIDE),
	    PROB_NO_SECTION_OR_QUESTION);
	o.authz.remiss_missing = true;
	assert_int_equal(object_refusal(&o, &k, AUTHZ_HIDE), PROB_NOT_FOUND);
	o.kind = OBJ_REMISS;
	o.authz.remiss_missing = false;
	o.authz.missing = false;
	assert_int_equal(object_refusal(&o, &k, AUTHZ_DENY), PROB_FORBIDDEN);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_route_names_a_need_a_handler_and_a_unique_name),
		cmocka_unit_test(every_parameter_is_consumed_by_the_declared_object),
		cmocka_unit_test(every_object_kind_is_used_and_answers_from_the_catalogue),
		cmocka_unit_test(flags_are_sane),
		cmocka_unit_test(refusals_answer_with_the_kinds_words),
		cmocka_unit_test(inputs_are_declared),
		cmocka_unit_test(input_table_is_complete),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
