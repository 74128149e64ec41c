// `ember convert MODEL OUT.pt`: re-save an archive as torch.jit.save (PyTorch
// 1.13) would, without the .debug_pkl records. A .py file of TorchScript is
// refused: torch.jit.load needs a module object at the root, and the file's
// Python-level source (imports, typing, torch.nn.functional) is not the
// serialized dialect that code/ holds.
#include "cli/commands.h"
#include "cli/model.h"
#include "ember/api/ember.h"
#include "ember/support/error.h"

namespace ember::cli {

int runConvert(const Options& opt) {
  if (isPythonSource(opt.model))
    EMBER_FAIL_KIND(NotImplemented,
                    "{}: converting a .py file is not supported: torch.jit.load needs a module; script it in "
                    "PyTorch (torch.jit.script) and save that, or convert a torch.jit.save archive",
                    opt.model);
  Module m = ember::load(opt.model);
  m.save(opt.output);
  return 0;
}

}  // namespace ember::cli
