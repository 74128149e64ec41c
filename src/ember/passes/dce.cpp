#include "ember/passes/dce.h"

#include <unordered_set>
#include <vector>

#include "ember/ir/graph.h"

namespace ember::passes {

namespace {

using ir::Block;
using ir::Node;
using ir::Value;

// Mark, then sweep. A node is live if it has side effects or one of its
// outputs is live; a value is live if a live node or a live block return
// reads it. Blocks are walked backwards, so every use is seen before its
// definition; loop bodies are re-walked until the carried values settle,
// because a body param feeds the body's own return.
class DeadCodeEliminator {
 public:
  bool run(Block* b) {
    for (Value* v : b->outputs()) live_.insert(v);
    markBlock(b);
    return sweepBlock(b);
  }

 private:
  bool isLive(const Value* v) const { return live_.count(v) > 0; }
  bool isLive(const Node* n) const { return liveNodes_.count(n) > 0; }

  void markBlock(Block* b) {
    for (Node* n : b->nodes().reverse()) {
      bool live = isLive(n);
      if (!live) {
        live = n->hasSideEffects();
        for (const Value* v : n->outputs()) live = live || isLive(v);
      }
      if (!live) continue;
      liveNodes_.insert(n);
      if (n->kind() == ir::prim::If) {
        markIf(n);
        continue;
      }
      if (n->kind() == ir::prim::Loop) {
        markLoop(n);
        continue;
      }
      for (Value* in : n->inputs()) live_.insert(in);
      for (Block* inner : n->blocks()) {
        for (Value* v : inner->outputs()) live_.insert(v);
        markBlock(inner);
      }
    }
  }

  void markIf(Node* n) {
    live_.insert(n->input(0));
    for (Block* b : n->blocks()) {
      for (size_t i = 0; i < n->outputs().size() && i < b->outputs().size(); ++i)
        if (isLive(n->outputs()[i])) live_.insert(b->outputs()[i]);
      markBlock(b);
    }
  }

  // Carried value i is live when the loop's output i or the body's param i+1
  // is; then the body's return i+1 and the initial input i+2 are.
  void markLoop(Node* n) {
    Block* body = n->blocks().at(0);
    live_.insert(n->input(0));
    live_.insert(n->input(1));
    live_.insert(body->outputs()[0]);
    size_t carried = n->outputs().size();
    for (;;) {
      size_t before = live_.size() + liveNodes_.size();
      for (size_t i = 0; i < carried; ++i) {
        if (!carriedLive(n, i)) continue;
        live_.insert(body->outputs()[i + 1]);
        live_.insert(n->inputs()[i + 2]);
      }
      markBlock(body);
      if (live_.size() + liveNodes_.size() == before) return;
    }
  }

  bool carriedLive(const Node* loop, size_t i) const {
    return isLive(loop->outputs()[i]) || isLive(loop->blocks()[0]->inputs()[i + 1]);
  }

  bool sweepBlock(Block* b) {
    bool changed = false;
    for (auto it = b->nodes().reverse().begin(), end = b->nodes().reverse().end(); it != end;) {
      Node* n = *it;
      ++it;
      if (!isLive(n)) {
        n->destroy();
        changed = true;
        continue;
      }
      if (n->kind() == ir::prim::If) changed |= removeDeadIfOutputs(n);
      if (n->kind() == ir::prim::Loop) {
        std::vector<size_t> dead = removeDeadLoopReturns(n);
        changed |= sweepBlock(n->blocks()[0]);
        changed |= removeDeadLoopParams(n, dead);
        continue;
      }
      for (Block* inner : n->blocks()) changed |= sweepBlock(inner);
    }
    return changed;
  }

  bool removeDeadIfOutputs(Node* n) {
    bool changed = false;
    for (size_t i = n->outputs().size(); i-- > 0;) {
      if (isLive(n->outputs()[i])) continue;
      for (Block* b : n->blocks()) b->eraseOutput(i);
      n->eraseOutput(i);
      changed = true;
    }
    return changed;
  }

  // Before sweeping the body: its dead carried returns must go first, so the
  // nodes computing them have no uses left.
  // Returns the dead carried indices, descending.
  std::vector<size_t> removeDeadLoopReturns(Node* n) {
    Block* body = n->blocks()[0];
    std::vector<size_t> dead;
    for (size_t i = n->outputs().size(); i-- > 0;) {
      if (carriedLive(n, i)) continue;
      body->eraseOutput(i + 1);
      n->removeInput(i + 2);
      dead.push_back(i);
    }
    return dead;
  }

  bool removeDeadLoopParams(Node* n, const std::vector<size_t>& dead) {
    Block* body = n->blocks()[0];
    for (size_t i : dead) {
      body->eraseInput(i + 1);
      n->eraseOutput(i);
    }
    return !dead.empty();
  }

  std::unordered_set<const Value*> live_;
  std::unordered_set<const Node*> liveNodes_;
};

}  // namespace

bool eliminateDeadCode(ir::Graph& graph) { return DeadCodeEliminator().run(graph.block()); }

bool eliminateDeadCode(ir::Block* block) { return DeadCodeEliminator().run(block); }

}  // namespace ember::passes
