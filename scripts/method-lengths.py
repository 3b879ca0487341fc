#!/usr/bin/env python3
"""Method and constructor lengths (lines from signature to closing brace) of Java sources under a folder.

Usage: scripts/method-lengths.py [folder] [--over N]
Prints median, p90 and max, the number of files over 400 lines, and the methods longer than N (default 40).
A small brace counter, not a parser: it skips comments and string literals, which is enough for this code base.
"""
import re
import sys
from pathlib import Path

SIGNATURE = re.compile(r'^\s*(?:@\w+\s+)*(?:(?:public|protected|private|static|final|synchronized|abstract|default|'
                       r'native)\s+)*(?:<[^>]+>\s+)?(?:[\w<>\[\], ?.]+\s+)?(\w+)\s*\((?!.*;\s*$)|'
                       r'^\s*(?:(?:public|protected|private)\s+)?(\w+)\s*\{\s*$')
KEYWORDS = {'if', 'for', 'while', 'switch', 'catch', 'try', 'synchronized', 'return', 'new', 'else', 'do'}


def strip(line):
    line = re.sub(r'"(?:\\.|[^"\\])*"', '""', line)
    line = re.sub(r"'(?:\\.|[^'\\])'", "''", line)
    return line.split('//')[0]


def methods(path):
    lines = path.read_text().splitlines()
    found, depth, in_comment, start, start_depth, name = [], 0, False, None, 0, None
    for number, raw in enumerate(lines, 1):
        line = raw
        if in_comment:
            if '*/' not in line:
                continue
            line, in_comment = line.split('*/', 1)[1], False
        if '/*' in line and '*/' not in line.split('/*', 1)[1]:
            line, in_comment = line.split('/*', 1)[0], True
        line = strip(line)
        if start is None and depth >= 1:
            match = SIGNATURE.match(line)
            if match:
                candidate = next(g for g in match.groups() if g)
                declaration = re.search(r'\b(record|class|interface|enum)\s+' + candidate + r'\b', line)
                if candidate not in KEYWORDS and not declaration:
                    start, start_depth, name = number, depth, candidate
        depth += line.count('{') - line.count('}')
        if start is not None and depth <= start_depth and ('}' in line or ';' in line):
            if '{' in ''.join(strip(l) for l in lines[start - 1:number]):
                found.append((number - start + 1, name, path, start))
            start = None
    return found


def main():
    args = sys.argv[1:]
    over = 40
    if '--over' in args:
        over = int(args[args.index('--over') + 1])
        del args[args.index('--over'):args.index('--over') + 2]
    root = Path(args[0] if args else 'core/src/main/java')
    files = sorted(root.rglob('*.java'))
    all_methods = [m for f in files for m in methods(f)]
    lengths = sorted(m[0] for m in all_methods)
    if not lengths:
        print('no methods found')
        return
    pick = lambda q: lengths[min(len(lengths) - 1, int(q * len(lengths)))]
    big_files = [f for f in files if len(f.read_text().splitlines()) > 400]
    print(f'{root}: {len(files)} files, {len(lengths)} methods; lines per method median {pick(0.5)}, '
          f'p90 {pick(0.9)}, max {lengths[-1]}; files over 400 lines: {len(big_files)}')
    for f in big_files:
        print(f'  file {f} ({len(f.read_text().splitlines())} lines)')
    for length, name, path, start in sorted(all_methods, reverse=True):
        if length > over:
            print(f'  {length:4d} {name} {path}:{start}')


if __name__ == '__main__':
    main()
