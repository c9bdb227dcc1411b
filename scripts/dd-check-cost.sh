#!/usr/bin/env bash
# Measures the coreutils check of docs/non-java-beacons.md as an exec probe runs it (sh -c '<recipe>') on a FIFO
# that a process holds: CPU (user+sys) and wall time per check, over 5 rounds of 1,000 checks.
# Run it alone: other work on the machine shows in the numbers.
set -euo pipefail
work=$(mktemp -d)
holder=
cleanup() {
	if [ -n "$holder" ]; then
		kill -9 "$holder" 2>/dev/null || true
		wait "$holder" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

export F=$work/peer.fifo
mkfifo -m 600 "$F"
sleep 3600 3<>"$F" &
holder=$!
recipe='test -p "$F" && test -O "$F" && dd if=/dev/null of="$F" oflag=nonblock,nofollow conv=nocreat,notrunc count=0 status=none 2>/dev/null'
sh -c "$recipe" || { echo "the check fails on a held FIFO" >&2; exit 1; }

checks=1000
printf '%-7s %14s %14s\n' round "CPU per check" "wall per check"
for round in 1 2 3 4 5; do
	# bash's own time keyword: user, sys and real seconds of the loop and its children.
	TIMEFORMAT='%U %S %R'
	{ time bash -c 'for ((i = 0; i < $1; i++)); do sh -c "$0" || exit 1; done' "$recipe" "$checks"; } 2>"$work/time"
	read -r user sys wall <"$work/time"
	awk -v u="$user" -v s="$sys" -v w="$wall" -v n="$checks" -v r="$round" \
		'BEGIN { printf "%-7d %11.2f ms %11.2f ms\n", r, (u + s) * 1000 / n, w * 1000 / n }'
done
