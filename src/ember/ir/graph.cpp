#include "ember/ir/graph.h"

#include <algorithm>

#include "ember/support/error.h"

namespace ember::ir {

Graph::Graph() : block_(newBlock(nullptr)), insertBefore_(block_->returnNode()) {}

Graph::~Graph() {
  for (Node* n : allNodes_) {
    for (Value* v : n->outputs_) delete v;
    delete n;
  }
  for (Block* b : allBlocks_) delete b;
}

Block* Graph::newBlock(Node* owner) {
  auto* b = new Block(this, owner);
  allBlocks_.insert(b);
  return b;
}

// The caller has dropped every input of the nodes inside b.
void Graph::freeBlock(Block* b) {
  for (Node* n = b->paramNode()->next(); n != b->returnNode();) {
    Node* next = n->next();
    for (Block* inner : n->blocks_) freeBlock(inner);
    freeNode(n);
    n = next;
  }
  freeNode(b->paramNode());
  freeNode(b->returnNode());
  allBlocks_.erase(b);
  delete b;
}

void Graph::freeNode(Node* n) {
  for (Value* v : n->outputs_) freeValue(v);
  allNodes_.erase(n);
  delete n;
}

Value* Graph::newValue(Node* node, size_t offset) {
  auto* v = new Value(node, offset);
  v->unique_ = nextUnique_++;
  return v;
}

void Graph::freeValue(Value* v) {
  if (v->hasDebugName()) {
    auto it = uniqueNames_.find(v->name_);
    if (it != uniqueNames_.end() && it->second == v) uniqueNames_.erase(it);
  }
  delete v;
}

void Graph::setUnique(Value* v, size_t unique) {
  v->unique_ = unique;
  nextUnique_ = std::max(nextUnique_, unique + 1);
}

Node* Graph::create(Symbol kind, size_t numOutputs) {
  EMBER_CHECK(static_cast<bool>(kind), "cannot create a node with an empty kind");
  auto* n = new Node(this, kind);
  allNodes_.insert(n);
  for (size_t i = 0; i < numOutputs; ++i) n->addOutput();
  return n;
}

Node* Graph::create(Symbol kind, ArrayRef<Value*> inputs, size_t numOutputs) {
  Node* n = create(kind, numOutputs);
  for (Value* v : inputs) n->addInput(v);
  return n;
}

Node* Graph::createClone(const Node* n, const std::function<Value*(Value*)>& valueMap, bool copyBlocks) {
  Node* r = create(n->kind(), 0);
  for (const Value* o : n->outputs()) r->addOutput()->copyMetadata(o);
  r->attributes_ = n->attributes_;
  r->op_ = n->op_;
  r->loc_ = n->loc_;
  for (Value* in : n->inputs()) r->addInput(valueMap(in));
  if (copyBlocks)
    for (const Block* b : n->blocks()) r->addBlock()->cloneFrom(b, valueMap);
  return r;
}

Node* Graph::createList(const TypePtr& elementType, ArrayRef<Value*> values) {
  Node* n = create(prim::ListConstruct, values);
  n->output()->setType(types::list(elementType));
  return n;
}

Node* Graph::createTuple(ArrayRef<Value*> values) {
  std::vector<TypePtr> elements;
  for (const Value* v : values) elements.push_back(v->type());
  Node* n = create(prim::TupleConstruct, values);
  n->output()->setType(types::tuple(std::move(elements)));
  return n;
}

Node* Graph::createTupleUnpack(Value* tuple) {
  const TypePtr& t = tuple->type();
  EMBER_CHECK(t && t->kind() == TypeKind::Tuple, "prim::TupleUnpack of %{}, which is not a tuple",
              tuple->debugName());
  Node* n = create(prim::TupleUnpack, {tuple}, 0);
  for (const TypePtr& e : t->contained()) n->addOutput()->setType(e);
  return n;
}

Node* Graph::createUninitialized(TypePtr type) {
  Node* n = create(prim::Uninitialized);
  n->output()->setType(std::move(type));
  return n;
}

Node* Graph::createGetAttr(Value* object, const std::string& field, TypePtr type) {
  Node* n = create(prim::GetAttr, {object});
  n->s_(attr::name, field);
  n->output()->setType(std::move(type));
  return n;
}

Value* Graph::insert(Symbol kind, ArrayRef<Value*> inputs, TypePtr outputType, SourceLoc loc) {
  Node* n = create(kind, inputs);
  n->output()->setType(std::move(outputType));
  n->setSourceLoc(std::move(loc));
  return insertNode(n)->output();
}

Value* Graph::insertConstant(const IValue& v, SourceLoc loc) {
  Node* n = createConstant(v);
  n->setSourceLoc(std::move(loc));
  return insertNode(n)->output();
}

namespace {

// Gives the copy the source's value numbers (and fills valueMap), walking
// both blocks in step.
void mirrorValues(Graph* g, const Block* src, const Block* dst, ValueMap* map,
                  void (*setUnique)(Graph*, Value*, size_t)) {
  auto pair = [&](const Value* a, Value* b) {
    setUnique(g, b, a->unique());
    if (map != nullptr) (*map)[a] = b;
  };
  for (size_t i = 0; i < src->inputs().size(); ++i) pair(src->inputs()[i], dst->inputs()[i]);
  auto d = dst->nodes().begin();
  for (const Node* s : src->nodes()) {
    const Node* c = *d;
    ++d;
    for (size_t i = 0; i < s->outputs().size(); ++i) pair(s->outputs()[i], c->outputs()[i]);
    for (size_t i = 0; i < s->blocks().size(); ++i) mirrorValues(g, s->blocks()[i], c->blocks()[i], map, setUnique);
  }
}

}  // namespace

GraphPtr Graph::copy(ValueMap* valueMap) const {
  auto g = std::make_shared<Graph>();
  g->block_->cloneFrom(block_, [](Value* v) -> Value* {
    EMBER_FAIL("Graph::copy: %{} is used but not defined in the graph", v->debugName());
  });
  mirrorValues(g.get(), block_, g->block_, valueMap, [](Graph* graph, Value* v, size_t u) { graph->setUnique(v, u); });
  g->nextUnique_ = std::max(g->nextUnique_, nextUnique_);
  g->nameBaseSuffix_ = nameBaseSuffix_;
  return g;
}

}  // namespace ember::ir
