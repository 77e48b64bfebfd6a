/* workdir.h: the private temporary directory an export builds its file in (ODT, DOCX, XLSX),
 * and copying the finished file to the export's sink. */
#ifndef REMISS_EXPORT_WORKDIR_H
#define REMISS_EXPORT_WORKDIR_H

#include <stddef.h>

#include "export/sink.h"

/* Makes a directory only this process can use, "$TMPDIR/remiss-KIND-XXXXXX"
 * (/tmp when TMPDIR is unset), its path into dir (dirsz bytes). Returns 0,
 * or -1 (logged; dir is "" then). */
int export_workdir_make(char *dir, size_t dirsz, const char *kind);

/* Removes every file in dir and dir itself, and sets dir to "". Nothing
 * when dir is "". The writers put only plain files in it. */
void export_workdir_remove(char *dir);

/* Copies the file at path to out, 64 KiB at a time. 0, or -1 (logged). */
int export_put_file(const struct export_sink *out, const char *path);

#endif
