/* test_db_rows.c: the table-driven row readers of db/db.h (db_row, db_rows) on results built in
 * memory: each field kind's value, what SQL NULL and "" give, and the rows a bad value refuses. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <libpq-fe.h>

#include "db/db.h"
#include "util/arena.h"

struct row {
	const char	*name;
	long long	 id;
	long long	 count;
	long long	 lock;
	bool		 flag;
};

static const struct db_field fields[] = {
	DB_TEXT(struct row, name, "name"),
	DB_ID(struct row, id, "id"),
	DB_LL(struct row, count, "count"),
	DB_LL0(struct row, lock, "lock"),
	DB_BOOL(struct row, flag, "flag"),
};

/* A result with the columns of fields and rows given as strings, NULL for
 * SQL NULL (cells[row * 5 + col]). */
static PGresult *
result(const char *const *cells, int rows)
{
	PGresAttDesc	 attrs[5];
	PGresult	*r;
	int		 i, j;

	memset(attrs, 0, sizeof(attrs));
	for (j = 0; j < 5; j++) {
		attrs[j].name = (char *)fields[j].name;
		attrs[j].format = 0;
	}
	r = PQmakeEmptyPGresult(NULL, PGRES_TUPLES_OK);
	assert_non_null(r);
	assert_int_equal(PQsetResultAttrs(r, 5, attrs), 1);
	for (i = 0; i < rows; i++)
		for (j = 0; j < 5; j++) {
			const char *v = cells[i * 5 + j];

			assert_int_equal(PQsetvalue(r, i, j, (char *)v,
			    v == NULL ? -1 : (int)strlen(v)), 1);
		}
	return r;
}

static void
test_every_kind_is_read_into_its_field(void **state)
{
	static const char *const cells[] = {
		"Kommun A", "7", "-3", "12", "t",
		NULL, NULL, "0", NULL, NULL,
		"", "", "42", "", "f",
	};
	struct arena	*a = arena_new();
	PGresult	*r = result(cells, 3);
	struct row	*list;
	size_t		 n = 99;

	(void)state;
	list = db_rows(a, r, fields, DB_NFIELDS(fields), sizeof(*list), &n);
	assert_non_null(list);
	assert_int_equal(n, 3);
	assert_string_equal(list[0].name, "Kommun A");
	assert_int_equal(list[0].id, 7);
	assert_int_equal(list[0].count, -3);
	assert_int_equal(list[0].lock, 12);
	assert_true(list[0].flag);
	/* NULL: text "", id 0, LL0 0, bool false. */
	assert_string_equal(list[1].name, "");
	assert_int_equal(list[1].id, 0);
	assert_int_equal(list[1].count, 0);
	assert_int_equal(list[1].lock, 0);
	assert_false(list[1].flag);
	assert_string_equal(list[2].name, "");
	assert_int_equal(list[2].id, 0);
	assert_int_equal(list[2].count, 42);
	assert_int_equal(list[2].lock, 0);
	assert_false(list[2].flag);
	/* The array ends with a zeroed struct. */
	assert_null(list[3].name);
	PQclear(r);
	arena_free(a);
}

static void
test_db_row_reads_one_row(void **state)
{
	static const char *const cells[] = {
		"a", "1", "1", "1", "t",
		"b", "2", "5", "", "f",
	};
	struct arena	*a = arena_new();
	PGresult	*r = result(cells, 2);
	struct row	 one;

	(void)state;
	memset(&one, 0, sizeof(one));
	assert_int_equal(db_row(a, r, 1, fields, DB_NFIELDS(fields), &one), 0);
	assert_string_equal(one.name, "b");
	assert_int_equal(one.id, 2);
	assert_int_equal(one.count, 5);
	assert_int_equal(one.lock, 0);
	assert_false(one.flag);
	PQclear(r);
	arena_free(a);
}

/* An integer column that is NULL, "" or not a number refuses the whole
 * read; LL0 takes NULL and "" but not text; an id must be positive. */
static void
test_bad_values_refuse_the_read(void **state)
{
	static const char *const bad[][5] = {
		{ "x", "1", NULL, "1", "t" },
		{ "x", "1", "", "1", "t" },
		{ "x", "1", "12a", "1", "t" },
		{ "x", "1", "1", "abc", "t" },
		{ "x", "-1", "1", "1", "t" },
		{ "x", "0", "1", "1", "t" },
		{ "x", "1", "99999999999999999999", "1", "t" },
	};
	struct arena	*a = arena_new();
	size_t		 i, n;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		PGresult *r = result(bad[i], 1);

		n = 99;
		assert_null(db_rows(a, r, fields, DB_NFIELDS(fields),
		    sizeof(struct row), &n));
		PQclear(r);
	}
	arena_free(a);
}

/* DB_OPT: NULL and "" become a NULL pointer, anything else a copy. */
static void
test_opt_text_is_null_when_empty(void **state)
{
	static const struct db_field opt[] = {
		DB_OPT(struct row, name, "name"),
	};
	static const char *const cells[] = {
		"Dnr 1", "1", "1", "1", "t",
		NULL, "1", "1", "1", "t",
		"", "1", "1", "1", "t",
	};
	struct arena	*a = arena_new();
	PGresult	*r = result(cells, 3);
	struct row	*list;
	size_t		 n;

	(void)state;
	list = db_rows(a, r, opt, DB_NFIELDS(opt), sizeof(*list), &n);
	assert_non_null(list);
	assert_int_equal(n, 3);
	assert_string_equal(list[0].name, "Dnr 1");
	assert_null(list[1].name);
	assert_null(list[2].name);
	PQclear(r);
	arena_free(a);
}

/* A field whose column the result lacks is an error, not a silent 0. */
static void
test_a_missing_column_is_an_error(void **state)
{
	static const struct db_field more[] = {
		DB_TEXT(struct row, name, "name"),
		DB_LL(struct row, count, "no_such_column"),
	};
	static const char *const cells[] = { "a", "1", "1", "1", "t" };
	struct arena	*a = arena_new();
	PGresult	*r = result(cells, 1);
	struct row	 one;
	size_t		 n;

	(void)state;
	assert_int_equal(db_row(a, r, 0, more, DB_NFIELDS(more), &one), -1);
	assert_null(db_rows(a, r, more, DB_NFIELDS(more), sizeof(one), &n));
	PQclear(r);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_kind_is_read_into_its_field),
		cmocka_unit_test(test_db_row_reads_one_row),
		cmocka_unit_test(test_bad_values_refuse_the_read),
		cmocka_unit_test(test_opt_text_is_null_when_empty),
		cmocka_unit_test(test_a_missing_column_is_an_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
