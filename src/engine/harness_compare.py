# Input/output comparison for EvalPlus-style tests: the paper's printed-text rule and EvalPlus's value rule,
# plus the MBPP+ input decoding both rely on. Imports nothing of the harness.
import math

# --- MBPP+ v0.2.0 stores tuples/sets/complex as JSON lists/strings; EvalPlus decodes them per task. --------
_ARGS_TO_TUPLES = frozenset((2, 116, 132, 143, 222, 261, 273, 394, 399, 421, 424, 429, 470, 560, 579, 596,
                             616, 630, 726, 740, 744, 809))
_ARG_ITEMS_TO_TUPLES = frozenset((63, 64, 70, 94, 120, 237, 272, 299, 400, 409, 417, 438, 473, 614, 780))
_FIRST_ARG_ITEMS_TO_TUPLES = frozenset((75, 413, 444, 753))
_SECOND_ARG_TO_TUPLE = frozenset((106, 750))
_FIRST_ARG_TO_TUPLE = frozenset((250, 405, 446, 617, 720, 763, 808))
_ARG_ITEMS_AND_ARGS_TO_TUPLES = frozenset((259, 401, 445))
_ALL_LISTS_TO_TUPLES = frozenset((580, 615, 791))


def _deep_tuple(x):
    return tuple(_deep_tuple(i) for i in x) if isinstance(x, list) else x


def _decode_mbpp_args(n, a):
    """One input (a list of call arguments) of task Mbpp/n, decoded as EvalPlus does."""
    if n in _ARGS_TO_TUPLES:
        return [tuple(x) for x in a]
    if n in _ARG_ITEMS_TO_TUPLES:
        return [[tuple(x) for x in arg] for arg in a]
    if n in _FIRST_ARG_ITEMS_TO_TUPLES:
        return [[tuple(x) for x in a[0]], a[1]]
    if n in _SECOND_ARG_TO_TUPLE:
        return [a[0], tuple(a[1])]
    if n in _FIRST_ARG_TO_TUPLE:
        return [tuple(a[0]), a[1]]
    if n in _ARG_ITEMS_AND_ARGS_TO_TUPLES:
        return [tuple(tuple(x) for x in arg) for arg in a]
    if n in _ALL_LISTS_TO_TUPLES:
        return _deep_tuple(a)
    if n == 115:
        return [[set(x) if isinstance(x, list) and len(x) else {} for x in a[0]]]
    if n == 124:
        return (float(a[0]), complex(a[1]))
    if n == 252:
        return [complex(a[0])]
    if n == 278:
        return [tuple(tuple(x) if isinstance(x, list) else x for x in a[0])]
    if n == 307:
        return [tuple(a[0]), a[1], a[2]]
    if n == 722:
        return [{k: tuple(v) for k, v in a[0].items()}] + a[1:]
    return a


def decode_inputs(task_id, inputs):
    if not task_id.startswith('Mbpp/'):
        return inputs
    n = int(task_id.split('/')[-1])
    return [_decode_mbpp_args(n, a) for a in inputs]


def paper_test_source(task_id, entry_point, args):
    """The statement the authors appended to the program for one input (utils/unit_test_executor.py)."""
    call = entry_point + '(*' + str(args) + ')'
    if task_id in ('Mbpp/737', 'Mbpp/787', 'Mbpp/794'):
        call = 'bool(' + call + ')'
    head = '\nfrom math import inf\n' if task_id == 'Mbpp/404' else ''
    return head + '\nprint(' + call + ')'


# --- paper: printed text, parsed as int when all digits, else float, else text -----------------------------
def paper_value(text):
    text = text.strip()
    if text.isdigit():
        try:
            return int(text)
        except ValueError:
            pass
    try:
        return float(text)
    except ValueError:
        return text


def paper_expectation(expected, atol):
    """(parsed value, fast) of an expected text. fast: a printed text identical to it passes unparsed (true
    unless atol is set, where equal text may still fail: 'inf', words, or when the value is NaN)."""
    value = paper_value(expected)
    return value, atol == 0 and not (isinstance(value, float) and value != value)


def paper_match(got, expected, value, fast, atol):
    """The paper's rule for printed `got` against `expected`, given paper_expectation(expected, atol) =
    (value, fast)."""
    if fast and got == expected:
        return True
    if type(value) is str:
        # Text equals text only when the stripped texts are equal (a number never equals text), and float()
        # of text always fails under atol: no need to parse `got`, which may be a megabyte of digits.
        return atol == 0 and got.strip() == value
    a = paper_value(got)
    try:
        if atol == 0:
            return bool(a == value)
        return abs(float(a) - float(value)) <= atol
    except Exception:
        return False


# --- evalplus: returned values (evalplus/eval/__init__.py check_output, v0.3.1) ----------------------------
MBPP_OUTPUT_NOT_NONE_TASKS = frozenset(('check_str', 'text_match_three', 'text_starta_endb'))
MBPP_OUTPUT_SET_EQ_TASKS = frozenset(('similar_elements', 'find_char_long', 'common_in_nested_lists',
                                      'extract_singly', 'larg_nnum', 'intersection_array', 'find_dissimilar',
                                      'Diff'))


def _poly(xs, x):
    return sum(c * math.pow(x, i) for i, c in enumerate(xs))


def _surface_area(base_edge, height):
    slant = math.sqrt((base_edge / 2) ** 2 + height ** 2)
    return round(base_edge ** 2 + 4 * (base_edge * slant) / 2)


def _digit_distance(a, b):
    x, y = str(a), str(b)
    width = max(len(x), len(y))
    x, y = x.zfill(width), y.zfill(width)
    return sum(abs(int(p) - int(q)) for p, q in zip(x, y))


def _is_floats(x):
    if isinstance(x, float):
        return True
    if isinstance(x, (list, tuple)) and x:
        return all(isinstance(i, float) for i in x)
    return False


_NUMBER = (int, float, complex)


def _allclose(a, b, rtol, atol):
    """numpy.allclose(a, b, rtol, atol) for scalars and (nested) equal-shape sequences; False where numpy raises."""
    if isinstance(a, _NUMBER) and isinstance(b, _NUMBER):
        if isinstance(a, complex) or isinstance(b, complex):
            return abs(a - b) <= atol + rtol * abs(b)
        if math.isnan(a) or math.isnan(b):
            return False
        if math.isinf(a) or math.isinf(b):
            return a == b
        return abs(a - b) <= atol + rtol * abs(b)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_allclose(x, y, rtol, atol) for x, y in zip(a, b))
    return False


def evalplus_expected_value(entry_point, task_id, value):
    """EvalPlus stores `out is not None` as the expected output of three MBPP+ tasks."""
    if task_id.startswith('Mbpp/') and entry_point in MBPP_OUTPUT_NOT_NONE_TASKS:
        return value is not None
    return value


def evalplus_equal(inp, out, exp, atol, task_id, entry_point):
    exact = out == exp
    if task_id.startswith('Mbpp/'):
        if entry_point == 'are_equivalent':
            exact = True
        elif entry_point == 'sum_div':
            exact = exact or out == 0
        elif entry_point == 'surface_Area':
            exact = exact or abs(out - _surface_area(*inp)) <= atol
        elif entry_point == 'digit_distance_nums':
            exact = exact or out == _digit_distance(*inp)
        elif entry_point in MBPP_OUTPUT_SET_EQ_TASKS:
            exact = set(out) == set(exp)
        elif entry_point in MBPP_OUTPUT_NOT_NONE_TASKS:
            exact = (out == exp) if isinstance(out, bool) else (exp == (out is not None))
    elif entry_point == 'find_zero':
        return abs(_poly(*inp, out)) <= atol
    if atol == 0 and _is_floats(exp):
        atol = 1e-6
    if not exact and atol != 0:
        if type(out) is not type(exp):
            return False
        if isinstance(exp, (list, tuple)) and len(out) != len(exp):
            return False
        return _allclose(out, exp, 1e-07, atol)
    return bool(exact)


def comparable_value(out, task_id, entry_point):
    """What of a returned value EvalPlus's comparison looks at, as plain data the judge can read: for the
    "not None" tasks whether it is None, for the set-compared ones its set, and for a subclass of a builtin
    container that keeps the builtin's equality (a namedtuple, a defaultdict, a UserList) the builtin value.
    Run in the candidate's interpreter, so it decides nothing: it only chooses what the candidate returned."""
    if task_id.startswith('Mbpp/'):
        if entry_point in MBPP_OUTPUT_NOT_NONE_TASKS:
            return out if isinstance(out, bool) else out is not None
        if entry_point in MBPP_OUTPUT_SET_EQ_TASKS:
            try:
                return set(out)
            except Exception:
                return out
    return _builtin_equal(out)


_CONTAINERS = (list, tuple, dict, set, frozenset)


def _builtin_equal(out):
    t = type(out)
    if t in _CONTAINERS or t.__module__ == 'collections' and t.__name__ in ('OrderedDict', 'Counter', 'deque'):
        return out
    data = getattr(out, 'data', None)
    if t.__name__ in ('UserList', 'UserDict', 'UserString') and t.__module__ == 'collections':
        return data
    for base in _CONTAINERS:
        if isinstance(out, base) and t.__eq__ is base.__eq__:
            return base(out)
    return out
