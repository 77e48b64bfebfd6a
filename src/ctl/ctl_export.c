/* ctl/ctl_export.c: remissctl export: writes one export of a remiss to a file, complete or not at all. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libpq-fe.h>
#include <libxml/parser.h>

#include "core/audit.h"
#include "ctl/ctl_export.h"
#include "db/db.h"
#include "export/export.h"
#include "views/dates.h"

const char ctl_export_usage[] =
    "usage: remissctl export SLUG --format xml|csv|odt|html|taggar.csv|"
    "docx|beslutsforslag.docx|xlsx -o FILE\n"
    "\n"
    "Writes the remiss with every organisation's latest submitted\n"
    "remissvar to FILE ('-' for standard output), in one snapshot:\n"
    "  xml         a remissexport document (schema/remissvar.xsd)\n"
    "  csv         one row per organisation and section (UTF-8, BOM)\n"
    "  odt         the remissammanställning as an OpenDocument text\n"
    "  html        the remissammanställning as a printable page\n"
    "  taggar.csv  the referensgrupp's tags and annotations\n"
    "  docx        the remissammanställning as a Word document\n"
    "  beslutsforslag.docx  the beslutsförslag alone, as a Word document\n"
    "  xlsx        the answers as an Excel workbook: an overview, a sheet\n"
    "              per section, tags and themes\n"
    "FILE is replaced only when the export is complete.\n"
    "\n"
    "Exit status: 0 written, 1 no such remiss or an error, 2 usage.\n";

/* Parses the arguments; 0, or 2 after printing usage (1 for --help). */
static int
parse_args(int argc, char **argv, const char **slug, const char **fmt,
    const char **file)
{
	int i;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(ctl_export_usage, stdout);
			return 1;
		}
		if ((strcmp(argv[i], "--format") == 0 || strcmp(argv[i],
		    "-o") == 0) && i + 1 < argc) {
			if (argv[i][1] == 'o')
				*file = argv[++i];
			else
				*fmt = argv[++i];
		} else if (strncmp(argv[i], "--format=", 9) == 0)
			*fmt = argv[i] + 9;
		else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			fprintf(stderr, "remissctl: export: unexpected %s\n",
			    argv[i]);
			goto usage;
		} else if (*slug == NULL)
			*slug = argv[i];
		else {
			fprintf(stderr, "remissctl: export: unexpected %s\n",
			    argv[i]);
			goto usage;
		}
	}
	if (*slug != NULL && *fmt != NULL && *file != NULL)
		return 0;
usage:
	fputs(ctl_export_usage, stderr);
	return 2;
}

int
ctl_export_main(const char *conninfo, int argc, char **argv)
{
	const char		*slug = NULL, *fmt = NULL, *file = NULL;
	enum export_format	 f;
	struct export_sink	 sink;
	struct db		*db = NULL;
	FILE			*out = NULL;
	char			 tmp[4096], detail[128];
	int			 rc = 1, fd = -1, r;
	mode_t			 mask;

	if ((r = parse_args(argc, argv, &slug, &fmt, &file)) != 0)
		return r == 1 ? 0 : 2;
	if ((f = export_format_parse(fmt)) == EXPORT__MAX) {
		fprintf(stderr, "remissctl: export: unknown format %s\n", fmt);
		fputs(ctl_export_usage, stderr);
		return 2;
	}
	dates_init();
	xmlInitParser();
	tmp[0] = '\0';
	if (strcmp(file, "-") == 0)
		out = stdout;
	else {
		if ((size_t)snprintf(tmp, sizeof(tmp), "%s.tmp-XXXXXX", file) >=
		    sizeof(tmp) || (fd = mkstemp(tmp)) == -1 ||
		    (out = fdopen(fd, "w")) == NULL) {
			fprintf(stderr, "remissctl: export: cannot write beside "
			    "%s: %s\n", file, strerror(errno));
			if (fd != -1) {
				close(fd);
				unlink(tmp);
			}
			return 1;
		}
		/* mkstemp makes 0600; the file gets the usual mode. */
		mask = umask(0);
		umask(mask);
		if (fchmod(fd, 0666 & ~mask) == -1)
			fprintf(stderr, "remissctl: export: chmod %s: %s\n", tmp,
			    strerror(errno));
	}
	if ((db = db_open_as(conninfo, "remissctl")) == NULL) {
		fprintf(stderr, "remissctl: out of memory\n");
		goto out;
	}
	if (!db_connected(db)) {
		fprintf(stderr, "remissctl: cannot connect to the database: %s",
		    PQerrorMessage(db_conn(db)));
		goto out;
	}
	export_sink_file(&sink, out);
	switch (export_write(db, slug, f, &sink)) {
	case 1:
		break;
	case 0:
		fprintf(stderr, "remissctl: export: no remiss %s\n", slug);
		goto out;
	default:
		fprintf(stderr, "remissctl: export: the export failed (see "
		    "the log above)\n");
		goto out;
	}
	if (fflush(out) != 0 || (out != stdout && fsync(fileno(out)) != 0)) {
		fprintf(stderr, "remissctl: export: %s: %s\n", file,
		    strerror(errno));
		goto out;
	}
	if (out != stdout) {
		r = fclose(out);
		out = NULL;
		if (r != 0 || rename(tmp, file) == -1) {
			fprintf(stderr, "remissctl: export: %s: %s\n", file,
			    strerror(errno));
			goto out;
		}
		tmp[0] = '\0';
	}
	snprintf(detail, sizeof(detail), "{\"format\":\"%s\"}",
	    export_format_name(f));
	if (audit_write(db, "remissctl", "remiss.export", "remiss", slug,
	    detail) == -1)
		goto out;
	rc = 0;
out:
	if (out != NULL && out != stdout)
		fclose(out);
	if (tmp[0] != '\0')
		unlink(tmp);
	db_close(db);
	xmlCleanupParser();
	return rc;
}
