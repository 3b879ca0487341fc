#!/bin/bash
# scripts/mutation-check.sh <file> <python-old> <python-new> <test>: applies a mutation, runs the test (expects failure), reverts.
f=$1; old=$2; new=$3; t=$4
cp "$f" /tmp/mutant.bak
python3 -c "import sys;p=sys.argv[1];s=open(p).read();assert sys.argv[2] in s;open(p,'w').write(s.replace(sys.argv[2],sys.argv[3],1))" "$f" "$old" "$new" || { echo "no match"; exit 2; }
if mvn -B -o -q test -pl core -am -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false >/tmp/mutant.log 2>&1; then r="SURVIVED"; else r="KILLED ($(grep -h -o 'Tests run: [0-9]*, Failures: [0-9]*' /tmp/mutant.log | tail -1))"; fi
cp /tmp/mutant.bak "$f"
echo "$t: $r"
