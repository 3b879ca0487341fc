#!/usr/bin/env python3
"""Who spent a recording's CPU: jdk.ExecutionSample events of the load threads, each given to the library of its
innermost frame outside the JDK (java., javax., jdk., sun.), so time in a HashMap called by HikariCP counts as
HikariCP's. Prints, per recording, the samples and each owner's share; with --top N also the N methods of
Understudy where its own samples were taken (its innermost frame, JDK code it called included).

usage: scripts/jfr-owners.py [--top N] [--thread point-load] RECORDING.jfr ...
"""
import collections
import re
import subprocess
import sys

OWNERS = [("io.github.understudy.benchmarks.", "benchmark"), ("io.github.understudy.", "understudy"),
          ("com.zaxxer.hikari.", "hikaricp"), ("com.mysql.", "connector/j"), ("org.springframework.", "spring")]
JDK = ("java.", "javax.", "jdk.", "sun.", "com.sun.")
FRAME = re.compile(r"^\s+([\w.$]+)\.([\w$<>]+)\(")


def owner(frames):
    for cls, _ in frames:
        if not cls.startswith(JDK):
            return next((name for prefix, name in OWNERS if cls.startswith(prefix)), "other")
    return "jdk"


def samples(path, thread):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "200", path],
                          capture_output=True, text=True, check=True).stdout
    for event in text.split("jdk.ExecutionSample {")[1:]:
        name = re.search(r'sampledThread = "([^"]*)"', event)
        if thread and (name is None or thread not in name.group(1)):
            continue
        yield [m.groups() for m in map(FRAME.match, event.splitlines()) if m]


def main(args):
    top, thread = 0, "point-load"
    while args and args[0].startswith("--"):
        flag, value, args = args[0], args[1], args[2:]
        top = int(value) if flag == "--top" else top
        thread = value if flag == "--thread" else thread
    for path in args:
        owners, methods, total = collections.Counter(), collections.Counter(), 0
        for frames in samples(path, thread):
            total += 1
            who = owner(frames)
            owners[who] += 1
            if who == "understudy":
                ours = next(f for f in frames if not f[0].startswith(JDK))
                methods[ours[0].rsplit(".", 1)[-1] + "." + ours[1]] += 1
        shares = ", ".join(f"{name} {100.0 * n / total:.1f}%" for name, n in owners.most_common()) if total else "-"
        print(f"{path.rsplit('/', 1)[-1]}: {total} samples: {shares}")
        for method, n in methods.most_common(top):
            print(f"    {100.0 * n / total:5.1f}%  {method}")


if __name__ == "__main__":
    main(sys.argv[1:])
