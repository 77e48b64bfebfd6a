"""lib.py: what the Python suites beside it share, as lib.sh is for the shell suites: numbered
"ok"/"not ok" lines and the closing "N passed, N failed" that run.sh and dev/test count.
fcgi.py holds the FastCGI records for the suites that talk to remissd without nginx.
"""
import subprocess
import sys

passed = failed = 0


def check(name, cond, notes=(), always=False):
    """One numbered line: "ok" if cond is true, else "not ok". notes (a string or a list of
    them, at most 12 shown) follow as "#" comment lines when the check failed, or whatever the
    result when always is true (figures that say what happened). Returns whether it passed."""
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
    print(f"{'ok' if cond else 'not ok'} {passed + failed} - {name}")
    if isinstance(notes, str):
        notes = [notes] if notes else []
    if always or not cond:
        for note in list(notes)[:12]:
            print(f"#   {note}")
    return bool(cond)


def finish():
    """The plan line and the closing count; exits 0 only if nothing failed."""
    print(f"1..{passed + failed}")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


def workers(supervisor):
    """The PIDs of remissd's workers: the children of the supervisor's PID, sorted."""
    try:
        out = subprocess.run(["pgrep", "-P", str(supervisor)], capture_output=True, text=True).stdout
        return sorted(int(p) for p in out.split())
    except OSError:
        return []
