# Static checks of the engine's Python files, run in Pyodide by harness-modules.test.ts (Python's own symtable
# and ast, nothing to install): every name a file uses is bound in it (defined, assigned or imported) or a
# builtin, and a harness module imports of the harness only modules loaded before it, by name, at its top level.
import ast
import builtins
import symtable

# What a module has without binding it: ModuleType's attributes and what install_harness adds.
MODULE_ATTRIBUTES = frozenset(('__name__', '__doc__', '__package__', '__loader__', '__spec__', '__builtins__',
                               '__warningregistry__'))


def _is_module(table):
    return str(table.get_type()) in ('module', 'SymbolTableType.MODULE')


def _walk(table):
    yield table
    for child in table.get_children():
        yield from _walk(child)


def undefined_names(source, filename):
    """Names used but bound nowhere in the file and not builtins, as 'name (scope)'."""
    top = symtable.symtable(source, filename, 'exec')
    bound = {s.get_name() for s in top.get_symbols() if s.is_assigned() or s.is_imported()}
    for table in _walk(top):  # `global x` then `x = ...` in a function binds a module name too
        bound.update(s.get_name() for s in table.get_symbols() if s.is_declared_global() and s.is_assigned())
    known = bound | MODULE_ATTRIBUTES | set(dir(builtins))
    missing = []
    for table in _walk(top):
        for s in table.get_symbols():
            if not s.is_referenced() or s.get_name() in known:
                continue
            if _is_module(table) or s.is_global():
                missing.append('%s (%s)' % (s.get_name(), table.get_name()))
    return sorted(set(missing))


def harness_import_problems(source, filename, before, later):
    """Imports of harness modules that are not of one loaded before, by name, at the top level."""
    tree = ast.parse(source, filename)
    top_level = set(map(id, tree.body))
    harness = set(before) | set(later)
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name.split('.')[0] for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                problems.append('line %d: a relative import' % node.lineno)
                continue
            names = [node.module.split('.')[0]]
            if any(a.name == '*' for a in node.names):
                problems.append('line %d: import * from %s' % (node.lineno, node.module))
        else:
            continue
        for name in names:
            if name not in harness:
                continue
            if name not in before:
                problems.append('line %d: imports %s, which loads after it' % (node.lineno, name))
            elif id(node) not in top_level:
                problems.append('line %d: imports %s below the top level' % (node.lineno, name))
    return problems


def check(files, harness_names):
    """{file: [problem]} for files [(file name, source)]; harness_names: the harness modules in load order."""
    report = {}
    for filename, source in files:
        module = filename[:-3]
        problems = ['undefined name ' + n for n in undefined_names(source, filename)]
        if module in harness_names:
            at = harness_names.index(module)
            problems += harness_import_problems(source, filename, harness_names[:at], harness_names[at:])
        report[filename] = problems
    return report
