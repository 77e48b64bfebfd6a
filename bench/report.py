#!/usr/bin/env python3
"""bench/report.py RESULTS PERFORMANCE.md: turns bench/run's results.txt into Markdown tables
and puts them between the "bench/run" markers of the "## Requests" section of
docs/performance.md (creating the file, section or markers if missing). Everything outside
the markers (other sections, the hand-written analysis) is left as it is."""
import re
import shlex
import sys

BEGIN = "<!-- bench/run: begin (generated, do not edit by hand) -->"
END = "<!-- bench/run: end -->"


def parse(path):
    rows, pgss = {}, []
    for line in open(path, encoding="utf-8"):
        parts = shlex.split(line.strip())
        if not parts:
            continue
        kv = dict(p.split("=", 1) for p in parts[1:] if "=" in p)
        if parts[0] == "pgss":
            pgss.append(kv)
        else:
            rows[parts[0]] = kv
    return rows, pgss


def f(rows, name, key, default=0.0):
    try:
        return float(rows[name][key])
    except (KeyError, ValueError):
        return default


def pct(a, b):
    return f"{100 * a / b:.0f} %" if b else "n/a"


def block(rows, pgss):
    m = rows.get("machine", {})
    v = rows.get("versions", {})
    p = rows.get("payload", {})
    out = [BEGIN, "",
           f"Run of {m.get('date', '?')} on {m.get('nproc', '?')} cores ({m.get('model', '?')}), "
           f"{int(m.get('ram_kib', 0)) // 1024} MiB RAM; nginx {v.get('nginx', '?')}, "
           f"PostgreSQL {v.get('postgres', '?')}, wrk {v.get('wrk', '?')}. "
           f"{m.get('duration_s', '?')} s per measurement, remissd with {m.get('workers', '?')} "
           f"workers, {m.get('orgs', '?')} organisations, load average {m.get('load', '?')} at the start "
           f"(the machine is shared). Web form ≈ {p.get('web_form_bytes', '?')} "
           f"bytes of answers, upload {p.get('upload_bytes', '?')} bytes, review page "
           f"{p.get('matrix_page_bytes', '?')} bytes.", "",
           "| what | ours req/s | p50 / p99 ms | errors | limit | limit req/s | limit p50 / p99 ms | ratio | goal | verdict |",
           "|---|---|---|---|---|---|---|---|---|---|"]

    def line(what, ours, lim, limname, goal_ratio, p99_goal=None):
        a, b = f(rows, ours, "rps"), f(rows, lim, "rps")
        ratio = a / b if b else 0
        ok = ratio >= goal_ratio and f(rows, ours, "errors", 1) == 0
        goal = f"≥ {goal_ratio * 100:.0f} %"
        if p99_goal is not None:
            goal += f", p99 < {p99_goal} ms"
            ok = ok and f(rows, ours, "p99_ms", 1e9) < p99_goal
        verdict = "met" if ok else "missed"
        if goal_ratio == 0:
            goal, verdict = "—", "—"
        out.append(f"| {what} | {a:.1f} | {f(rows, ours, 'p50_ms'):.1f} / {f(rows, ours, 'p99_ms'):.1f} | "
                   f"{int(f(rows, ours, 'errors'))} | {limname} | {b:.1f} | "
                   f"{f(rows, lim, 'p50_ms'):.1f} / {f(rows, lim, 'p99_ms'):.1f} | {pct(a, b)} | {goal} | {verdict} |")

    for c in (1, 8, 32):
        line(f"web-form submit, c={c}", f"submit_web_c{c}", f"submit_pgbench_c{c}",
             "pgbench, same transaction", 0.5 if c == 32 else 0, 20 if c == 32 else None)
    line("XML upload 100 KB, c=8", "upload_xml_c8", "upload_pgbench_c8",
         "pgbench, same payload", 0.4)
    for c in (8, 32):
        line(f"review matrix 7 × 30, c={c}", f"matrix_c{c}", f"hello_c{c}",
             "libfcgi hello", 0.25)
    out += ["", "Stored versions counted in the database during the runs: " + ", ".join(
        f"{k.replace('_stored', '')} {rows[k].get('versions')}" for k in rows if k.endswith("_stored")) + ".",
        "", "fastcgi_keep_conn (nginx upstream `keepalive 8` when on):", "",
        "| page | c | off req/s | off p99 ms | on req/s | on p99 ms |", "|---|---|---|---|---|---|"]
    for page in ("hello", "matrix"):
        for c in (2, 32):
            off, on = f"keepconn_off_{page}_c{c}", f"keepconn_on_{page}_c{c}"
            out.append(f"| {page} | {c} | {f(rows, off, 'rps'):.1f} | {f(rows, off, 'p99_ms'):.1f} | "
                       f"{f(rows, on, 'rps'):.1f} | {f(rows, on, 'p99_ms'):.1f} |")
    out += ["", "remissd workers (c=32):", "",
            "| workers | submit req/s | submit p99 ms | matrix req/s | matrix p99 ms |", "|---|---|---|---|---|"]
    for w in (1, 2, 4, 8):
        s, mx = f"workers_{w}_submit_c32", f"workers_{w}_matrix_c32"
        if s in rows:
            out.append(f"| {w} | {f(rows, s, 'rps'):.1f} | {f(rows, s, 'p99_ms'):.1f} | "
                       f"{f(rows, mx, 'rps'):.1f} | {f(rows, mx, 'p99_ms'):.1f} |")
    r = rows.get("rss_main", {})
    out += ["", "Peak RSS (VmHWM) after the runs above, largest process of each kind: "
            + ", ".join(f"{k[:-4].replace('_', ' ')} {int(v) / 1024:.1f} MiB" for k, v in r.items()) + "."]
    for label, key in (("submissions (a); pgbench's statements have literals where remissd's "
                        "have $n parameters", "pgss"),
                       ("XML uploads (b), likewise", "pgss_upload"),
                       ("review matrix (c)", "pgss_matrix")):
        sel = [q for q in pgss if q.get("phase", "pgss") == key]
        if sel:
            out += ["", f"Top statements by total time during the {label} (pg_stat_statements):", "",
                    "| calls | mean ms | total ms | statement |", "|---|---|---|---|"]
            out += [f"| {q.get('calls')} | {q.get('mean_ms')} | {q.get('total_ms')} | `{q.get('query')}…` |"
                    for q in sel]
    out += ["", END]
    return "\n".join(out)


def main():
    rows, pgss = parse(sys.argv[1])
    path = sys.argv[2]
    try:
        doc = open(path, encoding="utf-8").read()
    except FileNotFoundError:
        doc = "# Performance\n\nFigures from `bench/` on this project's own machine. Every goal is a ratio to a\nlimit measured in the same run, because the machine is shared and noisy.\n"
    gen = block(rows, pgss)
    if BEGIN in doc and END in doc:
        doc = doc[:doc.index(BEGIN)] + gen + doc[doc.index(END) + len(END):]
    else:
        m = re.search(r"^## Requests\s*$", doc, re.M)
        if m:
            nxt = re.search(r"^## ", doc[m.end():], re.M)
            at = m.end() + nxt.start() if nxt else len(doc)
            doc = doc[:at].rstrip("\n") + "\n\n" + gen + "\n\n" + doc[at:]
        else:
            doc = doc.rstrip("\n") + "\n\n## Requests\n\n`bench/run` (`--quick` for a 2-minute run).\n\n" + gen + "\n"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(doc if doc.endswith("\n") else doc + "\n")


if __name__ == "__main__":
    main()
