// Statements. Early return, break and continue set flag variables ($ret,
// $brkN, $contN); the statements after one that may have set a flag run
// under `if not flags:`, and loop conditions test the flags -- the same
// effect as PyTorch's exit transform, done while emitting.
#include <limits>

#include "ember/compiler/emitter.h"
#include "ember/value/containers.h"

namespace ember::compiler {

namespace {

bool anyStmt(const ast::StmtList& stmts, const std::function<bool(const ast::Stmt&)>& pred, bool intoLoops);

bool stmtAny(const ast::Stmt& s, const std::function<bool(const ast::Stmt&)>& pred, bool intoLoops) {
  if (pred(s)) return true;
  if (auto* i = ast::dyn_cast<ast::If>(&s)) return anyStmt(i->body, pred, intoLoops) || anyStmt(i->orelse, pred, intoLoops);
  if (auto* w = ast::dyn_cast<ast::With>(&s)) return anyStmt(w->body, pred, intoLoops);
  if (!intoLoops) return false;
  if (auto* w = ast::dyn_cast<ast::While>(&s)) return anyStmt(w->body, pred, intoLoops);
  if (auto* f = ast::dyn_cast<ast::For>(&s)) return anyStmt(f->body, pred, intoLoops);
  return false;
}

bool anyStmt(const ast::StmtList& stmts, const std::function<bool(const ast::Stmt&)>& pred, bool intoLoops) {
  for (const auto& s : stmts)
    if (stmtAny(*s, pred, intoLoops)) return true;
  return false;
}

}  // namespace

bool stmtContainsReturn(const ast::Stmt& s) {
  return stmtAny(s, [](const ast::Stmt& x) { return ast::isa<ast::Return>(&x); }, true);
}
bool containsReturn(const ast::StmtList& stmts) {
  return anyStmt(stmts, [](const ast::Stmt& x) { return ast::isa<ast::Return>(&x); }, true);
}
bool containsLoopExit(const ast::StmtList& stmts, ast::NodeKind kind) {
  return anyStmt(stmts, [kind](const ast::Stmt& x) { return x.kind() == kind; }, false);
}

Value* FunctionEmitter::flagValue(const std::string& flag, const SourceRange& r) {
  Value* v = lookupNoError(flag);
  return v ? v : constant(IValue(false), r);
}

Value* FunctionEmitter::anyFlagSet(const SourceRange& r) {
  std::vector<Value*> flags;
  if (usesReturnFlag) flags.push_back(flagValue("$ret", r));
  if (!loops.empty()) {
    if (!loops.back().breakFlag.empty()) flags.push_back(flagValue(loops.back().breakFlag, r));
    if (!loops.back().continueFlag.empty()) flags.push_back(flagValue(loops.back().continueFlag, r));
  }
  if (flags.empty()) return constant(IValue(false), r);
  Value* acc = flags[0];
  for (size_t i = 1; i < flags.size(); ++i) acc = callExact("aten::__or__.bool", {acc, flags[i]}, types::boolT(), r);
  return acc;
}

ExitInfo FunctionEmitter::emitStatements(const ast::StmtList& stmts, size_t from) {
  ExitInfo acc;
  for (size_t i = from; i < stmts.size(); ++i) {
    ExitInfo ex = emitStatement(*stmts[i]);
    acc.setsFlag = acc.setsFlag || ex.setsFlag;
    if (ex.always) {
      acc.always = true;
      acc.noValues = ex.noValues;
      return acc;
    }
    if (ex.setsFlag && i + 1 < stmts.size()) {
      const SourceRange r = stmts[i + 1]->range();
      CondValue c;
      c.value = notValue(anyFlagSet(r), r);
      bool restAlways = false;
      emitIfWith(
          c,
          [&] {
            ExitInfo e = emitStatements(stmts, i + 1);
            restAlways = e.always;
            return e;
          },
          [] { return ExitInfo{}; }, r);
      // Either a flag was set (the statement exited) or the rest ran.
      acc.setsFlag = true;
      acc.always = restAlways;
      return acc;
    }
  }
  return acc;
}

ExitInfo FunctionEmitter::emitStatement(const ast::Stmt& s) {
  const SourceRange& r = s.range();
  switch (s.kind()) {
    case ast::NodeKind::ExprStmt: {
      const auto& e = *static_cast<const ast::ExprStmt&>(s).value;
      if (ast::isa<ast::StrLit>(&e) || ast::isa<ast::EllipsisLit>(&e)) return {};
      emitSugared(e);
      return {};
    }
    case ast::NodeKind::Assign: emitAssign(static_cast<const ast::Assign&>(s)); return {};
    case ast::NodeKind::AnnAssign: emitAnnAssign(static_cast<const ast::AnnAssign&>(s)); return {};
    case ast::NodeKind::AugAssign: emitAugAssign(static_cast<const ast::AugAssign&>(s)); return {};
    case ast::NodeKind::If: return emitIf(static_cast<const ast::If&>(s));
    case ast::NodeKind::While: return emitWhile(static_cast<const ast::While&>(s));
    case ast::NodeKind::For: return emitFor(static_cast<const ast::For&>(s));
    case ast::NodeKind::Return: return emitReturn(static_cast<const ast::Return&>(s));
    case ast::NodeKind::Raise: return emitRaise(static_cast<const ast::Raise&>(s));
    case ast::NodeKind::Assert: return emitAssert(static_cast<const ast::Assert&>(s));
    case ast::NodeKind::Pass: return {};
    case ast::NodeKind::Break:
    case ast::NodeKind::Continue: {
      bool isBreak = s.kind() == ast::NodeKind::Break;
      if (loops.empty()) {
        error(r, std::string("'") + (isBreak ? "break" : "continue") + "' outside loop");
        return {};
      }
      const std::string& flag = isBreak ? loops.back().breakFlag : loops.back().continueFlag;
      if (flag.empty()) {
        error(r, "break/continue is not supported in a loop over a tuple (the loop is unrolled)");
        return {};
      }
      assign(flag, constant(IValue(true), r), r);
      return {true, true, false};
    }
    case ast::NodeKind::Delete: {
      for (const auto& t : static_cast<const ast::Delete&>(s).targets) {
        if (auto* n = ast::dyn_cast<ast::Name>(t.get())) {
          // `del x` ends the variable's scope: later reads are errors.
          if (!lookup(n->id, n->range())) {
            error(n->range(), "undefined value " + n->id);
            continue;
          }
          frame->vars.erase(n->id);
          frame->undefined[n->id] = "undefined value " + n->id;
          continue;
        }
        auto* sub = ast::dyn_cast<ast::Subscript>(t.get());
        if (!sub) {
          error(t->range(), "TorchScript can only delete subscripts (del x[i]) and names");
          continue;
        }
        Value* base = emitExpr(*sub->value);
        Value* idx = emitExpr(*sub->index);
        callOp("aten::Delete", {{base, sub->value->range()}, {idx, sub->index->range()}}, t->range());
      }
      return {};
    }
    case ast::NodeKind::With: return emitWith(static_cast<const ast::With&>(s));
    case ast::NodeKind::Try:
      error(r, "TorchScript does not support try/except", "check the condition with `if` and raise instead");
      return {};
    case ast::NodeKind::Global:
    case ast::NodeKind::Nonlocal:
      error(r, "TorchScript does not support global or nonlocal variables", "pass the value as an argument");
      return {};
    case ast::NodeKind::FunctionDef:
      error(r, "TorchScript does not support nested function definitions", "define the function at module level");
      return {};
    case ast::NodeKind::ClassDef:
      error(r, "TorchScript does not support classes defined inside functions");
      return {};
    case ast::NodeKind::Import:
    case ast::NodeKind::ImportFrom:
      error(r, "TorchScript does not support import statements inside functions", "import at module level");
      return {};
    default:
      error(r, "unsupported statement");
      return {};
  }
}

ExitInfo FunctionEmitter::emitIfWith(CondValue cond, const std::function<ExitInfo()>& thenFn,
                                     const std::function<ExitInfo()>& elseFn, const SourceRange& r) {
  if (cond.constant) {
    // Statically decided (`x is None` on a non-Optional): emit one branch only.
    ExitInfo e = *cond.constant ? thenFn() : elseFn();
    return e;
  }
  ir::Node* n = graph.create(ir::prim::If, {cond.value}, 0);
  n->setSourceLoc(loc(r));
  graph.insertNode(n);
  ir::Block* tb = n->addBlock();
  ir::Block* eb = n->addBlock();
  ExitInfo te, ee;
  std::unique_ptr<Frame> tf, ef;
  {
    ir::WithInsertPoint g(tb);
    tf = pushFrame();
    applyRefinements(cond.refs.whenTrue, r);
    te = thenFn();
    popFrame(tf);
  }
  {
    ir::WithInsertPoint g(eb);
    ef = pushFrame();
    applyRefinements(cond.refs.whenFalse, r);
    ee = elseFn();
    popFrame(ef);
  }
  mergeIf(n, *tf, *ef, te, ee, r);
  // Early exit refines what follows: `if x is None: return` leaves x non-None.
  if (te.noValues && !ee.always) applyRefinements(cond.refs.whenFalse, r);
  if (ee.noValues && !te.always) applyRefinements(cond.refs.whenTrue, r);
  ExitInfo out;
  out.always = te.always && ee.always;
  out.noValues = te.noValues && ee.noValues;
  out.setsFlag = te.setsFlag || ee.setsFlag;
  return out;
}

ExitInfo FunctionEmitter::emitIf(const ast::If& s) {
  CondValue c = emitCondition(*s.test);
  return emitIfWith(std::move(c), [&] { return emitStatements(s.body); }, [&] { return emitStatements(s.orelse); },
                    s.range());
}

void FunctionEmitter::emitLoop(Value* tripCount, Value* initialCond, const std::function<void(Value*)>& body,
                               const std::function<Value*()>& nextCond, const SourceRange& r) {
  ir::Node* loop = graph.create(ir::prim::Loop, {tripCount, initialCond}, 0);
  loop->setSourceLoc(loc(r));
  graph.insertNode(loop);
  ir::Block* b = loop->addBlock();
  Value* idx = b->addInput();
  idx->setType(types::intT());
  std::unique_ptr<Frame> bf;
  {
    ir::WithInsertPoint g(b);
    bf = pushFrame(true);
    body(idx);
    Value* c = nextCond ? nextCond() : nullptr;
    if (!c) c = constant(IValue(true), r);
    b->registerOutput(c);
    popFrame(bf);
  }
  mergeLoop(loop, *bf, r);
}

namespace {
LoopContext makeLoopContext(const ast::StmtList& body, int& counter) {
  LoopContext lc;
  ++counter;
  if (containsLoopExit(body, ast::NodeKind::Break)) lc.breakFlag = "$brk" + std::to_string(counter);
  if (containsLoopExit(body, ast::NodeKind::Continue)) lc.continueFlag = "$cont" + std::to_string(counter);
  return lc;
}
}  // namespace

ExitInfo FunctionEmitter::emitWhile(const ast::While& s) {
  const SourceRange& r = s.range();
  if (!s.orelse.empty()) error(s.orelse.front()->range(), "else branches of while loops aren't supported");
  LoopContext lc = makeLoopContext(s.body, flagCounter);
  if (!lc.breakFlag.empty()) assign(lc.breakFlag, constant(IValue(false), r), r);
  CondValue c0 = emitCondition(*s.test);
  Value* init = c0.value ? c0.value : constant(IValue(c0.constant.value_or(false)), r);
  loops.push_back(lc);
  bool needsExitTest = !lc.breakFlag.empty() || usesReturnFlag;
  emitLoop(
      constant(IValue(std::numeric_limits<int64_t>::max()), r), init,
      [&](Value*) {
        if (!lc.continueFlag.empty()) assign(lc.continueFlag, constant(IValue(false), r), r);
        applyRefinements(c0.refs.whenTrue, r);
        emitStatements(s.body);
      },
      [&]() -> Value* {
        if (!needsExitTest) {
          CondValue c = emitCondition(*s.test);
          return c.value ? c.value : constant(IValue(c.constant.value_or(false)), r);
        }
        std::vector<Value*> flags;
        if (usesReturnFlag) flags.push_back(flagValue("$ret", r));
        if (!lc.breakFlag.empty()) flags.push_back(flagValue(lc.breakFlag, r));
        Value* stop = flags[0];
        for (size_t i = 1; i < flags.size(); ++i) stop = callExact("aten::__or__.bool", {stop, flags[i]}, types::boolT(), r);
        ir::Node* n = graph.create(ir::prim::If, {stop}, 1);
        n->output()->setType(types::boolT());
        graph.insertNode(n);
        ir::Block* tb = n->addBlock();
        ir::Block* eb = n->addBlock();
        {
          ir::WithInsertPoint g(tb);
          tb->registerOutput(constant(IValue(false), r));
        }
        {
          ir::WithInsertPoint g(eb);
          CondValue c = emitCondition(*s.test);
          eb->registerOutput(c.value ? c.value : constant(IValue(c.constant.value_or(false)), r));
        }
        return n->output();
      },
      r);
  loops.pop_back();
  return {false, containsReturn(s.body), false};
}

ExitInfo FunctionEmitter::emitFor(const ast::For& s) {
  const SourceRange& r = s.range();
  // PyTorch reports this at the loop itself.
  if (!s.orelse.empty()) error(s.range(), "else branches of for loops aren't supported");
  auto plan = planIter(*s.iter);
  if (!plan) return {};
  auto bindTarget = [&](const std::vector<Value*>& vals) {
    if (vals.size() == 1) return assignTarget(*s.target, vals[0], s.target->range());
    auto* t = ast::dyn_cast<ast::Tuple>(s.target.get());
    if (t && t->elts.size() == vals.size()) {
      for (size_t i = 0; i < vals.size(); ++i) assignTarget(*t->elts[i], vals[i], t->elts[i]->range());
      return;
    }
    ir::Node* tn = graph.createTuple(vals);
    graph.insertNode(tn);
    assignTarget(*s.target, tn->output(), s.target->range());
  };
  if (plan->isTuple) {
    if (containsLoopExit(s.body, ast::NodeKind::Break) || containsLoopExit(s.body, ast::NodeKind::Continue))
      error(r, "break/continue is not supported in a loop over a tuple (the loop is unrolled)");
    for (Value* v : plan->unrolled) {
      bindTarget({v});
      emitStatements(s.body);
    }
    return {false, containsReturn(s.body), false};
  }
  LoopContext lc = makeLoopContext(s.body, flagCounter);
  if (!lc.breakFlag.empty()) assign(lc.breakFlag, constant(IValue(false), r), r);
  loops.push_back(lc);
  bool needsExitTest = !lc.breakFlag.empty() || usesReturnFlag;
  emitLoop(
      plan->trip, constant(IValue(true), r),
      [&](Value* idx) {
        if (!lc.continueFlag.empty()) assign(lc.continueFlag, constant(IValue(false), r), r);
        bindTarget(plan->get(idx));
        emitStatements(s.body);
      },
      [&]() -> Value* {
        if (!needsExitTest) return nullptr;
        std::vector<Value*> flags;
        if (usesReturnFlag) flags.push_back(flagValue("$ret", r));
        if (!lc.breakFlag.empty()) flags.push_back(flagValue(lc.breakFlag, r));
        Value* stop = flags[0];
        for (size_t i = 1; i < flags.size(); ++i) stop = callExact("aten::__or__.bool", {stop, flags[i]}, types::boolT(), r);
        return notValue(stop, r);
      },
      r);
  loops.pop_back();
  return {false, containsReturn(s.body), false};
}

ExitInfo FunctionEmitter::emitReturn(const ast::Return& s) {
  const SourceRange& r = s.range();
  Value* v = s.value ? emitExpr(*s.value, declaredReturn) : constant(IValue(), r);
  // Like arguments, a returned tensor converts implicitly to a declared int/float.
  if (!isPoison(v) && declaredReturn && v->type()->kind() == TypeKind::Tensor) {
    if (declaredReturn->kind() == TypeKind::Int) v = callOp("aten::IntImplicit", {{v, r}}, r);
    else if (declaredReturn->kind() == TypeKind::Float) v = callOp("aten::FloatImplicit", {{v, r}}, r);
  }
  if (!isPoison(v)) {
    if (declaredReturn) {
      if (!isSubtypeForArg(v->type(), declaredReturn) && !(fn.owner && fn.def->name == "__init__"))
        error(r, "Return value was annotated as having type " + declaredReturn->str() + " but is actually of type " +
                     v->type()->str());
    } else {
      TypePtr prev;
      for (const auto& t : returnTypes) prev = prev ? unifyTypes(prev, t) : t;
      if (prev && !unifyTypes(prev, v->type()))
        error(r, "Previous return statement returned a value of type " + prev->str() +
                     " but this return statement returns a value of type " + v->type()->str());
      returnTypes.push_back(v->type());
    }
  }
  if (!usesReturnFlag) {
    directReturn = v;
    return {true, false, true};
  }
  assign("$retval", v, r);
  assign("$ret", constant(IValue(true), r), r);
  return {true, true, true};
}

void FunctionEmitter::emitRaiseValue(Value* msg, const std::string& cls, const SourceRange& r) {
  ir::Node* n = graph.create(ir::prim::RaiseException, {msg, constant(IValue(cls), r)}, 0);
  n->setSourceLoc(loc(r));
  graph.insertNode(n);
}

ExitInfo FunctionEmitter::emitRaise(const ast::Raise& s) {
  const SourceRange& r = s.range();
  std::string cls = "builtins.Exception";
  Value* msg = nullptr;
  if (!s.exc) {
    error(r, "TorchScript does not support a bare `raise` (re-raising)");
    return {true, false, true};
  }
  const ast::Expr* exc = s.exc.get();
  const ast::Expr* callee = exc;
  const ast::Call* call = ast::dyn_cast<ast::Call>(exc);
  if (call) callee = call->func.get();
  std::string name;
  if (auto* n = ast::dyn_cast<ast::Name>(callee)) name = n->id;
  else if (auto* a = ast::dyn_cast<ast::Attribute>(callee)) name = a->attr;
  static const char* known[] = {"Exception", "ValueError", "RuntimeError", "TypeError", "IndexError", "KeyError",
                                "AssertionError", "NotImplementedError", "ZeroDivisionError", "AttributeError",
                                "StopIteration", "ArithmeticError", "LookupError", "OverflowError"};
  bool ok = false;
  for (const char* k : known) ok = ok || name == k;
  if (!ok) {
    error(callee->range(), "TorchScript can only raise builtin exception classes (ValueError, RuntimeError, ...)");
    return {true, false, true};
  }
  // PyTorch 1.13 surfaces `raise ValueError` (the class, not an instance) as
  // a RuntimeError without message, and AssertionError as a RuntimeError
  // whose message starts "AssertionError: " (as the assert statement does).
  cls = call ? "builtins." + name : "builtins.RuntimeError";
  if (call && !call->args.empty()) {
    Value* v = emitExpr(*call->args[0]);
    msg = v->type()->kind() == TypeKind::Str ? v : callOp("aten::str", {{v, call->args[0]->range()}}, r);
  }
  if (!msg) msg = constant(IValue(std::string()), r);
  if (call && name == "AssertionError") {
    msg = callOp("aten::add", {{constant(IValue(std::string("AssertionError: ")), r), r}, {msg, r}}, r);
    cls = "builtins.RuntimeError";
  }
  emitRaiseValue(msg, cls, r);
  return {true, false, true};
}

ExitInfo FunctionEmitter::emitAssert(const ast::Assert& s) {
  const SourceRange& r = s.range();
  CondValue c = emitCondition(*s.test);
  emitIfWith(
      c, [] { return ExitInfo{}; },
      [&] {
        // PyTorch 1.13 raises a RuntimeError whose message starts "AssertionError: ".
        Value* msg;
        if (s.msg) {
          Value* v = emitExpr(*s.msg);
          msg = v->type()->kind() == TypeKind::Str ? v : callOp("aten::str", {{v, s.msg->range()}}, r);
          msg = callOp("aten::add", {{constant(IValue(std::string("AssertionError: ")), r), r}, {msg, r}}, r);
        } else {
          msg = constant(IValue(std::string("AssertionError: ")), r);
        }
        emitRaiseValue(msg, "builtins.RuntimeError", r);
        return ExitInfo{true, false, true};
      },
      r);
  return {};
}

}  // namespace ember::compiler
