#include "ember/ir/block.h"

#include <unordered_map>

#include "ember/ir/graph.h"
#include "ember/support/error.h"

namespace ember::ir {

Block::Block(Graph* graph, Node* owningNode)
    : graph_(graph), param_(graph->create(prim::Param, 0)), return_(graph->create(prim::Return, 0)),
      owningNode_(owningNode) {
  param_->next_ = return_;
  param_->prev_ = return_;
  return_->next_ = param_;
  return_->prev_ = param_;
  param_->owningBlock_ = this;
  return_->owningBlock_ = this;
}

Value* Block::addInput(const std::string& name) {
  Value* v = param_->addOutput();
  if (!name.empty()) v->setDebugName(name);
  return v;
}

Value* Block::insertInput(size_t i, const std::string& name) {
  Value* v = param_->insertOutput(i);
  if (!name.empty()) v->setDebugName(name);
  return v;
}

void Block::eraseInput(size_t i) { param_->eraseOutput(i); }

size_t Block::registerOutput(Value* v) {
  return_->addInput(v);
  return return_->inputs().size() - 1;
}

size_t Block::insertOutput(size_t i, Value* v) {
  return_->insertInput(i, v);
  return i;
}

void Block::eraseOutput(size_t i) { return_->removeInput(i); }

void Block::cloneFrom(const Block* src, const std::function<Value*(Value*)>& valueMap) {
  std::unordered_map<const Value*, Value*> local;
  auto env = [&](Value* v) -> Value* {
    auto it = local.find(v);
    return it != local.end() ? it->second : valueMap(v);
  };
  for (Value* in : src->inputs()) local[in] = addInput()->copyMetadata(in);
  for (const Node* n : src->nodes()) {
    Node* copy = appendNode(graph_->createClone(n, env));
    for (size_t i = 0; i < n->outputs().size(); ++i) local[n->outputs()[i]] = copy->outputs()[i];
  }
  for (Value* out : src->outputs()) registerOutput(env(out));
}

}  // namespace ember::ir
