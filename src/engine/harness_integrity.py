# A tripwire for candidates that reach the harness itself. Python has no wall inside one interpreter: a
# frame's f_globals, a function's __globals__ or a method of sys.stdout lead to the harness's modules. The next
# candidate is safe regardless (the runtime writes the whole interpreter back from its image first), but the
# tamperer's own results cannot be trusted: after each call every harness module's bindings, classes and
# functions are compared (by identity) with what they were when sealed, and on any change the call's results
# are voided. Best effort, and said so in SECURITY.md: a candidate that rewrites its own results or reads the
# expected outputs without changing any of this is not caught. Imports nothing of the harness; armed by
# harness.py's seal() with every module preload.py's install_harness loaded.
import types

_FUNCTION = types.FunctionType


class Tripwire:
    # Objects (by the name a module binds them to) whose attributes change by design while candidates run.
    LIVE = {'_guard': ('active', 'blocked'), '_test_reset': ()}
    # Entries Python adds to a class on its own (copy.copy, annotation access): not a change of behaviour.
    CLASS_CACHES = frozenset(('__slotnames__', '__annotations__', '__annotate__', '__annotations_cache__'))

    def __init__(self):
        self.armed = False

    def arm(self, modules):
        """Record the installed state of `modules` (all of the harness), once, last before the first image."""
        if self.armed:
            return
        namespaces = tuple(vars(m) for m in modules)
        self.namespaces = tuple((ns, tuple(ns.items())) for ns in namespaces)
        own = _unique(ns['__builtins__'] for ns in namespaces)
        self.builtins = tuple((b, tuple(b.items())) for b in own)
        # Classes defined in a harness module (each module also binds what it imports from the others).
        classes = _unique(v for ns in namespaces for v in ns.values()
                          if isinstance(v, type) and v.__module__ == ns['__name__'])
        self.classes = tuple((c, tuple(vars(c).items())) for c in classes)
        functions = [v for ns in namespaces for v in ns.values() if type(v) is _FUNCTION]
        for c in classes:
            functions.extend(v for v in vars(c).values() if type(v) is _FUNCTION)
        self.functions = tuple((f, f.__code__, f.__defaults__, f.__kwdefaults__, f.__closure__)
                               for f in _unique(functions))
        self.objects = tuple((name, obj, self._state(obj, skip)) for name, skip in self.LIVE.items()
                             for obj in _unique(ns[name] for ns in namespaces if name in ns))
        self.armed = True

    def _only_caches_added(self, now, items):
        before = {k for k, _ in items}
        return all(k in before or k in self.CLASS_CACHES for k in now)

    @staticmethod
    def _state(obj, skip):
        return tuple((k, v) for k, v in vars(obj).items() if k not in skip)

    def check(self):
        """None when everything is as installed, else what changed."""
        if not self.armed:
            return 'the tripwire was never armed'
        for ns, items in self.namespaces:
            if len(ns) != len(items):
                return 'harness module %s gained or lost names' % ns.get('__name__')
            for k, v in items:
                if ns.get(k, self) is not v:
                    return 'harness name %r was rebound' % k
        for own, items in self.builtins:
            if len(own) != len(items) or any(own.get(k, self) is not v for k, v in items):
                return "the harness's builtins were changed"
        for c, items in self.classes:
            now = vars(c)
            if (any(now.get(k, self) is not v for k, v in items)
                    or (len(now) != len(items) and not self._only_caches_added(now, items))):
                return 'harness class %s was changed' % c.__name__
        for f, code, defaults, kwdefaults, closure in self.functions:
            if (f.__code__ is not code or f.__defaults__ is not defaults or f.__kwdefaults__ is not kwdefaults
                    or f.__closure__ is not closure):
                return 'harness function %s was changed' % f.__name__
        for name, obj, state in self.objects:
            now = self._state(obj, self.LIVE[name])
            if len(now) != len(state) or any(a is not b or v is not w for (a, v), (b, w) in zip(now, state)):
                return 'harness object %s was changed' % name
        return None


def _unique(objects):
    """The objects in order, each once (by identity)."""
    seen, out = set(), []
    for o in objects:
        if id(o) not in seen:
            seen.add(id(o))
            out.append(o)
    return out


tripwire = Tripwire()
