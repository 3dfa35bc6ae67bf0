# Run in __main__ before the memory snapshot: the standard-library modules candidates find already loaded, and
# the loader of the harness modules. The runtime deletes the two functions and HARNESS_CODE from __main__ once
# the harness is installed, so no candidate finds them there.
import array, ast, base64, bisect, calendar, cmath, collections, collections.abc, contextlib, copy, dataclasses
import datetime, decimal, enum, fractions, functools, hashlib, heapq, io, itertools, json, math, numbers
import operator, pickle, pprint, random, re, reprlib, statistics, string, struct, textwrap, time, types
import typing, unicodedata, warnings, zlib, shutil, signal, gc


def precompile_harness(names, sources):
    """Compile the harness before the snapshot is taken, so workers started from it skip the compiler."""
    global HARNESS_CODE
    # The sources travel with the code: a worker runs this code only if it was compiled from its own sources.
    HARNESS_CODE = ((tuple(names), tuple(sources)),
                    [compile(source, '<%s.py>' % name, 'exec') for name, source in zip(names, sources)])


def install_harness(names, sources):
    """Run the harness files as modules named `names`, in order, and return them ({name: module}).

    Each enters sys.modules as it starts to load, so it can import only the ones loaded before it; all leave
    sys.modules before this returns (and none may take a name already there), so no candidate can import
    them and none of their names meets a candidate's imports. Every module looks builtins up in one private copy (a candidate that
    rebinds builtins.len cannot break the harness around it) and has its own warnings registry from the start
    (warnings filed under harness frames change it only in place, which the tripwire allows).
    """
    held = globals().get('HARNESS_CODE')
    if held is not None and held[0] == (tuple(names), tuple(sources)):
        codes = held[1]
    else:
        codes = [compile(source, '<%s.py>' % name, 'exec') for name, source in zip(names, sources)]
    import builtins, sys
    own_builtins = dict(builtins.__dict__)
    modules = {}
    try:
        for name, code in zip(names, codes):
            if name in sys.modules:
                raise ImportError('harness module %r would replace a module of that name' % name)
            module = types.ModuleType(name)
            module.__dict__.update(__builtins__=own_builtins, __warningregistry__={})
            sys.modules[name] = modules[name] = module
            exec(code, module.__dict__)
    finally:
        for name in modules:
            del sys.modules[name]
    return modules
