#include "ember/kernels/dnnl_context.h"

#include <atomic>
#include <cstdlib>
#include <thread>

// libgomp's entry point, declared here rather than through <omp.h> so that
// compilers without OpenMP headers (clang for the fuzz build) still build this.
extern "C" void omp_set_num_threads(int n);

namespace ember::kernels::dnnl_ctx {

namespace {

// oneDNN here runs on libgomp, whose idle workers spin (GOMP_SPINCOUNT,
// hundreds of thousands of iterations) after every parallel region. On a
// shared 2-core machine that spinning steals the core the next op's thread
// needs: libtorch's 2-thread runs were measured 2-25x slower than 1 thread.
// OMP_WAIT_POLICY=PASSIVE makes idle workers sleep at once.
//
// libgomp reads the variable in its constructor, which runs before main()
// and before any static constructor of ours. A .preinit_array entry is the
// one hook that runs earlier still (executables only; ember is linked
// statically into them). A value the user set is kept.
void setPassiveWaitPolicy(int, char**, char**) { setenv("OMP_WAIT_POLICY", "PASSIVE", 0); }

}  // namespace

}  // namespace ember::kernels::dnnl_ctx

__attribute__((section(".preinit_array"), used)) static void (*const emberPreinitOmp)(int, char**, char**) =
    &ember::kernels::dnnl_ctx::setPassiveWaitPolicy;

namespace ember::kernels::dnnl_ctx {

namespace {

int defaultThreads() {
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

std::atomic<int> gThreads{0};

}  // namespace

dnnl::engine& engine() {
  // Also covers hosts that load libgomp later (dlopen), where the preinit hook came too early to matter.
  static dnnl::engine e = [] {
    setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
    return dnnl::engine(dnnl::engine::kind::cpu, 0);
  }();
  return e;
}

dnnl::stream& stream() {
  thread_local dnnl::stream s(engine());
  return s;
}

void setNumThreads(int n) { gThreads.store(n < 1 ? 1 : n, std::memory_order_relaxed); }

int numThreads() {
  const int n = gThreads.load(std::memory_order_relaxed);
  return n > 0 ? n : defaultThreads();
}

void prepareThreads() {
  thread_local int applied = -1;
  const int want = numThreads();
  if (applied == want) return;
  omp_set_num_threads(want);
  applied = want;
}

}  // namespace ember::kernels::dnnl_ctx
