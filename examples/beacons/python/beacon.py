#!/usr/bin/env python3
"""A liveness beacon for a daemon written in Python.

While this process runs, it holds the read end of a FIFO, and a fifo-liveness monitor that
lists the path as a peer (fifo-liveness.peers.<name>.path) sees it UP; once it dies, even by
SIGKILL, DOWN.

    python3 beacon.py /run/user/1000/my-daemon/my-daemon.fifo
"""
import os
import stat
import subprocess
import sys


def hold_beacon(path):
    """Create the FIFO if needed and open its read end; keep the returned descriptor open."""
    # Owner-only, a folder 0700 and a FIFO 0600: whoever can open the FIFO for reading can
    # make this daemon look alive.
    folder = os.path.dirname(path)
    os.makedirs(folder, mode=0o700, exist_ok=True)
    status = os.stat(folder)
    # Permission bits only: a volume with fsGroup (Kubernetes) makes new folders setgid.
    if status.st_uid != os.geteuid() or (status.st_mode & 0o777) != 0o700:
        sys.exit(f"beacon: '{folder}' must be a folder of this user's with mode 0700")
    try:
        os.mkfifo(path, 0o600)
    except FileExistsError:
        pass  # Reuse the FIFO that a crash left behind; anything else fails the check below.
    # O_NONBLOCK: a read-only open of a FIFO would wait for a writer. os.open makes the
    # descriptor close-on-exec (PEP 446), so no child process inherits it.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    status = os.fstat(fd)
    if not stat.S_ISFIFO(status.st_mode) or status.st_uid != os.geteuid():
        os.close(fd)
        sys.exit(f"beacon: '{path}' is not a FIFO of this user's")
    if status.st_mode & 0o077:
        os.close(fd)
        sys.exit(f"beacon: '{path}' has mode {stat.S_IMODE(status.st_mode):04o}, so other users could"
                 f" open it; run chmod 600 '{path}' if it is this daemon's FIFO")
    return fd


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: beacon.py <fifo-path>")
    beacon = hold_beacon(sys.argv[1])  # held until the process ends
    print(f"beacon: holding {sys.argv[1]} (descriptor {beacon})", flush=True)
    while True:
        # The daemon's work; here a child process that does not hold the FIFO.
        subprocess.run(["sleep", "30"], check=True)


if __name__ == "__main__":
    main()
