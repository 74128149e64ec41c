// Internals of the compiler shared by its files: the module context (every
// function, class and import of the file), sugared values, the environment of
// one function, and the FunctionEmitter that turns one def into a graph.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ember/compiler/compiler.h"
#include "ember/compiler/schema_matching.h"

namespace ember::compiler {

namespace ast = frontend;
using ir::Value;

// ---- the module: what names at the top level of the file mean

struct FunctionInfo {
  const ast::FunctionDef* def = nullptr;
  std::string name;  // "f" or "Foo.method"
  ClassTypePtr owner;
  std::optional<ops::FunctionSchema> schema;  // complete once compiled
  bool compiling = false;
  bool compiled = false;
  size_t index = 0;  // into CompiledModule::functions
};

struct ClassInfo {
  const ast::ClassDef* def = nullptr;
  ClassTypePtr type;         // user classes
  TypePtr namedTuple;        // NamedTuple classes
  std::vector<std::optional<IValue>> namedTupleDefaults;
  std::map<std::string, FunctionInfo*> methods;
  // `class Color(Enum)`: the enum type, or why the class is no TorchScript
  // enum. PyTorch checks an enum where it is first used, so an unused bad
  // enum compiles; the error is reported at the first use (enum_class.cpp).
  bool isEnum = false;
  TypePtr enumType;
  std::string enumError;
  SourceRange enumErrorAt;
  bool enumErrorReported = false;
};

// Whether a class base names enum.Enum.
bool isEnumBase(const ast::Expr& base);
// Fills ci.enumType (or ci.enumError) from the body of `class Name(Enum)`.
void declareEnum(ClassInfo& ci, const std::string& qualified);
// ci's enum type; reports ci.enumError at `use` (once) and returns nullptr if it has one.
TypePtr useEnum(ClassInfo& ci, const SourceRange& use, DiagnosticEngine& diag);

class ModuleContext {
 public:
  ModuleContext(DiagnosticEngine& diag) : diag(diag) {}
  DiagnosticEngine& diag;
  CompiledModule out;
  std::map<std::string, std::unique_ptr<FunctionInfo>> functions;  // by name
  std::map<std::string, std::unique_ptr<ClassInfo>> classes;        // by short name
  // alias -> module path ("F" -> "torch.nn.functional", "List" -> "typing.List")
  std::map<std::string, std::string> aliases;
  // Set when compiling an archive's code/ (archive_compiler.cpp): classes and
  // functions are keyed by qualified name ("__torch__.a.b.Cls").
  const ArchiveScope* archive = nullptr;
  // Operators called but not registered (reported together at load time).
  std::set<std::string> unknownOps;
  std::set<std::string> unknownClasses;  // archives: classes code/ names but does not define

  // Compiles fn if it is not yet (recursion is reported); returns its schema.
  const ops::FunctionSchema* ensureCompiled(FunctionInfo& fn, const SourceRange& useSite);
  ClassInfo* findClass(const std::string& name) const;
};

// Parses a type annotation; reports and returns nullptr when it is not one.
TypePtr parseType(const ast::Expr& e, ModuleContext& ctx, bool report = true);

// ---- sugared values: what an expression denotes before it is a Value

struct Sugared;
using SV = std::shared_ptr<Sugared>;

struct Sugared {
  enum class Kind {
    Simple,        // value
    Module,        // name = "torch", "math", "torch.nn.functional", "typing"
    Builtin,       // name = Python builtin ("len", "range", ...)
    Op,            // name = "aten::relu": call resolves by schema
    Method,        // self = value, name = method on a tensor/list/str/dict/object
    Function,      // fn = user function
    Class,         // cls = user class or NamedTuple (constructor)
    Exception,     // name = "ValueError"
    TypeName,      // type = int/float/... used as a value (isinstance, annotate)
  };
  Kind kind = Kind::Simple;
  Value* value = nullptr;
  std::string name;
  FunctionInfo* fn = nullptr;
  ClassInfo* cls = nullptr;
  TypePtr type;
};

// ---- the environment: one frame per block

struct Frame {
  Frame* parent = nullptr;
  std::unordered_map<std::string, Value*> vars;
  std::vector<std::string> assigned;  // names assigned here, first assignment order
  std::unordered_set<std::string> assignedSet;
  // Why a name is not available here ("x is not defined in the false branch").
  std::unordered_map<std::string, std::string> undefined;
  std::unordered_map<std::string, SourceRange> undefinedAt;   // the if statement that left it undefined
  std::unordered_map<std::string, SourceRange> assignedAt;    // last assignment of each name
  bool isLoopBody = false;
};

// Type refinements a condition implies: name -> type when it is true / false.
struct Refinements {
  std::map<std::string, TypePtr> whenTrue, whenFalse;
};

struct CondValue {
  Value* value = nullptr;
  Refinements refs;
  std::optional<bool> constant;  // statically known (`x is None` on a non-Optional)
};

// What a statement may do to the control flow after it.
struct ExitInfo {
  bool always = false;   // never falls through (return/raise/break/continue)
  bool setsFlag = false;  // may have set the return/break/continue flag
  bool noValues = false;  // the variables it leaves behind are never read (return, raise)
};

struct IterPlan {
  Value* trip = nullptr;
  std::function<std::vector<Value*>(Value* index)> get;
  std::vector<Value*> unrolled;  // tuples: the elements, no loop
  bool isTuple = false;
};

struct LoopContext {
  std::string breakFlag;     // empty when the loop has no break
  std::string continueFlag;  // empty when the loop has no continue
};

class FunctionEmitter {
 public:
  FunctionEmitter(ModuleContext& ctx, FunctionInfo& fn);
  // Fills the graph and fn.schema.
  std::shared_ptr<ir::Graph> emit();

  // ---- shared helpers (emitter.cpp)
  ModuleContext& ctx;
  FunctionInfo& fn;
  std::shared_ptr<ir::Graph> graphPtr;
  ir::Graph& graph;
  DiagnosticEngine& diag() { return ctx.diag; }
  ir::SourceLoc loc(const SourceRange& r) const;
  void error(const SourceRange& r, std::string msg, std::optional<std::string> hint = {});

  Value* poison();
  bool isPoison(const Value* v) const { return poisoned_.count(v) != 0; }
  Value* constant(const IValue& v, const SourceRange& r = {});
  Value* insertNode(ir::Symbol kind, std::vector<Value*> inputs, TypePtr type, const SourceRange& r);
  // Calls the first overload of `name` ("aten::add") whose schema matches.
  // Reports the mismatch (all candidates) and returns poison on failure.
  Value* callOp(const std::string& name, std::vector<NamedValue> args, const SourceRange& r,
                const std::vector<NamedValue>& kwargs = {});
  // Same, but returns nullptr without reporting when nothing matches.
  Value* tryCallOp(const std::string& name, std::vector<NamedValue> args, const SourceRange& r,
                   const std::vector<NamedValue>& kwargs = {}, std::string* why = nullptr);
  Value* callExact(const std::string& qualifiedName, std::vector<Value*> inputs, TypePtr type,
                   const SourceRange& r);
  Value* toBool(Value* v, const SourceRange& r);
  Value* notValue(Value* v, const SourceRange& r);
  Value* castTo(Value* v, const TypePtr& type, const SourceRange& r);  // prim::unchecked_cast

  // ---- environment (environment.cpp)
  Frame* frame = nullptr;
  Value* lookup(const std::string& name, const SourceRange& r, bool report = true);
  Value* lookupNoError(const std::string& name) const;
  void assign(const std::string& name, Value* v, const SourceRange& r);
  void refine(const std::string& name, const TypePtr& type, const SourceRange& r);
  void applyRefinements(const std::map<std::string, TypePtr>& refs, const SourceRange& r);
  // Runs body inside the block with a fresh child frame; returns the frame.
  std::unique_ptr<Frame> pushFrame(bool loopBody = false);
  void popFrame(std::unique_ptr<Frame>& f);
  // Makes the If outputs for names assigned in either branch.
  void mergeIf(ir::Node* ifNode, Frame& thenF, Frame& elseF, const ExitInfo& te, const ExitInfo& ee,
               const SourceRange& r);
  // Makes the loop-carried values for names the body assigned.
  void mergeLoop(ir::Node* loop, Frame& body, const SourceRange& r);

  // ---- statements (emit_stmt.cpp)
  ExitInfo emitStatements(const ast::StmtList& stmts, size_t from = 0);
  ExitInfo emitStatement(const ast::Stmt& s);
  ExitInfo emitIf(const ast::If& s);
  ExitInfo emitIfWith(CondValue cond, const std::function<ExitInfo()>& thenFn,
                      const std::function<ExitInfo()>& elseFn, const SourceRange& r);
  ExitInfo emitWhile(const ast::While& s);
  ExitInfo emitFor(const ast::For& s);
  ExitInfo emitReturn(const ast::Return& s);
  ExitInfo emitRaise(const ast::Raise& s);
  ExitInfo emitAssert(const ast::Assert& s);
  ExitInfo emitWith(const ast::With& s);
  bool isGradModeCall(const ast::Expr& e);
  void emitAssign(const ast::Assign& s);
  void emitAnnAssign(const ast::AnnAssign& s);
  void emitAugAssign(const ast::AugAssign& s);
  Value* emitAugBinOp(ast::BinOpKind op, Value* cur, Value* rhs, const SourceRange& r);
  void assignTarget(const ast::Expr& target, Value* v, const SourceRange& r);
  void emitRaiseValue(Value* msg, const std::string& cls, const SourceRange& r);
  // Loop(trip, cond) whose body gets the iteration index; the body returns
  // the continue condition (nullptr = true).
  void emitLoop(Value* tripCount, Value* initialCond, const std::function<void(Value* index)>& body,
                const std::function<Value*()>& nextCond, const SourceRange& r);
  Value* flagValue(const std::string& flag, const SourceRange& r);
  Value* anyFlagSet(const SourceRange& r);

  std::vector<LoopContext> loops;
  bool usesReturnFlag = false;
  TypePtr declaredReturn;
  std::vector<TypePtr> returnTypes;
  Value* directReturn = nullptr;
  int flagCounter = 0;

  // ---- expressions (emit_expr.cpp)
  Value* emitExpr(const ast::Expr& e, const TypePtr& typeHint = nullptr);
  SV emitSugared(const ast::Expr& e, const TypePtr& typeHint = nullptr);
  Value* asValue(const SV& sv, const SourceRange& r);
  SV emitAttribute(const ast::Attribute& e);
  Value* emitBinOp(ast::BinOpKind op, Value* l, Value* r, const SourceRange& range, bool inPlace = false);
  Value* emitCompare(const ast::Compare& e);
  Value* emitCompareOp(ast::CmpOpKind op, Value* l, Value* r, const SourceRange& range);
  Value* emitSubscript(const ast::Subscript& e);
  // With writeView, the tensor the assignment writes into; indices given as
  // tensors come back in *putIndices (the write is then index_put_).
  Value* emitTensorIndex(Value* t, const ast::Expr& index, const SourceRange& r, Value** writeView = nullptr,
                         Value** putIndices = nullptr);
  // view[indices] = v, or view.copy_/fill_(v) without indices.
  void emitTensorWrite(Value* view, Value* indices, Value* v, const SourceRange& r);
  Value* emitListLiteral(const ast::List& e, const TypePtr& hint);
  Value* emitDictLiteral(const ast::Dict& e, const TypePtr& hint);
  Value* emitListComp(const ast::Expr& elt, const std::vector<ast::Comprehension>& generators, const SourceRange& r,
                      const TypePtr& hint);
  Value* emitDictComp(const ast::DictComp& e, const TypePtr& hint);
  Value* emitFString(const ast::FString& e);
  Value* emitIfExp(const ast::IfExp& e, const TypePtr& hint);
  Value* emitBoolOp(const ast::BoolOp& e);
  CondValue emitCondition(const ast::Expr& e);
  // Iterates `iter` calling body(elementValue(s)); handles range, lists,
  // strings, dicts, tensors, tuples (unrolled), enumerate and zip.
  std::optional<IterPlan> planIter(const ast::Expr& iter);

  // ---- calls (builtins.cpp)
  SV emitCall(const ast::Call& e, const TypePtr& typeHint);
  Value* callSugared(const SV& callee, std::vector<NamedValue> args, std::vector<NamedValue> kwargs,
                     const ast::Call& e, const TypePtr& typeHint);
  Value* callBuiltin(const std::string& name, std::vector<NamedValue> args, std::vector<NamedValue> kwargs,
                     const ast::Call& e, const TypePtr& typeHint);
  Value* callUserFunction(FunctionInfo& f, Value* self, std::vector<NamedValue> args,
                          std::vector<NamedValue> kwargs, const SourceRange& r);
  Value* constructClass(ClassInfo& c, std::vector<NamedValue> args, std::vector<NamedValue> kwargs,
                        const SourceRange& r);
  Value* callMethod(Value* self, const std::string& name, std::vector<NamedValue> args,
                    std::vector<NamedValue> kwargs, const SourceRange& r);
  Value* emitToList(Value* self, const TypePtr& hint, const SourceRange& r);
  SV moduleAttribute(const std::string& module, const std::string& attr, const SourceRange& r);
  Value* isInstance(Value* v, const ast::Expr& types, const SourceRange& r, Refinements* refs,
                    const std::string& refName);

  // Class being compiled (methods): attributes are added by assignments in __init__.
  bool inInit = false;

  // ---- archives (archive_names.cpp): names in code/ as PyTorch serializes it;
  // nullptr / false when a name is not one of them.
  SV archiveName(const std::string& id, const SourceRange& r);
  SV archiveModuleAttribute(const std::string& module, const std::string& attr, const SourceRange& r);
  Value* callArchiveBuiltin(const std::string& name, std::vector<NamedValue> args, const ast::Call& e);
  bool bindSugaredAlias(const ast::Assign& s);
  std::optional<IValue> archiveConstant(const ast::Expr& e) const;  // CONSTANTS.cN as a default value
  std::optional<IValue> enumDefault(const ast::Expr& e);  // Color.RED as a default value
  std::unordered_map<std::string, SV> sugaredLocals;  // `_0 = __torch__.f`

 private:
  std::unordered_set<const Value*> poisoned_;
  mutable std::shared_ptr<const std::string> fileName_;
  void emitParameters();
};

// Whether stmts contain (outside nested defs/loops, per flag) a return / break / continue.
bool containsReturn(const ast::StmtList& stmts);
bool stmtContainsReturn(const ast::Stmt& s);
bool containsLoopExit(const ast::StmtList& stmts, ast::NodeKind kind);

}  // namespace ember::compiler
