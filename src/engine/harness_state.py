# Interpreter baseline, its restoration between candidates, capped std streams and the Python-level guard.
# Loaded first of the harness files; all three are exec'd into one private namespace (not in sys.modules).
import builtins
import gc
import io
import operator
import os
import shutil
import signal
import sys
import warnings

# The harness's own builtins, a private copy (functions defined below look names up here): a candidate that
# rebinds builtins.len or builtins.isinstance cannot break the harness around it.
__builtins__ = dict(builtins.__dict__)
# Warnings attributed to harness frames record themselves here; created now so the tripwire
# (harness_integrity.py) sees it changed only in place.
__warningregistry__ = {}

# The authors' harness set this; larger numbers raise ValueError there too.
INT_MAX_STR_DIGITS = 5_000_000
# Directories where new files could shadow imports or leak between candidates.
WATCHED_DIRS = ('/', '/tmp', '/home', '/home/pyodide', '/lib', '/lib/python3.14',
                '/lib/python3.14/site-packages', '/lib/python3.14/lib-dynload')
WORK_DIR = '/tmp/vl-run'
SYS_ATTRS = ('stdout', 'stderr', 'stdin', 'displayhook', 'excepthook', 'breakpointhook',
             'unraisablehook', 'modules', 'path_importer_cache')
SYS_LISTS = ('path', 'meta_path', 'path_hooks')
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
_is_not = operator.is_not


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


def _dict_differs(d, keys, values):
    return (len(d) != len(keys) or any(map(_is_not, d.keys(), keys))
            or any(map(_is_not, d.values(), values)))


def _restore_dict(d, keys, values):
    # Everything is looked up before clear(): d may be the builtins dict itself.
    fresh = dict(zip(keys, values))
    clear, update = d.clear, d.update
    clear()
    update(fresh)


class Baseline:
    """Everything a candidate may change that later candidates would see, captured once at install."""

    def __init__(self, guard):
        self.guard = guard
        sys.set_int_max_str_digits(INT_MAX_STR_DIGITS)
        import posix
        os._exit = posix._exit = _exit_without_killing_the_interpreter
        self.builtins = dict(builtins.__dict__)
        self.builtins_keys = tuple(self.builtins.keys())
        self.builtins_values = tuple(self.builtins.values())
        self.modules = dict(sys.modules)
        self.modules_keys = tuple(self.modules.keys())
        self.modules_values = tuple(self.modules.values())
        skip = ('sys', 'builtins', '__main__')
        self.module_dicts = []
        for name, mod in self.modules.items():
            d = getattr(mod, '__dict__', None)
            if name in skip or is_hidden_module(name) or type(d) is not dict:
                continue
            self.module_dicts.append((d, tuple(d.keys()), tuple(d.values())))
        self.main_dict = dict(sys.modules['__main__'].__dict__)
        self.sys_attrs = {k: getattr(sys, k) for k in SYS_ATTRS if hasattr(sys, k)}
        self.sys_lists = {k: list(getattr(sys, k)) for k in SYS_LISTS}
        self.recursion = sys.getrecursionlimit()
        self.cwd = os.getcwd()
        self.environ = dict(os.environ)
        self.warnings_ctx = None
        self.gc_callbacks = list(gc.callbacks)
        self.gc_threshold = gc.get_threshold()
        self.sigint = signal.getsignal(signal.SIGINT)
        os.makedirs(WORK_DIR, exist_ok=True)  # part of the baseline, emptied around each candidate
        mon = getattr(sys, 'monitoring', None)
        self.monitor_tools = [mon.get_tool(t) for t in range(6)] if mon else []
        self.dirs = {p: set(os.listdir(p)) for p in WATCHED_DIRS if os.path.isdir(p)}
        self.hidden = {}

    # --- per test (cheap) -------------------------------------------------------------------
    def reset_test(self):
        """Undo the changes one test can make that the next test of the same candidate would feel."""
        if sys.gettrace() is not None:
            sys.settrace(None)
        if sys.getprofile() is not None:
            sys.setprofile(None)
        if sys.getrecursionlimit() != self.recursion:
            sys.setrecursionlimit(self.recursion)
        if sys.get_int_max_str_digits() != INT_MAX_STR_DIGITS:
            sys.set_int_max_str_digits(INT_MAX_STR_DIGITS)
        d = builtins.__dict__
        # Dict equality runs in C with an identity shortcut; the exact identity check runs per candidate.
        if len(d) != len(self.builtins) or d != self.builtins:
            _restore_dict(d, self.builtins_keys, self.builtins_values)

    # --- per candidate --------------------------------------------------------------------------
    def enter(self):
        """Fresh empty working directory, JS-reaching modules hidden, guard on."""
        self._empty_work_dir()
        os.chdir(WORK_DIR)
        mods = sys.modules
        self.hidden = {k: mods[k] for k in list(mods) if is_hidden_module(k)}
        for k in self.hidden:
            del mods[k]
        # catch_warnings saves and restores the filters and showwarning for us.
        self.warnings_ctx = warnings.catch_warnings()
        self.warnings_ctx.__enter__()
        self.guard.active = True

    def leave(self):
        """Restore the baseline; retried because a stale interrupt may land in the middle."""
        self.guard.active = False
        ctx, self.warnings_ctx = self.warnings_ctx, None
        if ctx is not None:
            try:
                ctx.__exit__(None, None, None)
            except BaseException:
                pass
        for _ in range(8):
            try:
                self._restore()
                return
            except KeyboardInterrupt:
                continue
        self._restore()

    def _restore(self):
        self.guard.active = False
        for k, v in self.sys_attrs.items():
            if getattr(sys, k, None) is not v:
                setattr(sys, k, v)
        for k, v in self.sys_lists.items():
            cur = getattr(sys, k, None)
            if type(cur) is not list:
                setattr(sys, k, list(v))
            elif cur != v:
                cur[:] = v
        self.reset_test()
        if _dict_differs(builtins.__dict__, self.builtins_keys, self.builtins_values):
            _restore_dict(builtins.__dict__, self.builtins_keys, self.builtins_values)
        sys.set_int_max_str_digits(INT_MAX_STR_DIGITS)
        mods = sys.modules
        if _dict_differs(mods, self.modules_keys, self.modules_values) or self.hidden:
            _restore_dict(mods, self.modules_keys, self.modules_values)
            self.hidden = {}
        for d, keys, values in self.module_dicts:
            if _dict_differs(d, keys, values):
                _restore_dict(d, keys, values)
        main = sys.modules['__main__'].__dict__
        if main != self.main_dict:
            main.clear()
            main.update(self.main_dict)
        gc.callbacks[:] = self.gc_callbacks
        gc.set_threshold(*self.gc_threshold)
        gc.enable()
        if signal.getsignal(signal.SIGINT) is not self.sigint:
            signal.signal(signal.SIGINT, self.sigint)
        self._restore_monitoring()
        if dict(os.environ) != self.environ:
            os.environ.clear()
            os.environ.update(self.environ)
        os.chdir(self.cwd)
        self._restore_files()

    def _restore_monitoring(self):
        mon = getattr(sys, 'monitoring', None)
        if mon is None:
            return
        for tool, base in enumerate(self.monitor_tools):
            if mon.get_tool(tool) != base:
                try:
                    mon.clear_tool_id(tool)
                    mon.free_tool_id(tool)
                except ValueError:
                    pass

    def _empty_work_dir(self):
        if os.listdir(WORK_DIR) if os.path.isdir(WORK_DIR) else True:
            shutil.rmtree(WORK_DIR, ignore_errors=True)
            os.makedirs(WORK_DIR, exist_ok=True)

    def _restore_files(self):
        self._empty_work_dir()
        touched = []
        for path, names in self.dirs.items():
            try:
                now = os.listdir(path)
            except OSError:
                os.makedirs(path, exist_ok=True)
                now = []
            for name in now:
                if name in names:
                    continue
                full = os.path.join(path, name)
                touched.append(path)
                if os.path.isdir(full) and not os.path.islink(full):
                    shutil.rmtree(full, ignore_errors=True)
                else:
                    try:
                        os.unlink(full)
                    except OSError:
                        pass
        # Only the finders of touched directories: a global invalidate_caches() makes zipimport re-read the
        # standard library's directory (tens of ms).
        for path in touched:
            for key in (path, path.rstrip('/') or '/', ''):
                finder = sys.path_importer_cache.get(key)
                if finder is not None and hasattr(finder, 'invalidate_caches'):
                    finder.invalidate_caches()
