# The judge of input/output tests: decides pass or fail from what a candidate printed or returned, in an
# interpreter that holds the expected outputs and never ran the candidate (the runtime writes it back from its
# own image before every judging call). The candidate's interpreter never holds an expected output, and what it
# hands over is plain data: text, or a pickle read with only plain data types allowed (no code of the
# candidate runs here). Imports harness_common.py, harness_compare.py and harness_integrity.py; the runtime
# calls prepare_judge() and judge().
import base64
import io
import pickle
import pickletools

from harness_common import cache_get, decode_expected, describe, finish, io_inputs, loads, short, short_text
from harness_compare import evalplus_equal, paper_expectation, paper_match, paper_value

# Opcodes that set an object's fields directly (past its constructor's checks, e.g. a Fraction with a zero
# denominator): honest pickles of the plain types never use them.
_STATE_OPCODES = frozenset(('BUILD', 'INST', 'OBJ', 'NEWOBJ', 'NEWOBJ_EX', 'PERSID', 'BINPERSID'))

_PLAIN_TYPES = {
    'builtins': frozenset(('complex', 'range', 'slice', 'set', 'frozenset', 'list', 'dict', 'tuple', 'int',
                           'float', 'bool', 'str')),
    'collections': frozenset(('OrderedDict', 'defaultdict', 'Counter', 'deque')),
    'decimal': frozenset(('Decimal',)),
    'fractions': frozenset(('Fraction',)),
    'datetime': frozenset(('date', 'time', 'datetime', 'timedelta', 'timezone')),
}


class PlainUnpickler(pickle.Unpickler):
    """Reads pickled plain data: builtin containers and numbers and a few stdlib value types, nothing else."""

    def find_class(self, module, name):
        if name in _PLAIN_TYPES.get(module, ()):
            return super().find_class(module, name)
        raise pickle.UnpicklingError('%s.%s is not plain data' % (module, name))


def plain_value(text):
    data = base64.b64decode(text)
    for op, _, _ in pickletools.genops(data):
        if op.name in _STATE_OPCODES:
            raise pickle.UnpicklingError('%s sets state directly, which plain data does not' % op.name)
    return PlainUnpickler(io.BytesIO(data)).load()


def prepare_judge(request_json, outputs_json):
    """Decode a problem's inputs and expected outputs, so the runtime's judge image holds them ready."""
    req = loads(request_json)
    tests = req['tests']
    io_inputs(tests['inputs'], tests['taskId'])
    expected = decode_expected(tests['expected'], loads(outputs_json))
    if req['compare'] == 'paper':
        _paper_expectations(tests['expected'], expected, float(tests.get('atol') or 0))
    return finish({})


_parsed_cache = {}
PARSED_TEXT_MAX = 4096  # longer expected texts are parsed per test, not kept twice
_UNPARSED = object()
_UNPARSED_TEXT = object()


def _paper_expectations(expected, outputs, atol):
    """Per expected text, (parsed value or _UNPARSED, fast) as paper_expectation gives them."""
    def one(exp):
        if exp is None:
            return None
        if len(exp) <= PARSED_TEXT_MAX:
            return paper_expectation(exp, atol)
        # Not kept parsed (it would be held twice); what matters is whether it parses as text.
        value, fast = paper_expectation(exp, atol)
        return (_UNPARSED_TEXT if type(value) is str else _UNPARSED), fast
    return cache_get(_parsed_cache, (expected['key'], atol), lambda: [one(exp) for exp in outputs])


def _paper_verdict(seen, exp, parsed, atol):
    if 'overflow' in seen:
        return 'fail', 'printed more than %d characters, expected %d' % (seen['overflow'], len(exp))
    got = seen['text']
    value, fast = parsed
    if fast and got == exp:
        return 'pass', ''
    if value is _UNPARSED_TEXT:
        value = exp.strip()  # what paper_value gives for text, without its number attempts
    elif value is _UNPARSED:
        value = paper_value(exp)
    if paper_match(got, exp, value, False, atol):
        return 'pass', ''
    failure = seen.get('failure')
    if failure is not None:
        return failure[0], failure[1]
    return 'fail', 'printed ' + short_text(got) + ', expected ' + short_text(exp)


def _evalplus_verdict(seen, args, exp, atol, task_id, ep):
    try:
        got = plain_value(seen['value'])
    except Exception as e:
        return 'fail', 'returned something that is not plain data to compare (' + describe(e, 120) + ')'
    try:
        ok = evalplus_equal(args, got, exp, atol, task_id, ep)
    except Exception:
        ok = False
    if ok:
        return 'pass', ''
    return 'fail', 'returned ' + short(got) + ', expected ' + short(exp)


def judge(request_json, seen_json):
    """Verdicts [(status, message)] for [(test index, what the candidate did)], in that order."""
    req = loads(request_json)
    tests = req['tests']
    task_id, ep, atol = tests['taskId'], tests['entryPoint'], float(tests.get('atol') or 0)
    expected = decode_expected(tests['expected'], None)
    verdicts = []
    if req['compare'] == 'paper':
        parsed = _paper_expectations(tests['expected'], expected, atol)
        for i, seen in loads(seen_json):
            verdicts.append(_paper_verdict(seen, expected[i], parsed[i], atol))
    else:
        args_list = io_inputs(tests['inputs'], task_id)
        for i, seen in loads(seen_json):
            verdicts.append(_evalplus_verdict(seen, args_list[i], expected[i], atol, task_id, ep))
    return finish({'verdicts': verdicts})
