"""Prints Python's own ast of a file in ember's AST dump format (ast.cpp's
printer), so tests can compare ember's parser with CPython's on real code.

usage: py_ast_sexpr.py FILE.py...   (prints one dump per file, separated by a line '\\f')
"""
import ast
import sys

BINOPS = {ast.Add: '+', ast.Sub: '-', ast.Mult: '*', ast.MatMult: '@', ast.Div: '/', ast.FloorDiv: '//',
          ast.Mod: '%', ast.Pow: '**', ast.LShift: '<<', ast.RShift: '>>', ast.BitOr: '|', ast.BitXor: '^',
          ast.BitAnd: '&'}
UNOPS = {ast.UAdd: '+', ast.USub: '-', ast.Invert: '~', ast.Not: 'not'}
CMPOPS = {ast.Eq: '==', ast.NotEq: '!=', ast.Lt: '<', ast.LtE: '<=', ast.Gt: '>', ast.GtE: '>=', ast.Is: 'is',
          ast.IsNot: 'is not', ast.In: 'in', ast.NotIn: 'not in'}


def quote(s):
    out = ['"']
    for c in s:
        if c == '"':
            out.append('\\"')
        elif c == '\\':
            out.append('\\\\')
        elif c == '\n':
            out.append('\\n')
        elif c == '\t':
            out.append('\\t')
        elif c == '\r':
            out.append('\\r')
        elif ord(c) < 0x20 or ord(c) == 0x7f:
            out.append('\\x%02x' % ord(c))
        elif 0xd800 <= ord(c) <= 0xdfff:
            out.append('\ufffd')
        else:
            out.append(c)
    return ''.join(out) + '"'


def e(n):
    if n is None:
        return '_'
    t = type(n)
    if t is ast.Name:
        return n.id
    if t is ast.Constant:
        v = n.value
        if v is None:
            return 'None'
        if v is True:
            return 'True'
        if v is False:
            return 'False'
        if v is Ellipsis:
            return '...'
        if isinstance(v, int):
            return str(v)
        if isinstance(v, float):
            return repr(v)
        if isinstance(v, str):
            return quote(v)
        if isinstance(v, bytes):  # ember reports these, then reads them as str
            return quote(v.decode('utf-8', 'replace'))
        return '(?const)'
    if t is ast.JoinedStr:
        return '(fstring' + ''.join(' ' + e(p) for p in n.values) + ')'
    if t is ast.FormattedValue:
        s = '(fvalue ' + e(n.value)
        if n.conversion != -1:
            s += ' !' + chr(n.conversion)
        if n.format_spec is not None:
            s += ' :spec ' + e(n.format_spec)
        return s + ')'
    if t is ast.Attribute:
        return '(. %s %s)' % (e(n.value), n.attr)
    if t is ast.Subscript:
        return '(subscript %s %s)' % (e(n.value), e(n.slice))
    if t is ast.Slice:
        return '(slice %s %s %s)' % (e(n.lower), e(n.upper), e(n.step))
    if t is ast.Call:
        s = '(call ' + e(n.func) + ''.join(' ' + e(a) for a in n.args)
        for k in n.keywords:
            s += ' (** %s)' % e(k.value) if k.arg is None else ' (kw %s %s)' % (k.arg, e(k.value))
        return s + ')'
    if t is ast.Starred:
        return '(* %s)' % e(n.value)
    if t in (ast.Tuple, ast.List, ast.Set):
        name = {ast.Tuple: 'tuple', ast.List: 'list', ast.Set: 'set'}[t]
        return '(' + name + ''.join(' ' + e(x) for x in n.elts) + ')'
    if t is ast.Dict:
        s = '(dict'
        for k, v in zip(n.keys, n.values):
            s += ' (** %s)' % e(v) if k is None else ' (%s %s)' % (e(k), e(v))
        return s + ')'
    if t in (ast.ListComp, ast.SetComp, ast.GeneratorExp):
        name = {ast.ListComp: 'listcomp', ast.SetComp: 'setcomp', ast.GeneratorExp: 'genexp'}[t]
        return '(%s %s%s)' % (name, e(n.elt), gens(n.generators))
    if t is ast.DictComp:
        return '(dictcomp %s %s%s)' % (e(n.key), e(n.value), gens(n.generators))
    if t is ast.IfExp:
        return '(ifexp %s %s %s)' % (e(n.test), e(n.body), e(n.orelse))
    if t is ast.Lambda:
        return '(lambda %s %s)' % (params(n.args), e(n.body))
    if t is ast.Compare:
        s = '(compare ' + e(n.left)
        for op, c in zip(n.ops, n.comparators):
            s += ' %s %s' % (CMPOPS[type(op)], e(c))
        return s + ')'
    if t is ast.BoolOp:
        return '(' + ('and' if isinstance(n.op, ast.And) else 'or') + ''.join(' ' + e(v) for v in n.values) + ')'
    if t is ast.BinOp:
        return '(%s %s %s)' % (BINOPS[type(n.op)], e(n.left), e(n.right))
    if t is ast.UnaryOp:
        return '(%s %s)' % (UNOPS[type(n.op)], e(n.operand))
    if t is ast.NamedExpr:
        return '(:= %s %s)' % (e(n.target), e(n.value))
    if t is ast.Yield:
        return '(yield' + ('' if n.value is None else ' ' + e(n.value)) + ')'
    if t is ast.YieldFrom:
        return '(yield-from %s)' % e(n.value)
    if t is ast.Await:
        return '(await %s)' % e(n.value)
    return '(?%s)' % t.__name__


def gens(gs):
    s = ''
    for g in gs:
        s += ' (%s %s %s' % ('async-for' if g.is_async else 'for', e(g.target), e(g.iter))
        s += ''.join(' (if %s)' % e(c) for c in g.ifs) + ')'
    return s


def param(a, head, default=None):
    s = ' (%s %s' % (head, a.arg)
    if a.annotation is not None:
        s += ' :type ' + e(a.annotation)
    if default is not None:
        s += ' :default ' + e(default)
    return s + ')'


def params(a):
    s = '(params'
    positional = a.posonlyargs + a.args
    defaults = [None] * (len(positional) - len(a.defaults)) + a.defaults
    for i, (p, d) in enumerate(zip(positional, defaults)):
        s += param(p, 'param', d)
        if a.posonlyargs and i + 1 == len(a.posonlyargs):
            s += ' /'
    if a.vararg is not None:
        s += param(a.vararg, '*param')
    elif a.kwonlyargs:
        s += ' *'
    for p, d in zip(a.kwonlyargs, a.kw_defaults):
        s += param(p, 'param', d)
    if a.kwarg is not None:
        s += param(a.kwarg, '**param')
    return s + ')'


def docstring(body):
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
        return body[0].value.value, body[1:]
    return None, body


def block(body, indent):
    return ''.join('\n' + s(x, indent) for x in body)


def else_block(head, body, indent):
    if not body:
        return ''
    return '\n' + ' ' * indent + '(' + head + block(body, indent + 2) + ')'


def type_comment_func(tc):
    if tc is None or tc.strip().startswith('ignore'):
        return ''
    ft = ast.parse(tc, mode='func_type')
    return ' :type-comment ((%s) -> %s)' % (' '.join(e(x) for x in ft.argtypes), e(ft.returns))


def s(n, indent):
    pad = ' ' * indent
    t = type(n)
    if t in (ast.FunctionDef, ast.AsyncFunctionDef):
        doc, body = docstring(n.body)
        out = pad + ('(async-def ' if t is ast.AsyncFunctionDef else '(def ') + n.name + ' ' + params(n.args)
        if n.returns is not None:
            out += ' :returns ' + e(n.returns)
        if n.decorator_list:
            out += ' :decorators (' + ' '.join(e(d) for d in n.decorator_list) + ')'
        out += type_comment_func(n.type_comment)
        if doc is not None:
            out += ' :doc ' + quote(doc)
        return out + block(body, indent + 2) + ')'
    if t is ast.ClassDef:
        doc, body = docstring(n.body)
        out = pad + '(class ' + n.name
        if n.bases or n.keywords:
            out += ' :bases (' + ' '.join(e(b) for b in n.bases)
            for k in n.keywords:
                out += ' (** %s)' % e(k.value) if k.arg is None else ' (kw %s %s)' % (k.arg, e(k.value))
            out += ')'
        if n.decorator_list:
            out += ' :decorators (' + ' '.join(e(d) for d in n.decorator_list) + ')'
        if doc is not None:
            out += ' :doc ' + quote(doc)
        return out + block(body, indent + 2) + ')'
    if t in (ast.If, ast.While):
        head = 'if' if t is ast.If else 'while'
        return pad + '(%s %s' % (head, e(n.test)) + block(n.body, indent + 2) + else_block('else', n.orelse, indent + 2) + ')'
    if t in (ast.For, ast.AsyncFor):
        head = 'async-for' if t is ast.AsyncFor else 'for'
        return (pad + '(%s %s %s' % (head, e(n.target), e(n.iter)) + block(n.body, indent + 2) +
                else_block('else', n.orelse, indent + 2) + ')')
    if t is ast.Break:
        return pad + '(break)'
    if t is ast.Continue:
        return pad + '(continue)'
    if t is ast.Pass:
        return pad + '(pass)'
    if t is ast.Return:
        return pad + '(return' + ('' if n.value is None else ' ' + e(n.value)) + ')'
    if t is ast.Raise:
        out = pad + '(raise'
        if n.exc is not None:
            out += ' ' + e(n.exc)
        if n.cause is not None:
            out += ' :from ' + e(n.cause)
        return out + ')'
    if t is ast.Assert:
        return pad + '(assert ' + e(n.test) + ('' if n.msg is None else ' ' + e(n.msg)) + ')'
    if t is ast.Delete:
        return pad + '(del' + ''.join(' ' + e(x) for x in n.targets) + ')'
    if t in (ast.With, ast.AsyncWith):
        out = pad + ('(async-with' if t is ast.AsyncWith else '(with')
        for it in n.items:
            out += ' (item ' + e(it.context_expr) + ('' if it.optional_vars is None else ' :as ' + e(it.optional_vars)) + ')'
        return out + block(n.body, indent + 2) + ')'
    if t is ast.Try:
        out = pad + '(try' + block(n.body, indent + 2)
        for h in n.handlers:
            out += '\n' + ' ' * (indent + 2) + '(except'
            if h.type is not None:
                out += ' ' + e(h.type)
            if h.name:
                out += ' :as ' + h.name
            out += block(h.body, indent + 4) + ')'
        return out + else_block('else', n.orelse, indent + 2) + else_block('finally', n.finalbody, indent + 2) + ')'
    if t is ast.Assign:
        out = pad + '(=' + ''.join(' ' + e(x) for x in n.targets) + ' ' + e(n.value)
        if n.type_comment and not n.type_comment.strip().startswith('ignore'):
            out += ' :type-comment (%s)' % e(ast.parse(n.type_comment, mode='eval').body)
        return out + ')'
    if t is ast.AugAssign:
        return pad + '(%s= %s %s)' % (BINOPS[type(n.op)], e(n.target), e(n.value))
    if t is ast.AnnAssign:
        return pad + '(ann %s %s%s)' % (e(n.target), e(n.annotation), '' if n.value is None else ' ' + e(n.value))
    if t is ast.Expr:
        return pad + '(expr %s)' % e(n.value)
    if t is ast.Import:
        return pad + '(import' + ''.join(' ' + a.name if not a.asname else ' (as %s %s)' % (a.name, a.asname) for a in n.names) + ')'
    if t is ast.ImportFrom:
        return (pad + '(from ' + '.' * (n.level or 0) + (n.module or '') +
                ''.join(' ' + a.name if not a.asname else ' (as %s %s)' % (a.name, a.asname) for a in n.names) + ')')
    if t in (ast.Global, ast.Nonlocal):
        return pad + '(' + ('global' if t is ast.Global else 'nonlocal') + ''.join(' ' + x for x in n.names) + ')'
    return pad + '(?%s)' % t.__name__


def module(src):
    tree = ast.parse(src, type_comments=True)
    doc, body = docstring(tree.body)
    out = '(module'
    if doc is not None:
        out += ' :doc ' + quote(doc)
    return out + block(body, 2) + ')'


if __name__ == '__main__':
    first = True
    for path in sys.argv[1:]:
        if not first:
            sys.stdout.write('\f\n')
        first = False
        with open(path, 'rb') as f:
            sys.stdout.write(module(f.read()) + '\n')
