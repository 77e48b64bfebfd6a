/* json.h: JSON strings written with every character escaped as RFC 8259 requires. */
#ifndef REMISS_JSON_H
#define REMISS_JSON_H

struct buf;

/* Appends s as a quoted JSON string (escaping ", \, and all controls;
 * UTF-8 passes through). Returns 0 or -1 on OOM. NULL writes null. */
int json_string(struct buf *b, const char *s);

#endif
