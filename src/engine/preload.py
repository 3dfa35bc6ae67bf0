# Standard-library modules imported before the memory snapshot, so candidates find them already loaded
# (imports a candidate adds are undone after it, so anything not listed here is re-imported per candidate).
import array, ast, base64, bisect, calendar, cmath, collections, collections.abc, contextlib, copy, dataclasses
import datetime, decimal, enum, fractions, functools, hashlib, heapq, io, itertools, json, math, numbers
import operator, pickle, pprint, random, re, reprlib, statistics, string, struct, textwrap, time, types
import typing, unicodedata, warnings, zlib, shutil, signal, gc


def precompile_harness(sources):
    """Compile the harness before the snapshot is taken, so workers started from it skip the compiler."""
    global HARNESS_CODE
    # The sources travel with the code: a worker runs this code only if it was compiled from its own sources.
    HARNESS_CODE = (tuple(sources), [compile(source, f'<harness {i}>', 'exec') for i, source in enumerate(sources)])
