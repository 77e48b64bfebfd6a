/* remiss_write.h: a stored remiss as remiss XML (docs/interfaces.md section 4), and the API's list of remisser. */
#ifndef REMISS_REMISS_WRITE_H
#define REMISS_REMISS_WRITE_H

#include <stddef.h>

struct buf;
struct invitee;
struct remiss_def;
struct remiss_info;

/* Appends def as a <remiss> document: its facts, the invited organisations
 * inv[0..ninv) and its live sections with their questions, in order, so that
 * `remissctl remiss import` of the output gives the same remiss. Questions
 * to the whole remiss (not under a section) have no place in the format and
 * are left out. Returns 0 or -1. */
int remiss_xml_write(const struct remiss_def *def, const struct invitee *inv,
    size_t ninv, struct buf *out);

/* Appends a <remisser> document listing list[0..n). Returns 0 or -1. */
int remisser_xml_write(const struct remiss_info *list, size_t n,
    struct buf *out);

/* Appends the same list as JSON: {"remisser":[{...}]}. Returns 0 or -1. */
int remisser_json_write(const struct remiss_info *list, size_t n,
    struct buf *out);

#endif
