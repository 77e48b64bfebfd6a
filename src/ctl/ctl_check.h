/* ctl/ctl_check.h: the checks of an XML file shared by remissctl validate, remiss import and
 * response import, and the validate command. */
#ifndef REMISS_CTL_CHECK_H
#define REMISS_CTL_CHECK_H

#include <stddef.h>

struct arena;

/*
 * Loads the XSD at schema_path (NULL: the installed one, see
 * xml_schema_default_path) and checks buf[0..len), named file: it must be
 * well-formed, valid against the XSD and pass the content checks of its
 * root (remissvar_read for <remissvar>, remiss_check for <remiss>). Prints
 * every problem once, sorted by line, as FILE:LINE:COL: message (a problem
 * both report at one element in the content check's words; those of the
 * XSD itself under its own path). Strings live in a. Returns 0 valid, else
 * -1.
 */
int ctl_check_file(const char *file, const char *buf, size_t len,
    const char *schema_path, struct arena *a);

/*
 * Reads file ("-": stdin) up to max bytes (ctl_read_input) and checks it
 * as ctl_check_file does, its strings in a fresh arena made in *a (NULL if
 * not made; the caller frees it either way). Returns the contents of a
 * valid file (malloc'd, *len bytes, for the caller to free), or NULL after
 * printing why.
 */
char *ctl_read_checked(const char *file, size_t max, const char *schema_path,
    struct arena **a, size_t *len);

/* remissctl validate FILE [--schema XSD]: the exit status (0 valid, 1
 * invalid or an error, 2 usage). */
int ctl_validate_main(int argc, char **argv);

#endif
