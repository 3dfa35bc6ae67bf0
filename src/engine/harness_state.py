# Capped std streams, the Python-level guard, the reset between two tests of a candidate and the sealing of
# the interpreter before its image is taken. First of the harness modules (preload.py's install_harness):
# imports nothing of the harness.
import builtins
import gc
import io
import os
import sys

# Characters kept per test of what a candidate prints (the rest is counted); a canonical solution may print more
# (its output is kept as ground truth), and stderr is only looked at for being written to.
STDOUT_CAP = 1 << 20
CANONICAL_STDOUT_CAP = 1 << 25
STDERR_CAP = 1 << 16
# The authors' harness set this; larger numbers raise ValueError there too.
INT_MAX_STR_DIGITS = 5_000_000
# The only writable directory, fresh for every candidate (scratch-fs.ts).
SCRATCH_DIR = '/tmp'
# Modules that reach JavaScript (or install packages): hidden from candidates.
HIDDEN_PREFIXES = ('js.', 'pyodide', '_pyodide', 'micropip', 'ctypes', '_ctypes')
# Audited operations a candidate never needs: native calls, heap walks (to find JS proxies), processes, sockets.
BLOCKED_EVENTS = frozenset((
    'ctypes.dlopen', 'ctypes.dlsym', 'ctypes.dlsym/handle', 'ctypes.call_function', 'ctypes.cdata',
    'ctypes.cdata/buffer', 'ctypes.addressof', 'ctypes.string_at', 'ctypes.wstring_at',
    'gc.get_objects', 'gc.get_referrers', 'gc.get_referents',
    'socket.connect', 'socket.bind', 'socket.getaddrinfo', 'socket.sendto', 'socket.sendmsg', 'socket.__new__',
    'os.system', 'os.exec', 'os.posix_spawn', 'os.spawn', 'os.fork', 'os.forkpty', 'os.kill', 'os.killpg',
    'subprocess.Popen', 'urllib.Request', 'http.client.connect', 'webbrowser.open',
))


def _exit_without_killing_the_interpreter(status=0):
    # os._exit would end the Pyodide instance for good; the paper's harness ran in a disposable process.
    raise SystemExit(status)


def is_hidden_module(name):
    return name == 'js' or name.startswith(HIDDEN_PREFIXES)


class OutputLimit(BaseException):
    """Raised by a strict CappedWriter past its cap: the printed text can no longer match, stop the work."""


class CappedWriter(io.TextIOBase):
    """A text stream that keeps the first `cap` characters and counts everything (strict: raises past the cap).

    One pair serves a whole batch of tests: reset() empties it before each test.
    """

    def __init__(self, cap, strict=False):
        self.reset(cap, strict)

    def reset(self, cap, strict=False):
        self.cap = cap
        self.strict = strict
        self.parts = []
        self.kept = 0
        self.total = 0

    def strict_cap(self, cap):
        """From now on, past `cap` characters the text cannot match: raise OutputLimit to stop the work."""
        self.cap = cap
        self.strict = True

    def writable(self):
        return True

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError('write() argument must be str, not ' + type(s).__name__)
        n = len(s)
        total = self.total + n
        self.total = total
        if total <= self.cap:  # everything so far fits (the common case): kept == total
            self.parts.append(s)
            self.kept = total
            return n
        room = self.cap - self.kept
        if room > 0:
            self.parts.append(s[:room])
            self.kept += room
        if self.strict:
            raise OutputLimit('printed more than %d characters' % self.cap)
        return n

    def getvalue(self):
        return ''.join(self.parts)

    def equals(self, text):
        """getvalue() == text, without joining the parts (a printed value can be megabytes)."""
        if self.total != self.kept or self.total != len(text):
            return False
        at, startswith = 0, text.startswith
        for part in self.parts:
            if not startswith(part, at):
                return False
            at += len(part)
        return True

    @property
    def overflow(self):
        return self.total > self.kept


_WRITER_KEYS = frozenset(('cap', 'strict', 'parts', 'kept', 'total'))


def usable_streams(streams, out_cap):
    """The batch's writers, or new ones if a test changed them (its own attributes, or their class)."""
    if streams is not None:
        out, err = streams
        if (type(out) is CappedWriter and type(err) is CappedWriter and out.__dict__.keys() == _WRITER_KEYS
                and err.__dict__.keys() == _WRITER_KEYS):
            return streams
    return CappedWriter(out_cap), CappedWriter(STDERR_CAP)


class Guard:
    """Audit hook: always refuses new audit hooks; while active, refuses hidden imports and BLOCKED_EVENTS."""

    def __init__(self):
        self.active = False
        self.blocked = 0

    def __call__(self, event, args):
        if event == 'sys.addaudithook':
            # Raising RuntimeError here is the documented way to stop a hook from being added.
            raise RuntimeError('audit hooks are disabled in the sandbox')
        if not self.active:
            return
        if event == 'import':
            if is_hidden_module(args[0]):
                self.blocked += 1
                raise ImportError('module ' + repr(args[0]) + ' is not available in the sandbox')
        elif event in BLOCKED_EVENTS:
            self.blocked += 1
            raise PermissionError(event + ' is not allowed in the sandbox')


class TestReset:
    """Between two tests of one candidate: undo what a test can change that the next test would feel.

    Between candidates nothing is undone here: the runtime writes the whole interpreter back from its image
    (interpreter-image.ts), so no state of one candidate reaches the next.
    """

    def __init__(self):
        self.builtins = dict(builtins.__dict__)
        self.builtins_keys = tuple(self.builtins.keys())
        self.builtins_values = tuple(self.builtins.values())
        self.recursion = sys.getrecursionlimit()

    def reset_test(self):
        if sys.gettrace() is not None:
            sys.settrace(None)
        if sys.getprofile() is not None:
            sys.setprofile(None)
        if sys.getrecursionlimit() != self.recursion:
            sys.setrecursionlimit(self.recursion)
        if sys.get_int_max_str_digits() != INT_MAX_STR_DIGITS:
            sys.set_int_max_str_digits(INT_MAX_STR_DIGITS)
        d = builtins.__dict__
        # Dict equality runs in C with an identity shortcut.
        if len(d) != len(self.builtins) or d != self.builtins:
            fresh = dict(zip(self.builtins_keys, self.builtins_values))
            clear, update = d.clear, d.update  # looked up before clear(): d is the builtins dict itself
            clear()
            update(fresh)


def cut_javascript():
    """Drop Python's ways to JavaScript that Pyodide keeps (the JS import hook with its `js` and `pyodide_js`
    objects, the modules that hold them), before the interpreter's image is taken, so no image has them."""
    for finder in list(sys.meta_path):
        proxies = getattr(finder, 'jsproxies', None)
        if proxies is not None:
            proxies.clear()
            sys.meta_path.remove(finder)
    for name in list(sys.modules):
        if is_hidden_module(name):
            del sys.modules[name]
    sys.path_importer_cache.clear()
    gc.collect()


def seal_interpreter(guard):
    """The state every candidate starts from: called once, last, before the runtime takes the image."""
    sys.set_int_max_str_digits(INT_MAX_STR_DIGITS)
    import posix
    os._exit = posix._exit = _exit_without_killing_the_interpreter
    cut_javascript()
    os.chdir(SCRATCH_DIR)
    guard.active = True
