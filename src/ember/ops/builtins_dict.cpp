// Dicts: the same set of ops for each key type TorchScript allows (str, int,
// bool, float, Tensor; Tensor keys compare by identity). Dicts keep
// insertion order and are shared by reference, as in Python.
#include "ember/ops/builtins_util.h"

namespace ember::ops {

using namespace builtins;

namespace {

DictObj& dictArg(const IValue& v) { return v.toDict(); }

DictPtr copyDict(const DictObj& d) {
  DictPtr out = makeDict(d.keyType, d.valueType);
  for (const auto& [k, v] : d.entries()) out->set(k, v);
  return out;
}

[[noreturn]] void keyError(const IValue& key) { EMBER_FAIL("KeyError: {}", valueString(key)); }

// d.pop(key[, default]): the value, removed; KeyError without a default.
void dictPop(Stack& s, bool hasDefault) {
  IValue fallback = hasDefault ? pop(s) : IValue();
  const IValue key = pop(s);
  const IValue self = pop(s);
  DictObj& d = dictArg(self);
  const IValue* found = d.find(key);
  if (!found) {
    if (!hasDefault) keyError(key);
    return push(s, std::move(fallback));
  }
  IValue value = *found;
  d.erase(key);
  push(s, std::move(value));
}

void registerFor(Registry& r, std::string_view k) {
  r.defBoxed(fmt::format("aten::len.Dict_{0}(Dict({0}, t) self) -> int", k),
             [](Stack& s) { s.back() = IValue(static_cast<int64_t>(dictArg(s.back()).size())); });
  r.defBoxed(fmt::format("aten::keys.{0}(Dict({0}, t) self) -> {0}[](*)", k), [](Stack& s) {
    const DictObj& d = dictArg(s.back());
    ListPtr keys = makeList(d.keyType);
    keys->elements.reserve(d.size());
    for (const auto& e : d.entries()) keys->elements.push_back(e.first);
    s.back() = IValue(std::move(keys));
  });
  r.defBoxed(fmt::format("aten::values.{0}(Dict({0}, t) self) -> t[](*)", k), [](Stack& s) {
    const DictObj& d = dictArg(s.back());
    ListPtr values = makeList(d.valueType);
    values->elements.reserve(d.size());
    for (const auto& e : d.entries()) values->elements.push_back(e.second);
    s.back() = IValue(std::move(values));
  });
  r.defBoxed(fmt::format("aten::__getitem__.Dict_{0}(Dict({0}, t) self, {0} key) -> t(*)", k), [](Stack& s) {
    const IValue key = pop(s);
    const IValue* v = dictArg(s.back()).find(key);
    if (!v) keyError(key);
    s.back() = *v;
  });
  r.defBoxed(fmt::format("aten::get.{0}(Dict({0}, t) self, {0} key) -> t(*)?", k), [](Stack& s) {
    const IValue key = pop(s);
    const IValue* v = dictArg(s.back()).find(key);
    s.back() = v ? *v : IValue();
  });
  r.defBoxed(fmt::format("aten::get.default_{0}(Dict({0}, t) self, {0} key, t default_value) -> t(*)", k),
             [](Stack& s) {
               IValue fallback = pop(s);
               const IValue key = pop(s);
               const IValue* v = dictArg(s.back()).find(key);
               s.back() = v ? *v : std::move(fallback);
             });
  r.defBoxed(
      fmt::format("aten::setdefault.{0}(Dict({0}, t)(a!) self, {0}(b -> *) key, t(c -> *) default_value) -> t(*)", k),
      [](Stack& s) {
        IValue fallback = pop(s);
        const IValue key = pop(s);
        DictObj& d = dictArg(s.back());
        if (const IValue* v = d.find(key)) {
          s.back() = *v;
          return;
        }
        d.set(key, fallback);
        s.back() = std::move(fallback);
      });
  r.defBoxed(fmt::format("aten::Delete.Dict_{0}(Dict({0}, t)(a!) self, {0} key) -> ()", k), [](Stack& s) {
    dictPop(s, false);
    s.pop_back();
  });
  r.defBoxed(fmt::format("aten::pop.Dict_{0}(Dict({0}, t)(a!) self, {0} key) -> t(*)", k),
             [](Stack& s) { dictPop(s, false); });
  r.defBoxed(fmt::format("aten::pop.Dict_default_{0}(Dict({0}, t)(a!) self, {0} key, t default_value) -> t(*)", k),
             [](Stack& s) { dictPop(s, true); });
  r.defBoxed(fmt::format("aten::popitem.{0}(Dict({0}, t)(a!) self) -> (({0}, t))", k), [](Stack& s) {
    DictObj& d = dictArg(s.back());
    EMBER_CHECK(d.size() != 0, "popitem(): dictionary is empty");
    // The first inserted item, as PyTorch's ordered dict gives it.
    const auto [key, value] = d.entries().front();
    d.erase(key);
    s.back() = IValue(makeTuple({key, value}));
  });
  r.defBoxed(fmt::format("aten::clear.{0}(Dict({0}, t)(a!) self) -> ()", k), [](Stack& s) { dictArg(pop(s)).clear(); });
  r.defBoxed(fmt::format("aten::update.{0}(Dict({0}, t)(a!) self, Dict({0}, t)(a!) to_add) -> ()", k), [](Stack& s) {
    const IValue add = pop(s);
    const IValue self = pop(s);
    DictObj& d = dictArg(self);
    const auto entries = dictArg(add).entries();  // a copy: d.update(d) is fine
    for (const auto& [key, value] : entries) d.set(key, value);
  });
  r.defBoxed(fmt::format("aten::items.{0}(Dict({0}, t) self) -> (({0}, t)[])", k), [](Stack& s) {
    const DictObj& d = dictArg(s.back());
    ListPtr items = makeList(types::tuple({d.keyType, d.valueType}));
    items->elements.reserve(d.size());
    for (const auto& [key, value] : d.entries()) items->elements.emplace_back(makeTuple({key, value}));
    s.back() = IValue(std::move(items));
  });
  auto copy = [](Stack& s) { s.back() = IValue(copyDict(dictArg(s.back()))); };
  r.defBoxed(fmt::format("aten::copy.Dict_{0}(Dict({0}, t)(a) self) -> Dict({0}, t)", k), copy);
  r.defBoxed(fmt::format("aten::__contains__.{0}(Dict({0}, t) dict, {0} key) -> bool", k), [](Stack& s) {
    const IValue key = pop(s);
    s.back() = IValue(dictArg(s.back()).contains(key));
  });
  r.defBoxed(fmt::format("aten::_set_item.{0}(Dict({0}, t)(a!) l, {0}(b -> *) idx, t(c -> *) v) -> ()", k),
             [](Stack& s) {
               IValue value = pop(s);
               const IValue key = pop(s);
               dictArg(pop(s)).set(key, std::move(value));
             });
  // dict(list of pairs): later pairs overwrite earlier ones.
  r.defBoxed(fmt::format("aten::dict.{0}(({0}, tVal)[] inputs) -> Dict({0}, tVal)", k), [](Stack& s) {
    const ListObj& l = s.back().toList();
    TypePtr keyType = types::any(), valueType = types::any();
    const TypePtr& et = l.elementType;
    if (et && et->kind() == TypeKind::Tuple && et->contained().size() == 2) {
      keyType = et->contained()[0];
      valueType = et->contained()[1];
    } else if (!l.elements.empty()) {  // an untyped list: the first pair's types
      const auto& first = l.elements[0].toTuple().elements;
      keyType = first.at(0).type();
      valueType = first.at(1).type();
    }
    DictPtr d = makeDict(keyType, valueType);
    for (const auto& pair : l.elements) {
      const auto& kv = pair.toTuple().elements;
      d->set(kv.at(0), kv.at(1));
    }
    s.back() = IValue(std::move(d));
  });
  r.defBoxed(fmt::format("aten::dict.Dict_{0}(Dict({0}, t)(a) self) -> Dict({0}, t)", k), copy);
}

}  // namespace

void registerDictOps(Registry& r) {
  for (const char* key : {"str", "int", "bool", "float", "Tensor"}) registerFor(r, key);
  r.defBoxed("aten::dict() -> Dict(str, Tensor)",
             [](Stack& s) { push(s, IValue(makeDict(types::str(), types::tensor()))); });
}

}  // namespace ember::ops
