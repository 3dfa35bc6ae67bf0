# What the runner (harness.py) and the judge (harness_judge.py) share: short messages, a problem's io inputs
# and expected outputs as decoded once per interpreter image, and the last step of every reply (the tripwire's
# verdict, then JSON). Imports harness_compare.py and harness_integrity.py.
import base64
import json
import pickle
import reprlib
import warnings

from harness_compare import decode_inputs, paper_test_source
from harness_integrity import tripwire

MESSAGE_CAP = 300
CACHE_SIZE = 6

loads = json.loads
_dumps = json.dumps

_repr = reprlib.Repr()
_repr.maxstring = _repr.maxother = 80
_repr.maxlist = _repr.maxtuple = _repr.maxset = _repr.maxdict = 8


def cache_get(cache, key, make):
    hit = cache.pop(key, None)
    if hit is None:
        hit = make()
    cache[key] = hit
    while len(cache) > CACHE_SIZE:
        del cache[next(iter(cache))]
    return hit


def describe(e, cap=MESSAGE_CAP):
    name = type(e).__name__
    try:
        detail = str(e)
    except BaseException:
        detail = '<unprintable>'
    text = name + ': ' + detail if detail else name
    return text if len(text) <= cap else text[:cap - 3] + '...'


def short(x):
    try:
        return _repr.repr(x)
    except BaseException:
        return '<unprintable>'


def short_text(s):
    """short(s.strip()) without copying all of a long text (outputs can be megabytes)."""
    return short(s[:4 * _repr.maxstring].strip() if len(s) > 4 * _repr.maxstring else s.strip())


def compile_code(source, name):
    """(code, None) or (None, exception). Callers silence warnings: compile-time ones are not test output."""
    try:
        return compile(source, name, 'exec'), None
    except BaseException as e:  # SyntaxError, but also MemoryError/RecursionError on absurd input
        return None, e


# --- inputs and expected outputs of io tests ---------------------------------------------------------------
_inputs_cache = {}
_expected_cache = {}


def _raw_inputs(inputs):
    def parse():
        data = loads(inputs['source'])
        if 'base_input' not in data:
            sols = data.get('all_solutions') or [{}]
            data = sols[0].get('solution', sols[0]) or {}
        return {'base': data.get('base_input') or [], 'plus': data.get('plus_input') or [], 'decoded': {}}
    return cache_get(_inputs_cache, inputs['key'], parse)


def io_inputs(inputs, task_id):
    raw = _raw_inputs(inputs)
    sets = tuple(inputs['sets'])
    key = (sets, task_id)
    if key not in raw['decoded']:
        joined = []
        for s in sets:
            joined.extend(raw[s])
        raw['decoded'][key] = decode_inputs(task_id, joined)
    return raw['decoded'][key]


def paper_codes(inputs, task_id, entry_point, args_list):
    raw = _raw_inputs(inputs)
    key = ('paper', tuple(inputs['sets']), task_id, entry_point)
    if key not in raw['decoded']:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            raw['decoded'][key] = [compile_code(paper_test_source(task_id, entry_point, a), '<test>') for a in args_list]
    return raw['decoded'][key]


def decode_expected(expected, outputs):
    """Canonical outputs as the comparison uses them: texts (paper) or unpickled values (evalplus). Only the
    judge's interpreter holds them (harness_judge.py): the candidate's never does."""
    def decode():
        if expected['compare'] == 'paper':
            return outputs
        return [_MISSING if text is None else pickle.loads(base64.b64decode(text)) for text in outputs]
    return cache_get(_expected_cache, expected['key'] + ':' + expected['compare'], decode)


_MISSING = object()


# --- replies -------------------------------------------------------------------------------------------------
def finish(payload):
    """The reply as JSON, with what the tripwire found (None when the harness is as sealed)."""
    for _ in range(8):  # a stale interrupt must not lose a finished result
        try:
            payload['tampered'] = tripwire.check()
            return _dumps(payload)
        except KeyboardInterrupt:
            continue
    payload['tampered'] = tripwire.check()
    return _dumps(payload)
