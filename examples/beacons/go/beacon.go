// Command beacon is a liveness beacon for a daemon written in Go: while it runs, it holds
// the read end of a FIFO, and a fifo-liveness monitor that lists the path as a peer
// (fifo-liveness.peers.<name>.path) sees it UP; once it dies, even by SIGKILL, DOWN.
//
//	go build -o beacon . && ./beacon /run/user/1000/my-daemon/my-daemon.fifo
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
)

// The held FIFO. A package variable keeps it reachable: the garbage collector closes an
// *os.File that nothing references any more, and the daemon would look dead.
var beacon *os.File

// holdBeacon creates the FIFO if needed and opens its read end.
func holdBeacon(path string) (*os.File, error) {
	// Owner-only, a folder 0700 and a FIFO 0600: whoever can open the FIFO for reading can
	// make this daemon look alive.
	folder := filepath.Dir(path)
	if err := os.MkdirAll(folder, 0o700); err != nil {
		return nil, err
	}
	info, err := os.Stat(folder)
	if err != nil {
		return nil, err
	}
	if info.Sys().(*syscall.Stat_t).Uid != uint32(os.Geteuid()) || info.Mode().Perm() != 0o700 {
		return nil, fmt.Errorf("'%s' must be a folder of this user's with mode 0700", folder)
	}
	// Reuse the FIFO that a crash left behind: EEXIST is not an error here. Anything else at
	// the path fails the check below.
	if err := syscall.Mkfifo(path, 0o600); err != nil && !errors.Is(err, fs.ErrExist) {
		return nil, err
	}
	// O_NONBLOCK: a read-only open of a FIFO would wait for a writer. os.OpenFile adds
	// O_CLOEXEC, so no child process inherits the descriptor.
	file, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOFOLLOW, 0)
	if err != nil {
		return nil, err
	}
	info, err = file.Stat()
	if err != nil || info.Mode()&fs.ModeNamedPipe == 0 || info.Sys().(*syscall.Stat_t).Uid != uint32(os.Geteuid()) {
		file.Close()
		return nil, fmt.Errorf("'%s' is not a FIFO of this user's", path)
	}
	if info.Mode().Perm()&0o077 != 0 {
		file.Close()
		return nil, fmt.Errorf("'%s' has mode %04o, so other users could open it;"+
			" run chmod 600 '%s' if it is this daemon's FIFO", path, info.Mode().Perm(), path)
	}
	return file, nil
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: beacon <fifo-path>")
		os.Exit(2)
	}
	var err error
	if beacon, err = holdBeacon(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "beacon:", err)
		os.Exit(1)
	}
	fmt.Println("beacon: holding", os.Args[1])
	for {
		// The daemon's work; here a child process that does not hold the FIFO.
		if err := exec.Command("sleep", "30").Run(); err != nil {
			fmt.Fprintln(os.Stderr, "beacon:", err)
		}
	}
}
