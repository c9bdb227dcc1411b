#!/bin/sh
# A liveness beacon for a daemon written in shell: while this script runs, it holds the
# read end of a FIFO, and a fifo-liveness monitor that lists the path as a peer
# (fifo-liveness.peers.<name>.path) sees it UP; once it dies, even by SIGKILL, DOWN.
#
#   beacon.sh /run/user/1000/my-daemon/my-daemon.fifo
#
# Linux: the read-write open below never blocks there (POSIX leaves it undefined).
set -eu
F=${1:?usage: beacon.sh <fifo-path>}
dir=$(dirname -- "$F")

# Owner-only, a folder 0700 and a FIFO 0600: whoever can open the FIFO for reading can make
# this daemon look alive.
# Permission bits only: a volume with fsGroup (Kubernetes) makes new folders setgid.
umask 077
mkdir -p -- "$dir"
if [ ! -O "$dir" ] || [ $((0$(stat -c %a -- "$dir") & 0777)) -ne $((0700)) ]; then
	echo "beacon: '$dir' must be a folder of this user's with mode 0700" >&2
	exit 1
fi
# Reuse the FIFO that a crash left behind. Anything else at the path makes mkfifo fail.
[ -p "$F" ] || mkfifo -m 600 -- "$F"
if [ ! -O "$F" ]; then
	echo "beacon: '$F' belongs to another user" >&2
	exit 1
fi
mode=$(stat -c %a -- "$F")
if [ $((0$mode & 077)) -ne 0 ]; then
	echo "beacon: '$F' has mode 0$mode, so other users could open it; run chmod 600 '$F' if it is this daemon's FIFO" >&2
	exit 1
fi

# Hold it as descriptor 3. '<>' opens it read-write: a read-only open would wait for a
# writer. Every child of this shell inherits descriptor 3 and would keep the daemon looking
# alive after it died, so start each child with 3>&- (close it for that command).
exec 3<>"$F"
echo "beacon: holding $F"

while :; do
	# The daemon's work; here a child process that does not hold the FIFO.
	sleep 30 3>&-
done
