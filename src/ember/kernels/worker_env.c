/* A one-constructor shared library that tells the thread pools of the
 * libraries ember links to sleep when idle, unless the user chose otherwise:
 *
 *  - OMP_WAIT_POLICY=PASSIVE for libgomp (oneDNN's runtime). Its idle
 *    workers otherwise spin ~3 ms after every parallel region (measured:
 *    2.5 ms of CPU per region; 0.1 ms when passive).
 *  - OPENBLAS_THREAD_TIMEOUT=17 for OpenBLAS's pthread pool: workers spin
 *    2^17 cycles (~60 us) instead of the default 2^28 (~0.1 s) after a call,
 *    which burnt ~30% of a core at every process start (measured).
 *
 * On a shared 2-core machine spinning workers steal the core the next op
 * needs: libtorch's 2-thread runs were 2-25x slower than 1 thread.
 *
 * Both libraries read these variables once, in their ELF constructors, which
 * run before main() and before any constructor of the static ember library.
 * setenv() from a .preinit_array hook is too early: glibc's own initializer
 * resets environ afterwards. Shared-library constructors run dependencies
 * first and otherwise in reverse load order, so this library, which depends
 * on nothing but libc and is linked after libgomp and OpenBLAS, runs after
 * libc's and before theirs (LD_DEBUG=files shows the order).
 * kernels/dnnl_context.cpp calls ember_worker_env_linked() so that
 * --as-needed keeps the library. */
#include <stdlib.h>

__attribute__((constructor)) static void ember_worker_env(void) {
  setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
  setenv("OPENBLAS_THREAD_TIMEOUT", "17", 0);
}

int ember_worker_env_linked(void) { return 1; }
