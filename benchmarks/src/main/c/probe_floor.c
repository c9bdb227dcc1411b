/*
 * The physical floor of a FIFO probe: the same system calls fifo-liveness makes, from C.
 * Reader present: stat (a FIFO of the expected owner?) + open(O_WRONLY|O_NONBLOCK|O_CLOEXEC|O_NOCTTY)
 * + fstat (still a FIFO of that owner?) + close.
 * No reader: stat + the failing open (ENXIO).
 * Usage: probe_floor <fifo> <iterations>; prints "reader_present <ns/op>" and "no_reader <ns/op>".
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const int WRITE_END = O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY;

static double now_ns(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int fifo_of(const struct stat *st, uid_t owner) {
	return S_ISFIFO(st->st_mode) && st->st_uid == owner;
}

static double reader_present(const char *path, long n) {
	struct stat st;
	uid_t owner = geteuid();
	double start = now_ns();
	for (long i = 0; i < n; i++) {
		if (stat(path, &st) != 0 || !fifo_of(&st, owner)) {
			perror("stat");
			exit(1);
		}
		int fd = open(path, WRITE_END);
		if (fd < 0 || fstat(fd, &st) != 0 || !fifo_of(&st, owner)) {
			perror("probe");
			exit(1);
		}
		close(fd);
	}
	return (now_ns() - start) / n;
}

static double no_reader(const char *path, long n) {
	struct stat st;
	uid_t owner = geteuid();
	double start = now_ns();
	for (long i = 0; i < n; i++) {
		if (stat(path, &st) != 0 || !fifo_of(&st, owner) || open(path, WRITE_END) >= 0 || errno != ENXIO) {
			fprintf(stderr, "expected ENXIO on a FIFO\n");
			exit(1);
		}
	}
	return (now_ns() - start) / n;
}

int main(int argc, char **argv) {
	if (argc != 3) {
		fprintf(stderr, "usage: %s <fifo> <iterations>\n", argv[0]);
		return 2;
	}
	long n = atol(argv[2]);
	no_reader(argv[1], n / 10);
	printf("no_reader %.1f\n", no_reader(argv[1], n));
	int reader = open(argv[1], O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (reader < 0) {
		perror("reader");
		return 1;
	}
	reader_present(argv[1], n / 10);
	printf("reader_present %.1f\n", reader_present(argv[1], n));
	close(reader);
	return 0;
}
