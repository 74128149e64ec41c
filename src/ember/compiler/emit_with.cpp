// `with` statements: torch.no_grad()/enable_grad() (ember has no autograd,
// so they only scope their body) and objects of user classes with __enter__
// and __exit__. As in TorchScript, __exit__(None, None, None) runs when the
// body ends, also after a return/break/continue in it (those only set flags
// here, so the body always reaches its end); exceptions are not caught.
#include "ember/compiler/emitter.h"

namespace ember::compiler {

// torch.no_grad() / torch.enable_grad(), however torch is imported.
bool FunctionEmitter::isGradModeCall(const ast::Expr& e) {
  const auto* call = ast::dyn_cast<ast::Call>(&e);
  if (!call) return false;
  SV callee = emitSugared(*call->func);
  return callee->kind == Sugared::Kind::Op && (callee->name == "$no_grad" || callee->name == "$enable_grad");
}

ExitInfo FunctionEmitter::emitWith(const ast::With& w) {
  // Archives spell `with torch.no_grad():` as an object of the serialized
  // no_grad class; ember has no autograd, so only the body matters.
  if (ctx.archive) return emitStatements(w.body);
  std::vector<std::pair<Value*, SourceRange>> entered;
  for (const auto& item : w.items) {
    const SourceRange& ir = item.context->range();
    if (isGradModeCall(*item.context)) {
      if (item.target) error(item.target->range(), "`with ... as name` is not supported for grad modes");
      continue;
    }
    Value* obj = emitExpr(*item.context);
    if (isPoison(obj)) continue;
    const ClassType* cls = asClass(obj->type());
    if (!cls) {
      error(ir, "With item expression must return an object",
            "use an instance of a class that defines __enter__ and __exit__, or torch.no_grad()");
      continue;
    }
    ClassInfo* info = ctx.findClass(cls->name().substr(cls->name().rfind('.') + 1));
    if (!info || !info->methods.count("__enter__") || !info->methods.count("__exit__")) {
      error(ir, "Object returned by with item expression does not define __enter__ and __exit__ methods",
            "define both `def __enter__(self)` and `def __exit__(self, a: Any, b: Any, c: Any)`");
      continue;
    }
    Value* v = callMethod(obj, "__enter__", {}, {}, ir);
    if (item.target) assignTarget(*item.target, v, item.target->range());
    entered.emplace_back(obj, ir);
  }
  ExitInfo ex = emitStatements(w.body);
  for (auto it = entered.rbegin(); it != entered.rend(); ++it) {
    const SourceRange& ir = it->second;
    Value* none = constant(IValue(), ir);
    callMethod(it->first, "__exit__", {{none, ir}, {none, ir}, {none, ir}}, {}, ir);
  }
  return ex;
}

}  // namespace ember::compiler
