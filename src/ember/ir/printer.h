// Pieces of PyTorch's graph.str() format that other code needs on their own.
// Graph::print, Node::print, Block::print and Value::print (printer.cpp) use
// them. The printer never throws and never crashes on malformed IR: missing
// pieces print as <null ...>.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "ember/ir/node.h"

namespace ember::ir {

// A type as graph dumps spell it (c10::Type::str()): int[], Tensor?,
// (int, float), Dict(str, Tensor), Union(int, str), NamedTuple(x : int),
// Future[int]. ScalarType, Layout and MemoryFormat print as int, as they do in
// PyTorch's graphs.
void printIRType(std::ostream& os, const Type* t);
std::string irTypeStr(const TypePtr& t);

// A string literal as c10::printQuotedString writes it: double quotes,
// C escapes, octal for other control bytes. Bytes >= 0x80 are copied as they
// are (PyTorch prints garbage for them; ember keeps UTF-8 readable).
void printQuotedString(std::ostream& os, std::string_view s);

// A float as IValue's repr: integral values below 1e10 as "2.", "-0.",
// others with 17 significant digits ("0.10000000000000001", "1e+20", "inf").
void printIRDouble(std::ostream& os, double d);

// An attribute value as printed inside node[...].
void printAttributeValue(std::ostream& os, const AttributeValue& v);

}  // namespace ember::ir
