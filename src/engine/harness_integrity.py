# A tripwire for candidates that reach the harness itself. Python has no wall inside one interpreter: a
# frame's f_globals, a function's __globals__ or a method of sys.stdout lead to this namespace. The next
# candidate is safe regardless (the runtime writes the whole interpreter back from its image first), but the
# tamperer's own results cannot be trusted: after each call the harness's bindings, classes and functions are
# compared (by identity) with what they were when sealed, and on any change the call's results are voided.
# Best effort, and said so in SECURITY.md: a candidate that rewrites its own results or reads the expected
# outputs without changing any of this is not caught. Exec'd last, into the harness namespace.
import types

_FUNCTION = types.FunctionType


class Tripwire:
    # Attributes that change by design while candidates run.
    LIVE = {'_guard': ('active', 'blocked'), '_test_reset': ()}
    # Entries Python adds to a class on its own (copy.copy, annotation access): not a change of behaviour.
    CLASS_CACHES = frozenset(('__slotnames__', '__annotations__', '__annotate__', '__annotations_cache__'))

    def __init__(self, ns, classes):
        self.ns, self.class_list, self.armed = ns, classes, False

    def arm(self):
        """Record the installed state: at the first call, once the runtime has set its own names."""
        if self.armed:
            return
        ns, classes = self.ns, self.class_list
        self.items = tuple(ns.items())
        self.builtins = tuple(ns['__builtins__'].items())
        self.classes = tuple((c, tuple(vars(c).items())) for c in classes)
        functions = [v for v in ns.values() if type(v) is _FUNCTION]
        for c in classes:
            functions.extend(v for v in vars(c).values() if type(v) is _FUNCTION)
        self.functions = tuple((f, f.__code__, f.__defaults__, f.__kwdefaults__, f.__closure__) for f in functions)
        self.objects = tuple((name, ns[name], self._state(ns[name], skip)) for name, skip in self.LIVE.items())
        self.armed = True

    def _only_caches_added(self, now, items):
        before = {k for k, _ in items}
        return all(k in before or k in self.CLASS_CACHES for k in now)

    @staticmethod
    def _state(obj, skip):
        return tuple((k, v) for k, v in vars(obj).items() if k not in skip)

    def check(self):
        """None when everything is as installed, else what changed."""
        ns = self.ns
        if len(ns) != len(self.items):
            return 'the harness namespace gained or lost names'
        for k, v in self.items:
            if ns.get(k, self) is not v:
                return 'harness name %r was rebound' % k
        own = ns['__builtins__']
        if len(own) != len(self.builtins) or any(own.get(k, self) is not v for k, v in self.builtins):
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


_tripwire = Tripwire(globals(), (CappedWriter, OutputLimit, Guard, TestReset, Clock, DefinedOnce, Tripwire))
