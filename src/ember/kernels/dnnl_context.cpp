#include "ember/kernels/dnnl_context.h"

#include <atomic>
#include <cstdlib>
#include <thread>

// libgomp's entry point, declared here rather than through <omp.h> so that
// compilers without OpenMP headers (clang for the fuzz build) still build this.
extern "C" void omp_set_num_threads(int n);
// From libember_worker_env (worker_env.c), which makes idle OpenMP/OpenBLAS workers sleep.
extern "C" int ember_worker_env_linked(void);

namespace ember::kernels::dnnl_ctx {

namespace {

int defaultThreads() {
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

std::atomic<int> gThreads{0};

}  // namespace

dnnl::engine& engine() {
  static dnnl::engine e = [] {
    // Hosts that load libgomp later (dlopen) still get the passive policy.
    if (ember_worker_env_linked()) setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
    return dnnl::engine(dnnl::engine::kind::cpu, 0);
  }();
  return e;
}

dnnl::stream& stream() {
  thread_local dnnl::stream s(engine());
  return s;
}

void setNumThreads(int n) { gThreads.store(n < 1 ? 0 : n, std::memory_order_relaxed); }

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
