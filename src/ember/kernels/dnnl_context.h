// The process's oneDNN CPU engine and per-thread streams, and the thread
// count oneDNN's OpenMP runtime uses. Include only from kernels that call
// oneDNN: it pulls in <oneapi/dnnl/dnnl.hpp>.
#pragma once

#include <oneapi/dnnl/dnnl.hpp>

namespace ember::kernels::dnnl_ctx {

dnnl::engine& engine();
// A stream for the calling thread (oneDNN streams are not shared across threads).
dnnl::stream& stream();

// Threads oneDNN may use for one primitive: ember::getNumThreads(), or 1 inside
// one of ember's parallel regions. Applied to the calling thread's OpenMP team
// before each execution.
int numThreads();
// Makes the calling thread's OpenMP team size match numThreads(); cheap when it already does.
void prepareThreads();

}  // namespace ember::kernels::dnnl_ctx
