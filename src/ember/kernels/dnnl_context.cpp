#include "ember/kernels/dnnl_context.h"

#include <cstdlib>

#include "ember/support/thread_pool.h"

// libgomp's entry point, declared here rather than through <omp.h> so that
// compilers without OpenMP headers (clang for the fuzz build) still build this.
extern "C" void omp_set_num_threads(int n);
// From libember_worker_env (worker_env.c), which makes idle OpenMP/OpenBLAS workers sleep.
extern "C" int ember_worker_env_linked(void);

namespace ember::kernels::dnnl_ctx {

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

// ember's one thread setting (support/thread_pool.h), so `--threads 1` and
// ember::setNumThreads bind oneDNN too. A call made from inside one of ember's
// parallel regions already has its share of the cores.
int numThreads() { return inParallelRegion() ? 1 : getNumThreads(); }

void prepareThreads() {
  thread_local int applied = -1;
  const int want = numThreads();
  if (applied == want) return;
  omp_set_num_threads(want);
  applied = want;
}

}  // namespace ember::kernels::dnnl_ctx
