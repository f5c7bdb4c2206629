"""Run a command and write its wall time, CPU time and peak memory as JSON: launch.py RESULT CMD...

Why a launcher: Linux carries a process's peak-RSS mark across fork and exec, so a
command started directly by run.py (which holds the corpus in memory) would report
run.py's own size as its peak. Started from this small process (python -S), the
command's figure is its own. Wall time is taken here, so the launcher's own
start-up is not counted.
"""
import json
import os
import sys
import time


def main() -> int:
    result, cmd = sys.argv[1], sys.argv[2:]
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            os.execvp(cmd[0], cmd)
        except OSError as exc:
            os.write(2, f"cannot run {cmd[0]}: {exc.strerror or exc}\n".encode())
        os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    with open(result, "w") as f:
        json.dump({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "max_rss_kb": usage.ru_maxrss,
                   "returncode": code, "child": pid}, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
