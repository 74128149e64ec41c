// Lists: indexing, slicing, mutation, search, sorting, reductions, min/max,
// equality. Generic ops (t[]) work on any element type; the typed
// overloads (int[], float[], bool[], str[], Tensor[]) compare elements.
//
// Lists are shared by reference: the mutating ops (append, insert, pop,
// sort, ...) change the list object the caller holds. New lists keep the
// element type of the list they came from.
#include <algorithm>

#include "ember/ops/builtins_util.h"

namespace ember::ops {

using namespace builtins;

namespace {

using Elems = std::vector<IValue>;

ListObj& listArg(const IValue& v) { return v.toList(); }

ListPtr sameTypeList(const ListObj& like, Elems elems = {}) { return makeList(like.elementType, std::move(elems)); }

// The position of a Python index, or "list index out of range".
size_t checkedIndex(const ListObj& l, int64_t idx) {
  const int64_t n = normalizeIndex(idx, static_cast<int64_t>(l.size()));
  EMBER_CHECK_KIND(Index, n >= 0 && n < static_cast<int64_t>(l.size()), "list index out of range");
  return static_cast<size_t>(n);
}

// ---- element comparisons for the typed overloads

enum class ElemKind { Int, Float, Bool, Str, Tensor };

bool elemEquals(ElemKind k, const IValue& a, const IValue& b) {
  switch (k) {
    case ElemKind::Int: return a.toInt() == b.toInt();
    case ElemKind::Float: return a.toDouble() == b.toDouble();
    case ElemKind::Bool: return a.toBool() == b.toBool();
    case ElemKind::Str: return a.toStringRef() == b.toStringRef();
    case ElemKind::Tensor: return tensorEquals(a.toTensor(), b.toTensor());
  }
  return false;
}

bool elemLess(ElemKind k, const IValue& a, const IValue& b) {
  switch (k) {
    case ElemKind::Int: return a.toInt() < b.toInt();
    case ElemKind::Float: return a.toDouble() < b.toDouble();
    case ElemKind::Bool: return !a.toBool() && b.toBool();
    case ElemKind::Str: return a.toStringRef() < b.toStringRef();
    case ElemKind::Tensor: return tensorLess(a.toTensor(), b.toTensor());
  }
  return false;
}

// How PyTorch's c10::str prints the element in "'x' is not in list".
std::string elemText(ElemKind k, const IValue& v) {
  switch (k) {
    case ElemKind::Int: return std::to_string(v.toInt());
    case ElemKind::Float: return streamDouble(v.toDouble());
    case ElemKind::Bool: return v.toBool() ? "1" : "0";
    case ElemKind::Str: return v.toStringRef();
    case ElemKind::Tensor: return valueString(v);
  }
  return {};
}

struct TypedName {
  const char* name;  // "int", as it appears in schemas
  ElemKind kind;
};
constexpr TypedName kTyped[] = {{"int", ElemKind::Int},
                                {"float", ElemKind::Float},
                                {"bool", ElemKind::Bool},
                                {"Tensor", ElemKind::Tensor},
                                {"str", ElemKind::Str}};

// std::sort with PyTorch's comparator: equal elements are never "less", and
// reverse flips the order.
void sortElems(Elems& e, ElemKind k, bool reverse) {
  if (k == ElemKind::Tensor) {
    std::sort(e.begin(), e.end(), [reverse](const IValue& a, const IValue& b) {
      if (a.toTensor().isSame(b.toTensor())) return false;
      return tensorLess(a.toTensor(), b.toTensor()) != reverse;
    });
    return;
  }
  std::sort(e.begin(), e.end(), [k, reverse](const IValue& a, const IValue& b) {
    if (elemEquals(k, a, b)) return false;
    return elemLess(k, a, b) != reverse;
  });
}

// ---- sort.any / sorted.any: c10's getLessThanComparator, which also
// orders tuples element by element.
using Less = std::function<bool(const IValue&, const IValue&)>;

Less lessThanFor(const IValue& v) {
  if (v.isTensor()) return [](const IValue& a, const IValue& b) { return tensorLess(a.toTensor(), b.toTensor()); };
  if (v.isDouble()) return [](const IValue& a, const IValue& b) { return a.toDouble() < b.toDouble(); };
  if (v.isInt()) return [](const IValue& a, const IValue& b) { return a.toInt() < b.toInt(); };
  if (v.isBool()) return [](const IValue& a, const IValue& b) { return !a.toBool() && b.toBool(); };
  if (v.isString()) return [](const IValue& a, const IValue& b) { return a.toStringRef() < b.toStringRef(); };
  if (v.isTuple()) {
    std::vector<Less> parts;
    for (const auto& e : v.toTuple().elements) parts.push_back(lessThanFor(e));
    return [parts](const IValue& a, const IValue& b) {
      const auto& x = a.toTuple().elements;
      const auto& y = b.toTuple().elements;
      for (size_t i = 0; i < parts.size(); ++i) {
        if (parts[i](x[i], y[i])) return true;
        if (!x[i].equals(y[i])) return false;
      }
      return false;
    };
  }
  EMBER_FAIL("IValues of type: {} are not comparable", v.tagName());
}

void sortAny(Elems& e, bool reverse) {
  if (e.empty()) return;
  const IValue& first = e[0];
  const bool sortable = first.isTensor() || first.isNumber() || first.isString() || first.isTuple();
  EMBER_CHECK(sortable,
              "Only list of Tensors, ints, floats, bools, strs, a User Defined Class that defines the __lt__ compare "
              "method or Tuples of aforementioned types can be sorted, got list of {}\n",
              first.type()->str());
  Less lt = lessThanFor(first);
  if (reverse) {
    std::sort(e.begin(), e.end(), [&lt](const IValue& a, const IValue& b) { return lt(b, a); });
    return;
  }
  std::sort(e.begin(), e.end(), lt);
}

// ---------------------------------------------------------------- generic ops

void registerGeneric(Registry& r) {
  auto select = [](Stack& s) {
    const int64_t idx = pop(s).toInt();
    IValue e = listArg(s.back()).elements[checkedIndex(listArg(s.back()), idx)];
    s.back() = std::move(e);
  };
  r.defBoxed("aten::select.t(t[](a) list, int idx) -> t(*)", select);
  r.defBoxed("aten::__getitem__.t(t[](a) list, int idx) -> t(*)", select);
  r.defBoxed("aten::append.t(t[](a!) self, t(c -> *) el) -> t[](a!)", [](Stack& s) {
    IValue el = pop(s);
    listArg(s.back()).elements.push_back(std::move(el));
  });
  r.defBoxed("aten::reverse.t(t[](a!) self) -> ()", [](Stack& s) {
    auto& e = listArg(pop(s)).elements;
    std::reverse(e.begin(), e.end());
  });
  r.defBoxed("aten::extend.t(t[](a!) self, t[] other) -> ()", [](Stack& s) {
    const IValue other = pop(s);
    const IValue self = pop(s);
    auto& a = listArg(self).elements;
    const Elems b = listArg(other).elements;  // a copy: l.extend(l) doubles l
    a.insert(a.end(), b.begin(), b.end());
  });
  r.defBoxed("aten::copy.t(t[](a) self) -> t[]", [](Stack& s) {
    const ListObj& l = listArg(s.back());
    s.back() = IValue(sameTypeList(l, l.elements));
  });
  r.defBoxed("aten::_set_item.t(t[](a!) l, int idx, t(b -> *) el) -> t[](a!)", [](Stack& s) {
    IValue el = pop(s);
    const int64_t idx = pop(s).toInt();
    ListObj& l = listArg(s.back());
    l.elements[checkedIndex(l, idx)] = std::move(el);
  });
  r.defBoxed("aten::clear.t(t[](a!) self) -> ()", [](Stack& s) { listArg(pop(s)).elements.clear(); });

  // pop() and del share PyTorch's listPopImpl, with different messages for
  // an empty list.
  auto popAt = [](Stack& s, const char* emptyMessage) {
    const int64_t idx = pop(s).toInt();
    const IValue self = pop(s);
    ListObj& l = listArg(self);
    EMBER_CHECK(l.size() != 0, "{}", emptyMessage);
    const size_t at = checkedIndex(l, idx);
    IValue e = std::move(l.elements[at]);
    l.elements.erase(l.elements.begin() + static_cast<ptrdiff_t>(at));
    return e;
  };
  r.defBoxed("aten::Delete.t(t[](a!) self, int idx) -> ()", [popAt](Stack& s) { popAt(s, "pop index out of range"); });
  r.defBoxed("aten::insert.t(t[](a!) self, int idx, t(b -> *) el) -> ()", [](Stack& s) {
    IValue el = pop(s);
    const int64_t idx = pop(s).toInt();
    const IValue self = pop(s);
    auto& e = listArg(self).elements;
    const int64_t n = normalizeIndex(idx, static_cast<int64_t>(e.size()));
    const int64_t at = std::clamp<int64_t>(n, 0, static_cast<int64_t>(e.size()));
    e.insert(e.begin() + at, std::move(el));
  });
  r.defBoxed("aten::pop.t(t[](a!) self, int idx=-1) -> t(*)",
             [popAt](Stack& s) { push(s, popAt(s, "pop from empty list")); });
  r.defBoxed("aten::add.t(t[] a, t[] b) -> t[]", [](Stack& s) {
    const IValue b = pop(s);
    const ListObj& a = listArg(s.back());
    Elems e = a.elements;
    const auto& be = listArg(b).elements;
    e.insert(e.end(), be.begin(), be.end());
    s.back() = IValue(sameTypeList(a, std::move(e)));
  });
  r.defBoxed("aten::add_.t(t[](a!) self, t[] b) -> t[]", [](Stack& s) {
    const IValue b = pop(s);
    auto& a = listArg(s.back()).elements;
    const Elems be = listArg(b).elements;
    a.insert(a.end(), be.begin(), be.end());
  });
  r.defBoxed("aten::slice.t(t[] l, int? start=None, int? end=None, int step=1) -> t[]", [](Stack& s) {
    const int64_t step = pop(s).toInt();
    int64_t end = sliceBound(pop(s));
    int64_t start = sliceBound(pop(s));
    const ListObj& l = listArg(s.back());
    const int64_t n = sliceIndicesAdjust(static_cast<int64_t>(l.size()), &start, &end, step);
    Elems e;
    e.reserve(static_cast<size_t>(n));
    for (int64_t i = 0, j = start; i < n; ++i, j += step) e.push_back(l.elements[static_cast<size_t>(j)]);
    s.back() = IValue(sameTypeList(l, std::move(e)));
  });
  r.defBoxed("aten::list.t(t[] l) -> t[]", [](Stack& s) {
    const ListObj& l = listArg(s.back());
    s.back() = IValue(sameTypeList(l, l.elements));
  });

  // l * n. A negative n fails in std::vector::reserve in PyTorch.
  auto repeat = [](const ListObj& l, int64_t n) {
    EMBER_CHECK(n >= 0 || l.size() == 0, "vector::reserve");
    Elems e;
    if (n > 0) e.reserve(l.size() * static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) e.insert(e.end(), l.elements.begin(), l.elements.end());
    return sameTypeList(l, std::move(e));
  };
  r.defBoxed("aten::mul.left_t(t[] l, int n) -> t[]", [repeat](Stack& s) {
    const int64_t n = pop(s).toInt();
    s.back() = IValue(repeat(listArg(s.back()), n));
  });
  r.defBoxed("aten::mul.right_(int n, t[] l) -> t[]", [repeat](Stack& s) {
    const IValue l = pop(s);
    s.back() = IValue(repeat(listArg(l), s.back().toInt()));
  });
  r.defBoxed("aten::mul_.t(t[](a!) l, int n) -> t[](a!)", [](Stack& s) {
    const int64_t n = pop(s).toInt();
    auto& e = listArg(s.back()).elements;
    if (n <= 0) {
      e.clear();
      return;
    }
    const size_t size = e.size();
    e.reserve(size * static_cast<size_t>(n));
    for (int64_t i = 1; i < n; ++i)
      for (size_t j = 0; j < size; ++j) e.push_back(e[j]);
  });
  auto len = [](Stack& s) {
    const IValue& v = s.back();
    s.back() = IValue(static_cast<int64_t>(v.isTuple() ? v.toTuple().size() : v.toList().size()));
  };
  r.defBoxed("aten::len.t(t[] a) -> int", len);
  // Any[] so that heterogeneous tuples have a len() too.
  r.defBoxed("aten::len.any(Any[] a) -> int", len);

  r.defBoxed("aten::sorted.any(t[](a) self) -> t[]", [](Stack& s) {
    const ListObj& l = listArg(s.back());
    Elems e = l.elements;
    sortAny(e, false);
    s.back() = IValue(sameTypeList(l, std::move(e)));
  });
  r.defBoxed("aten::sort.any(t[](a!) self, bool reverse=False) -> ()", [](Stack& s) {
    const bool reverse = pop(s).toBool();
    sortAny(listArg(pop(s)).elements, reverse);
  });
}

// ---------------------------------------------------------------- typed ops

void registerTyped(Registry& r) {
  for (const auto& [name, kind] : kTyped) {
    const ElemKind k = kind;
    r.defBoxed(fmt::format("aten::remove.{0}({0}[](a!) self, {0} el) -> ()", name), [k](Stack& s) {
      const IValue el = pop(s);
      const IValue self = pop(s);
      auto& e = listArg(self).elements;
      auto it = std::find_if(e.begin(), e.end(), [&](const IValue& x) { return elemEquals(k, el, x); });
      EMBER_CHECK(it != e.end(), "list.remove(x): x not in list");
      e.erase(it);
    });
    r.defBoxed(fmt::format("aten::index.list_{0}({0}[] self, {0} el) -> int", name), [k](Stack& s) {
      const IValue el = pop(s);
      const auto& e = listArg(s.back()).elements;
      auto it = std::find_if(e.begin(), e.end(), [&](const IValue& x) { return elemEquals(k, el, x); });
      EMBER_CHECK(it != e.end(), "'{}' is not in list", elemText(k, el));
      s.back() = IValue(static_cast<int64_t>(it - e.begin()));
    });
    r.defBoxed(fmt::format("aten::count.{0}({0}[] self, {0} el) -> int", name), [k](Stack& s) {
      const IValue el = pop(s);
      const auto& e = listArg(s.back()).elements;
      s.back() = IValue(static_cast<int64_t>(
          std::count_if(e.begin(), e.end(), [&](const IValue& x) { return elemEquals(k, el, x); })));
    });
  }

  for (const auto& [name, kind] : kTyped) {
    if (kind == ElemKind::Bool || kind == ElemKind::Tensor) continue;  // no schema for these
    const ElemKind k = kind;
    r.defBoxed(fmt::format("aten::__contains__.{0}_list({0}[] l, {0} item) -> bool", name), [k](Stack& s) {
      const IValue item = pop(s);
      const auto& e = listArg(s.back()).elements;
      s.back() = IValue(std::any_of(e.begin(), e.end(), [&](const IValue& x) { return elemEquals(k, x, item); }));
    });
  }

  for (const auto& [name, kind] : kTyped) {
    const ElemKind k = kind;
    r.defBoxed(fmt::format("aten::sort.{0}({0}[](a!) self, bool reverse=False) -> ()", name), [k](Stack& s) {
      const bool reverse = pop(s).toBool();
      sortElems(listArg(pop(s)).elements, k, reverse);
    });
  }
  for (const auto& [name, kind] : kTyped) {
    const ElemKind k = kind;
    r.defBoxed(fmt::format("aten::sorted.{0}({0}[](a) input) -> {0}[]", name), [k](Stack& s) {
      const ListObj& l = listArg(s.back());
      Elems e = l.elements;
      if (k == ElemKind::Tensor) {
        std::sort(e.begin(), e.end(),
                  [](const IValue& a, const IValue& b) { return tensorLess(a.toTensor(), b.toTensor()); });
      } else {
        sortElems(e, k, false);
      }
      s.back() = IValue(sameTypeList(l, std::move(e)));
    });
  }

  for (const auto& [name, kind] : kTyped) {
    const ElemKind k = kind;
    auto equal = [k](const Elems& a, const Elems& b) {
      if (a.size() != b.size()) return false;
      for (size_t i = 0; i < a.size(); ++i)
        if (!elemEquals(k, a[i], b[i])) return false;
      return true;
    };
    for (bool ne : {false, true}) {
      r.defBoxed(fmt::format("aten::{1}.{0}_list({0}[] a, {0}[] b) -> bool", name, ne ? "ne" : "eq"),
                 [equal, ne](Stack& s) {
                   const IValue b = pop(s);
                   s.back() = IValue(equal(listArg(s.back()).elements, listArg(b).elements) != ne);
                 });
    }
  }
}

// ---------------------------------------------------------------- reductions, min/max

void registerReductions(Registry& r) {
  // PyTorch accumulates sum.int in a C++ int (`auto sum = 0`), so it wraps
  // at 32 bits; kept for identical results.
  r.defBoxed("aten::sum.int(int[] self) -> int", [](Stack& s) {
    int32_t sum = 0;
    for (const auto& e : listArg(s.back()).elements) sum = static_cast<int32_t>(sum + e.toInt());
    s.back() = IValue(static_cast<int64_t>(sum));
  });
  r.defBoxed("aten::sum.float(float[] self) -> float", [](Stack& s) {
    double sum = 0;
    for (const auto& e : listArg(s.back()).elements) sum += e.toDouble();
    s.back() = IValue(sum);
  });
  r.defBoxed("aten::sum.bool(bool[] self) -> int", [](Stack& s) {
    int64_t sum = 0;
    for (const auto& e : listArg(s.back()).elements) sum += e.toBool();
    s.back() = IValue(sum);
  });

  auto truth = [](const IValue& v) {
    if (v.isString()) return !v.toStringRef().empty();
    if (v.isDouble()) return v.toDouble() != 0;
    return v.toInt() != 0;  // int and bool
  };
  for (const char* name : {"str", "int", "float", "bool"}) {
    r.defBoxed(fmt::format("aten::any.{0}({0}[] self) -> bool", name), [truth](Stack& s) {
      const auto& e = listArg(s.back()).elements;
      s.back() = IValue(std::any_of(e.begin(), e.end(), truth));
    });
  }
  for (const char* name : {"int", "float", "bool"}) {
    r.defBoxed(fmt::format("aten::all.{0}({0}[] self) -> bool", name), [truth](Stack& s) {
      const auto& e = listArg(s.back()).elements;
      s.back() = IValue(std::all_of(e.begin(), e.end(), truth));
    });
  }

  // min(l, r) and max(l, r) of two lists compare lexicographically;
  // min(l) and max(l) scan one list.
  for (const auto& [name, kind] : kTyped) {
    if (kind == ElemKind::Tensor || kind == ElemKind::Str) continue;
    const ElemKind k = kind;
    for (bool isMax : {false, true}) {
      const char* op = isMax ? "prim::max" : "prim::min";
      r.defBoxed(fmt::format("{1}.{0}_list({0}[] l, {0}[] r) -> {0}[]", name, op), [k, isMax](Stack& s) {
        // PyTorch's minList/maxList, with its operand order (which decides
        // ties and NaNs): `first` is r, `second` is l.
        IValue first = pop(s);
        IValue second = pop(s);
        const auto& x = listArg(first).elements;
        const auto& y = listArg(second).elements;
        const size_t n = std::min(x.size(), y.size());
        for (size_t i = 0; i < n; ++i) {
          if (elemEquals(k, x[i], y[i])) continue;
          const bool takeFirst = isMax ? elemLess(k, y[i], x[i]) : elemLess(k, x[i], y[i]);
          return push(s, takeFirst ? first : second);
        }
        // Equal up to the shorter length: min is the shorter, max the longer.
        const bool takeSecond = isMax ? y.size() > x.size() : y.size() < x.size();
        push(s, takeSecond ? second : first);
      });
      r.defBoxed(fmt::format("{1}.self_{0}({0}[] self) -> {0}", name, op), [k, isMax](Stack& s) {
        const auto& e = listArg(s.back()).elements;
        EMBER_CHECK(!e.empty(), "{}() arg is an empty sequence", isMax ? "max" : "min");
        IValue best = e[0];
        for (size_t i = 1; i < e.size(); ++i) {
          const bool better = isMax ? elemLess(k, best, e[i]) : elemLess(k, e[i], best);
          if (better) best = e[i];
        }
        s.back() = std::move(best);
      });
    }
  }
}

}  // namespace

void registerListOps(Registry& r) {
  registerGeneric(r);
  registerTyped(r);
  registerReductions(r);
}

}  // namespace ember::ops
