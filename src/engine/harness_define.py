# Defining a candidate once for all its input/output tests, where that cannot change a result.
# The paper's harness exec'd the whole program for every test. For a program whose top level only defines
# functions, imports and binds immutable constants, that exec rebuilds the same namespace every time, so the
# engine defines it once and checks, before each later test, that no test changed it (a rebound global, a
# function's defaults or attributes). A changed namespace is rebuilt; a program with any other top-level
# code is exec'd per test as before. Imports nothing of the harness.
import ast
import builtins
import hashlib
import operator
import sys
import types
from time import perf_counter as _perf

_FunctionType = types.FunctionType
_is_not = operator.is_not


def _dict_differs(d, keys, values):
    """Not the same keys bound to the same objects (by identity: a candidate's __eq__ cannot lie here)."""
    return (len(d) != len(keys) or any(map(_is_not, d.keys(), keys))
            or any(map(_is_not, d.values(), values)))
_IMMUTABLE_CONSTANTS = (int, float, complex, str, bytes, bool, type(None), type(...))


def _immutable_expr(node):
    """An expression whose value is an immutable constant: literals, tuples/arithmetic of them."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, _IMMUTABLE_CONSTANTS) or (
            isinstance(node.value, (tuple, frozenset)) and all(isinstance(v, _IMMUTABLE_CONSTANTS) for v in node.value))
    if isinstance(node, ast.Tuple):
        return all(_immutable_expr(e) for e in node.elts)
    if isinstance(node, ast.UnaryOp):
        return _immutable_expr(node.operand)
    if isinstance(node, ast.BinOp):
        # Bounded: '*' / '**' on constants could build something huge; the paper would build it every test too.
        return _immutable_expr(node.left) and _immutable_expr(node.right)
    return False


def _definition_only_function(node):
    a = node.args
    return (not node.decorator_list
            and all(_immutable_expr(d) for d in a.defaults)
            and all(d is None or _immutable_expr(d) for d in a.kw_defaults))


def _is_main_guard(node):
    # `if __name__ == '__main__':` never runs here: the paper's globals have no __name__ (builtins' is used).
    t = node.test
    return (not node.orelse and isinstance(t, ast.Compare) and isinstance(t.left, ast.Name) and t.left.id == '__name__'
            and len(t.ops) == 1 and isinstance(t.ops[0], ast.Eq) and len(t.comparators) == 1
            and isinstance(t.comparators[0], ast.Constant) and t.comparators[0].value == '__main__')


def _binds(node, name):
    """Does this top-level statement bind `name`?"""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return node.name == name
    if isinstance(node, ast.Assign):
        return any(t.id == name for t in node.targets)
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return any((a.asname or a.name.split('.')[0]) == name for a in node.names)
    return False


def define_once(code, source):
    """A DefinedOnce for `code` when its program (`source`) is definition-only, else None."""
    try:
        tree = ast.parse(source)
    except BaseException:
        return None
    return DefinedOnce(code, _imports(tree)) if _definition_only(tree) else None


def _definition_only(tree):
    """True when the top level only defines functions, imports, binds immutable constants."""
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            ok = _definition_only_function(node)
        elif isinstance(node, ast.Import):
            ok = True
        elif isinstance(node, ast.ImportFrom):
            ok = node.level == 0 and all(a.name != '*' for a in node.names)
        elif isinstance(node, ast.Assign):
            ok = all(isinstance(t, ast.Name) for t in node.targets) and _immutable_expr(node.value)
        elif isinstance(node, ast.Expr):
            ok = isinstance(node.value, ast.Constant)  # docstrings and stray literals
        elif isinstance(node, ast.If):
            ok = _is_main_guard(node)
        elif isinstance(node, ast.Pass):
            ok = True
        else:
            ok = False
        if not ok or _binds(node, '__name__'):  # a bound __name__ could make the __main__ block run
            return False
    return True


def _imports(tree):
    """(name bound, module, attribute or None) per import: re-checked before each test, since the paper's exec
    per test re-ran them (a test may have changed a module attribute or sys.modules)."""
    bound = []
    for node in tree.body:
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.asname:
                    bound.append((a.asname, a.name, None))
                else:
                    top = a.name.split('.')[0]
                    bound.append((top, top, None))
        elif isinstance(node, ast.ImportFrom):
            bound.extend((a.asname or a.name, node.module, a.name) for a in node.names)
    return tuple(bound)


_ABSENT = object()
DEFINE_ONCE_MAX_MS = 1.0  # a definition slower than this is paid by every test, as in the paper


class DefinedOnce:
    """The namespace of a definition-only program, built at most once per test that needs it.

    globals_for_test() is called at the start of every test, inside the test's own limits; it checks what
    the previous test could have changed and rebuilds on any change, so each test sees a fresh definition.
    """

    def __init__(self, code, imports):
        self.code = code
        self.imports = imports
        self.g = None
        self.used = False
        self.keep = True

    def globals_for_test(self, out, err):
        g = self.g
        if g is not None and self.used and not self._unchanged():
            g = self.g = None
        if g is None:
            g = {'__builtins__': builtins}
            printed, warned = out.total, err.total
            t = _perf()
            exec(self.code, g)
            if out.total != printed or err.total != warned or (_perf() - t) * 1000.0 > DEFINE_ONCE_MAX_MS:
                self.keep = False  # it printed, or it is slow: the paper paid that every test, so do we
            if not self.keep:
                return g
            self._keep(g)
        self.used = True
        return g

    def _keep(self, g):
        self.keys, self.values = tuple(g.keys()), tuple(g.values())
        self.functions = [(f, f.__code__, f.__defaults__, tuple((f.__kwdefaults__ or {}).items()))
                          for f in self.values if type(f) is _FunctionType]
        self.g = g
        self.used = False

    def _unchanged(self):
        g = self.g
        if _dict_differs(g, self.keys, self.values):
            return False
        for f, code, defaults, kwdefaults in self.functions:
            if f.__code__ is not code or f.__defaults__ is not defaults or f.__dict__:
                return False
            now = f.__kwdefaults__ or {}
            if len(now) != len(kwdefaults) or any(now.get(k, _ABSENT) is not v for k, v in kwdefaults):
                return False
        modules = sys.modules
        for name, module, attr in self.imports:
            found = modules.get(module, _ABSENT)
            if attr is not None:
                found = getattr(found, attr, _ABSENT)
            if found is not g.get(name):
                return False
        return True


def program_key(source):
    """A digest of the program's syntax tree without positions: equal for programs that differ only in
    formatting and comments (so they run the same), None when it does not parse (each such program runs on
    its own). Parsing runs nothing of the program."""
    try:
        tree = ast.parse(source)
        return hashlib.sha256(ast.dump(tree).encode('utf-8', 'surrogatepass')).hexdigest()
    except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
        return None
