// `ember convert MODEL OUT.pt`: re-save an archive as torch.jit.save (PyTorch
// 1.13) would, without the .debug_pkl records; or compile a .py file of
// TorchScript into an archive whose root module forwards to its functions
// (export/source_archive.h).
#include "cli/commands.h"
#include "cli/model.h"
#include "ember/api/ember.h"
#include "ember/export/source_archive.h"
#include "ember/support/error.h"

namespace ember::cli {

int runConvert(const Options& opt) {
  if (isPythonSource(opt.model)) {
    exporter::convertSourceFile(opt.model, opt.output);
    return 0;
  }
  Module m = ember::load(opt.model);
  m.save(opt.output);
  return 0;
}

}  // namespace ember::cli
