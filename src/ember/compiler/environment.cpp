// Scopes and SSA: one frame per block. An If's outputs are the names either
// branch assigned; a Loop carries the names its body assigned that were
// defined before it (their uses inside the loop read the block parameter).
#include "ember/compiler/emitter.h"

namespace ember::compiler {

Value* FunctionEmitter::lookupNoError(const std::string& name) const {
  for (const Frame* f = frame; f; f = f->parent) {
    auto it = f->vars.find(name);
    if (it != f->vars.end()) return it->second;
    if (f->undefined.count(name)) return nullptr;
  }
  return nullptr;
}

Value* FunctionEmitter::lookup(const std::string& name, const SourceRange& r, bool report) {
  for (const Frame* f = frame; f; f = f->parent) {
    auto it = f->vars.find(name);
    if (it != f->vars.end()) return it->second;
    auto u = f->undefined.find(name);
    if (u != f->undefined.end()) {
      if (report) {
        auto at = f->undefinedAt.find(name);
        if (at != f->undefinedAt.end() && at->second.valid()) {
          error(at->second, u->second);
          diag().note(r, "and was used here");
        } else {
          error(r, u->second);
        }
      }
      return report ? poison() : nullptr;
    }
  }
  return nullptr;
}

void FunctionEmitter::assign(const std::string& name, Value* v, const SourceRange& r) {
  frame->vars[name] = v;
  frame->undefined.erase(name);
  frame->assignedAt[name] = r;
  if (frame->assignedSet.insert(name).second) frame->assigned.push_back(name);
  if (name[0] != '$' && !v->hasDebugName() && v->node()->kind() != ir::prim::Constant &&
      v->node()->kind() != ir::prim::Param)
    v->setDebugName(name);
}

void FunctionEmitter::refine(const std::string& name, const TypePtr& type, const SourceRange& r) {
  Value* v = lookupNoError(name);
  if (!v || isPoison(v) || v->type()->equals(*type)) return;
  frame->vars[name] = castTo(v, type, r);
}

void FunctionEmitter::applyRefinements(const std::map<std::string, TypePtr>& refs, const SourceRange& r) {
  for (const auto& [name, type] : refs) refine(name, type, r);
}

std::unique_ptr<Frame> FunctionEmitter::pushFrame(bool loopBody) {
  auto f = std::make_unique<Frame>();
  f->parent = frame;
  f->isLoopBody = loopBody;
  frame = f.get();
  return f;
}

void FunctionEmitter::popFrame(std::unique_ptr<Frame>& f) { frame = f->parent; }

namespace {

Value* lookupIn(const Frame* f, const std::string& name) {
  for (; f; f = f->parent) {
    auto it = f->vars.find(name);
    if (it != f->vars.end()) return it->second;
    if (f->undefined.count(name)) return nullptr;
  }
  return nullptr;
}

}  // namespace

void FunctionEmitter::mergeIf(ir::Node* ifNode, Frame& thenF, Frame& elseF, const ExitInfo& te, const ExitInfo& ee,
                              const SourceRange& r) {
  std::vector<std::string> names = thenF.assigned;
  for (const auto& n : elseF.assigned)
    if (!thenF.assignedSet.count(n)) names.push_back(n);
  ir::Block* tb = ifNode->blocks()[0];
  ir::Block* eb = ifNode->blocks()[1];
  auto uninit = [&](ir::Block* b, const TypePtr& t) {
    ir::WithInsertPoint guard(b);
    return graph.insertNode(graph.createUninitialized(t))->output();
  };
  for (const auto& name : names) {
    if (te.noValues && ee.noValues && name[0] != '$') continue;
    Value* tv = lookupIn(&thenF, name);
    Value* ev = lookupIn(&elseF, name);
    // The flags and the return value are what an exiting branch leaves behind.
    bool flag = name[0] == '$';
    if (flag && tv && ev) {
      // merged below like any variable
    } else if (te.noValues) {
      if (!ev) continue;
      tv = uninit(tb, ev->type());
    } else if (ee.noValues) {
      if (!tv) continue;
      ev = uninit(eb, tv->type());
    }
    if (!tv || !ev) {
      frame->undefined[name] = name + " is not defined in the " + (tv ? "false" : "true") + " branch";
      frame->undefinedAt[name] = r;
      continue;
    }
    TypePtr t;
    if (isPoison(tv) || isPoison(ev)) {
      t = types::any();
    } else {
      t = unifyTypes(tv->type(), ev->type());
      if (tv->type()->kind() == TypeKind::Any || ev->type()->kind() == TypeKind::Any) t = types::any();
    }
    if (!t) {
      if (name[0] == '$') t = types::any();
      else {
        error(r, "Type mismatch: " + name + " is set to type " + tv->type()->str() + " in the true branch and type " +
                     ev->type()->str() + " in the false branch");
        frame->vars[name] = poison();
        continue;
      }
    }
    tb->registerOutput(tv);
    eb->registerOutput(ev);
    Value* out = ifNode->addOutput();
    out->setType(t);
    assign(name, out, r);
  }
}

void FunctionEmitter::mergeLoop(ir::Node* loop, Frame& body, const SourceRange& r) {
  ir::Block* b = loop->blocks()[0];
  Frame* outer = body.parent;
  for (const auto& name : body.assigned) {
    Value* outerV = lookupIn(outer, name);
    Value* innerV = body.vars.at(name);
    if (!outerV) {
      outer->undefined[name] = "undefined value " + name;
      continue;
    }
    TypePtr t = outerV->type();
    if (!isPoison(innerV) && !isPoison(outerV) && !isSubtypeForArg(innerV->type(), t)) {
      if (name[0] == '$') {
        t = types::any();
      } else {
        auto at = body.assignedAt.find(name);
        error(at != body.assignedAt.end() ? at->second : r, "Variable '" + name + "' previously had type " + t->str() +
                     " but is now being assigned to a value of type " + innerV->type()->str());
        continue;
      }
    }
    loop->addInput(outerV);
    Value* param = b->addInput();
    param->setType(t);
    if (name[0] != '$') param->setDebugName(name);
    // Uses inside the loop read the carried value.
    std::vector<ir::Use> uses = outerV->uses();
    for (const ir::Use& u : uses)
      if (u.user != loop && loop->encloses(u.user)) u.user->replaceInput(u.offset, param);
    if (innerV == outerV) innerV = param;
    b->registerOutput(innerV);
    Value* out = loop->addOutput();
    out->setType(t);
    Frame* saved = frame;
    frame = outer;
    assign(name, out, r);
    frame = saved;
  }
}

}  // namespace ember::compiler
