// SPDX-License-Identifier: MIT
// faultfs: an LD_PRELOAD shim that makes one file-system call fail, so the
// reliability tests can check what kg does when a write, sync, open or rename
// fails. Only calls on paths under $FAULTFS_DIR count (never stdout/stderr).
//
//   FAULTFS_DIR=/tmp/x     count only files whose path starts with this
//   FAULTFS_CALL=write     which kind fails: write, fsync, open, rename
//   FAULTFS_NTH=3          the 3rd call of that kind fails (once); 0: none fail
//   FAULTFS_ERRNO=EIO      EIO (default), ENOSPC, EROFS, EACCES, EDQUOT
//   FAULTFS_ALWAYS=1       keep failing every call from the NTH on (a full disk)
//   FAULTFS_COUNTS=file    at exit, append "write N\nfsync N\nopen N\nrename N\n"
//                          (only processes that made a watched call)
//
// With an ASan-built kg, put libasan first: LD_PRELOAD="libasan.so.8 libfaultfs.so"
// and ASAN_OPTIONS=verify_asan_link_order=0.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

enum Kind { kWrite, kFsync, kOpen, kRename, kKinds };
static const char* const kKindNames[kKinds] = {"write", "fsync", "open", "rename"};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long counts[kKinds];
static char watch_dir[PATH_MAX];
static size_t watch_len;
static int fail_kind = -1;
static long fail_nth;
static int fail_errno = EIO;
static int fail_always;

static pthread_once_t configure_once = PTHREAD_ONCE_INIT;

static void Configure(void) {
  const char* dir = getenv("FAULTFS_DIR");
  if (dir != NULL && *dir != '\0') {
    snprintf(watch_dir, sizeof watch_dir, "%s", dir);
    watch_len = strlen(watch_dir);
  }
  const char* call = getenv("FAULTFS_CALL");
  for (int kind = 0; call != NULL && kind < kKinds; ++kind)
    if (strcmp(call, kKindNames[kind]) == 0) fail_kind = kind;
  const char* nth = getenv("FAULTFS_NTH");
  fail_nth = nth != NULL ? atol(nth) : 0;
  const char* name = getenv("FAULTFS_ERRNO");
  if (name != NULL) {
    if (strcmp(name, "ENOSPC") == 0) fail_errno = ENOSPC;
    if (strcmp(name, "EROFS") == 0) fail_errno = EROFS;
    if (strcmp(name, "EACCES") == 0) fail_errno = EACCES;
    if (strcmp(name, "EDQUOT") == 0) fail_errno = EDQUOT;
  }
  const char* always = getenv("FAULTFS_ALWAYS");
  fail_always = always != NULL && strcmp(always, "1") == 0;
}

static int Watched(const char* path) {
  pthread_once(&configure_once, Configure);
  if (watch_len == 0 || path == NULL) return 0;
  if (path[0] == '/') return strncmp(path, watch_dir, watch_len) == 0;
  char cwd[PATH_MAX];
  if (getcwd(cwd, sizeof cwd) == NULL) return 0;
  return strncmp(cwd, watch_dir, watch_len) == 0;
}

static int WatchedFd(int fd) {
  pthread_once(&configure_once, Configure);
  if (fd <= 2 || watch_len == 0) return 0;
  char link[64], target[PATH_MAX];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t size = readlink(link, target, sizeof target - 1);
  if (size <= 0) return 0;
  target[size] = '\0';
  return strncmp(target, watch_dir, watch_len) == 0;
}

// Counts one watched call of `kind`; returns nonzero (errno set) when it must fail.
static int ShouldFail(int kind) {
  pthread_mutex_lock(&lock);
  long number = ++counts[kind];
  int fail = kind == fail_kind && fail_nth > 0 &&
             (number == fail_nth || (fail_always && number > fail_nth));
  pthread_mutex_unlock(&lock);
  if (fail) errno = fail_errno;
  return fail;
}

__attribute__((destructor)) static void WriteCounts(void) {
  const char* file = getenv("FAULTFS_COUNTS");
  if (file == NULL || *file == '\0') return;
  // Wrappers such as timeout(1) also load the shim: only a process that
  // touched the watched directory reports.
  if (counts[kWrite] + counts[kFsync] + counts[kOpen] + counts[kRename] == 0) return;
  FILE* out = fopen(file, "a");
  if (out == NULL) return;
  for (int kind = 0; kind < kKinds; ++kind)
    fprintf(out, "%s %ld\n", kKindNames[kind], counts[kind]);
  fclose(out);
}

#define REAL(name)                      \
  static __typeof__(&name) real_##name; \
  if (real_##name == NULL) real_##name = (__typeof__(&name))dlsym(RTLD_NEXT, #name)

ssize_t write(int fd, const void* buffer, size_t size) {
  REAL(write);
  if (WatchedFd(fd) && ShouldFail(kWrite)) return -1;
  return real_write(fd, buffer, size);
}

ssize_t writev(int fd, const struct iovec* iov, int count) {
  REAL(writev);
  if (WatchedFd(fd) && ShouldFail(kWrite)) return -1;
  return real_writev(fd, iov, count);
}

ssize_t pwrite(int fd, const void* buffer, size_t size, off_t offset) {
  REAL(pwrite);
  if (WatchedFd(fd) && ShouldFail(kWrite)) return -1;
  return real_pwrite(fd, buffer, size, offset);
}

ssize_t pwrite64(int fd, const void* buffer, size_t size, off64_t offset) {
  REAL(pwrite64);
  if (WatchedFd(fd) && ShouldFail(kWrite)) return -1;
  return real_pwrite64(fd, buffer, size, offset);
}

int fsync(int fd) {
  REAL(fsync);
  if (WatchedFd(fd) && ShouldFail(kFsync)) return -1;
  return real_fsync(fd);
}

int fdatasync(int fd) {
  REAL(fdatasync);
  if (WatchedFd(fd) && ShouldFail(kFsync)) return -1;
  return real_fdatasync(fd);
}

// open and friends take a mode only with O_CREAT / O_TMPFILE.
static mode_t ModeArgument(int flags, va_list args) {
  return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ? va_arg(args, mode_t) : 0;
}

int open(const char* path, int flags, ...) {
  REAL(open);
  va_list args;
  va_start(args, flags);
  mode_t mode = ModeArgument(flags, args);
  va_end(args);
  if (Watched(path) && ShouldFail(kOpen)) return -1;
  return real_open(path, flags, mode);
}

int open64(const char* path, int flags, ...) {
  REAL(open64);
  va_list args;
  va_start(args, flags);
  mode_t mode = ModeArgument(flags, args);
  va_end(args);
  if (Watched(path) && ShouldFail(kOpen)) return -1;
  return real_open64(path, flags, mode);
}

int openat(int dir, const char* path, int flags, ...) {
  REAL(openat);
  va_list args;
  va_start(args, flags);
  mode_t mode = ModeArgument(flags, args);
  va_end(args);
  if (Watched(path) && ShouldFail(kOpen)) return -1;
  return real_openat(dir, path, flags, mode);
}

int openat64(int dir, const char* path, int flags, ...) {
  REAL(openat64);
  va_list args;
  va_start(args, flags);
  mode_t mode = ModeArgument(flags, args);
  va_end(args);
  if (Watched(path) && ShouldFail(kOpen)) return -1;
  return real_openat64(dir, path, flags, mode);
}

int rename(const char* from, const char* to) {
  REAL(rename);
  if (Watched(to) && ShouldFail(kRename)) return -1;
  return real_rename(from, to);
}

int renameat(int from_dir, const char* from, int to_dir, const char* to) {
  REAL(renameat);
  if (Watched(to) && ShouldFail(kRename)) return -1;
  return real_renameat(from_dir, from, to_dir, to);
}

int renameat2(int from_dir, const char* from, int to_dir, const char* to, unsigned flags) {
  REAL(renameat2);
  if (Watched(to) && ShouldFail(kRename)) return -1;
  return real_renameat2(from_dir, from, to_dir, to, flags);
}
