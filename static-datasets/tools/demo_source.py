"""Source of the bundled demo dataset (Demo-R): small original Python problems for students.

Written for Verifier Lab (MIT). build_demo.py turns this list into static-datasets/demo/Demo-R.jsonl
in the official MBPP-R line schema; the scores there come from executing every candidate, never from here.

Each problem is a dict:
  task_id  "Demo/<n>", in order
  text     the problem statement (names the function and its signature)
  code     the reference solution: a complete program, always rank 1
  setup    test_setup_code run before every assert (optional, default "")
  tests    one `assert ...` per line (at least 10)
  wrong    2 to 4 "somewhat incorrect" candidates: {"mistake": what is wrong, "code": complete program}

Code and test blocks are dedented and stripped by the builder, so they may be indented here.
"""

PROBLEMS = [
    {
        "task_id": "Demo/0",
        "text": "Write a function count_vowels(s: str) -> int that returns how many vowels (a, e, i, o, u, "
        "in upper or lower case) the string s contains. The letter y is not a vowel.",
        "code": """
            def count_vowels(s):
                return sum(1 for ch in s.lower() if ch in "aeiou")
        """,
        "tests": """
            assert count_vowels("") == 0
            assert count_vowels("hello") == 2
            assert count_vowels("HELLO") == 2
            assert count_vowels("rhythm") == 0
            assert count_vowels("Programming") == 3
            assert count_vowels("aeiou") == 5
            assert count_vowels("AEIOU") == 5
            assert count_vowels("Yellow yak") == 3
            assert count_vowels("queue") == 4
            assert count_vowels("123 !?") == 0
            assert count_vowels("Idea") == 3
            assert count_vowels("sky") == 0
        """,
        "wrong": [
            {
                "mistake": "counts each distinct vowel once (mishandles duplicates)",
                "code": """
                    def count_vowels(s):
                        return len(set(ch for ch in s.lower() if ch in "aeiou"))
                """,
            },
            {
                "mistake": "ignores upper-case vowels",
                "code": """
                    def count_vowels(s):
                        count = 0
                        for ch in s:
                            if ch in "aeiou":
                                count += 1
                        return count
                """,
            },
            {
                "mistake": "skips the last character",
                "code": """
                    def count_vowels(s):
                        count = 0
                        for i in range(len(s) - 1):
                            if s[i].lower() in "aeiou":
                                count += 1
                        return count
                """,
            },
        ],
    },
    {
        "task_id": "Demo/1",
        "text": "Write a function second_largest(nums: list[int]) -> int | None that returns the second largest "
        "distinct value in nums, or None when nums holds fewer than two distinct values.",
        "code": """
            def second_largest(nums):
                distinct = sorted(set(nums))
                if len(distinct) < 2:
                    return None
                return distinct[-2]
        """,
        "tests": """
            assert second_largest([3, 1, 2]) == 2
            assert second_largest([]) is None
            assert second_largest([5]) is None
            assert second_largest([4, 4, 4]) is None
            assert second_largest([7, 7, 3]) == 3
            assert second_largest([-1, -5, -3]) == -3
            assert second_largest([10, 9, 10, 8]) == 9
            assert second_largest([0, -1]) == -1
            assert second_largest([2, 1]) == 1
            assert second_largest([1, 2]) == 1
            assert second_largest([100, 50, 100, 50]) == 50
            assert second_largest([-2, 5, 5, -2, 3]) == 3
        """,
        "wrong": [
            {
                "mistake": "starts both running maxima at 0, so negative values are ignored",
                "code": """
                    def second_largest(nums):
                        if len(set(nums)) < 2:
                            return None
                        first = second = 0
                        for n in nums:
                            if n > first:
                                second = first
                                first = n
                            elif first > n > second:
                                second = n
                        return second
                """,
            },
            {
                "mistake": "does not remove duplicates before picking the second element",
                "code": """
                    def second_largest(nums):
                        if len(nums) < 2:
                            return None
                        return sorted(nums)[-2]
                """,
            },
            {
                "mistake": "no duplicate handling and no guard for short lists",
                "code": """
                    def second_largest(nums):
                        ordered = sorted(nums, reverse=True)
                        return ordered[1]
                """,
            },
        ],
    },
    {
        "task_id": "Demo/2",
        "text": "Write a function run_length_encode(s: str) -> str that replaces every run of equal consecutive "
        "characters by the character followed by the run length, e.g. \"aaabcc\" becomes \"a3b1c2\". "
        "The empty string encodes to the empty string.",
        "code": """
            def run_length_encode(s):
                if not s:
                    return ""
                parts = []
                current = s[0]
                count = 1
                for ch in s[1:]:
                    if ch == current:
                        count += 1
                    else:
                        parts.append(current + str(count))
                        current = ch
                        count = 1
                parts.append(current + str(count))
                return "".join(parts)
        """,
        "tests": """
            assert run_length_encode("") == ""
            assert run_length_encode("a") == "a1"
            assert run_length_encode("aaabcc") == "a3b1c2"
            assert run_length_encode("abc") == "a1b1c1"
            assert run_length_encode("aabbaa") == "a2b2a2"
            assert run_length_encode("zzzzzzzzzzzz") == "z12"
            assert run_length_encode("AaA") == "A1a1A1"
            assert run_length_encode("  ") == " 2"
            assert run_length_encode("xyyy") == "x1y3"
            assert run_length_encode("112223") == "122331"
            assert run_length_encode("mississippi") == "m1i1s2i1s2i1p2i1"
        """,
        "wrong": [
            {
                "mistake": "counts total occurrences of each character instead of runs",
                "code": """
                    def run_length_encode(s):
                        counts = {}
                        for ch in s:
                            counts[ch] = counts.get(ch, 0) + 1
                        return "".join(ch + str(n) for ch, n in counts.items())
                """,
            },
            {
                "mistake": "leaves out the count when a run has length 1",
                "code": """
                    def run_length_encode(s):
                        if not s:
                            return ""
                        parts = []
                        current = s[0]
                        count = 1
                        for ch in s[1:]:
                            if ch == current:
                                count += 1
                            else:
                                parts.append(current + (str(count) if count > 1 else ""))
                                current = ch
                                count = 1
                        parts.append(current + (str(count) if count > 1 else ""))
                        return "".join(parts)
                """,
            },
            {
                "mistake": "forgets to emit the last run",
                "code": """
                    def run_length_encode(s):
                        if not s:
                            return ""
                        parts = []
                        current = s[0]
                        count = 1
                        for ch in s[1:]:
                            if ch == current:
                                count += 1
                            else:
                                parts.append(current + str(count))
                                current = ch
                                count = 1
                        return "".join(parts)
                """,
            },
        ],
    },
    {
        "task_id": "Demo/3",
        "text": "Write a function merge_intervals(intervals: list[list[int]]) -> list[list[int]] that merges "
        "overlapping closed intervals [start, end] (start <= end) and returns the merged intervals sorted by "
        "start. Intervals that only touch, like [1, 4] and [4, 5], also merge.",
        "code": """
            def merge_intervals(intervals):
                merged = []
                for start, end in sorted(intervals):
                    if merged and start <= merged[-1][1]:
                        merged[-1][1] = max(merged[-1][1], end)
                    else:
                        merged.append([start, end])
                return merged
        """,
        "tests": """
            assert merge_intervals([]) == []
            assert merge_intervals([[1, 3]]) == [[1, 3]]
            assert merge_intervals([[1, 3], [2, 6], [8, 10]]) == [[1, 6], [8, 10]]
            assert merge_intervals([[1, 4], [4, 5]]) == [[1, 5]]
            assert merge_intervals([[5, 7], [1, 2]]) == [[1, 2], [5, 7]]
            assert merge_intervals([[1, 10], [2, 3]]) == [[1, 10]]
            assert merge_intervals([[6, 8], [1, 3], [2, 4]]) == [[1, 4], [6, 8]]
            assert merge_intervals([[-5, -1], [-2, 0]]) == [[-5, 0]]
            assert merge_intervals([[1, 2], [3, 4]]) == [[1, 2], [3, 4]]
            assert merge_intervals([[2, 2], [2, 2]]) == [[2, 2]]
            assert merge_intervals([[0, 5], [1, 2], [3, 4], [6, 7]]) == [[0, 5], [6, 7]]
            assert merge_intervals([[1, 2], [2, 3], [3, 4]]) == [[1, 4]]
            assert merge_intervals([[0, 0], [0, 1]]) == [[0, 1]]
            assert merge_intervals([[1, 5], [2, 3], [4, 4]]) == [[1, 5]]
        """,
        "wrong": [
            {
                "mistake": "does not merge intervals that only touch",
                "code": """
                    def merge_intervals(intervals):
                        merged = []
                        for start, end in sorted(intervals):
                            if merged and start < merged[-1][1]:
                                merged[-1][1] = max(merged[-1][1], end)
                            else:
                                merged.append([start, end])
                        return merged
                """,
            },
            {
                "mistake": "takes the new end instead of the larger end when merging",
                "code": """
                    def merge_intervals(intervals):
                        merged = []
                        for start, end in sorted(intervals):
                            if merged and start <= merged[-1][1]:
                                merged[-1][1] = end
                            else:
                                merged.append([start, end])
                        return merged
                """,
            },
            {
                "mistake": "forgets to sort the intervals first",
                "code": """
                    def merge_intervals(intervals):
                        merged = []
                        for start, end in intervals:
                            if merged and start <= merged[-1][1]:
                                merged[-1][1] = max(merged[-1][1], end)
                            else:
                                merged.append([start, end])
                        return merged
                """,
            },
        ],
    },
    {
        "task_id": "Demo/4",
        "text": "Write a function is_balanced(s: str) -> bool that returns True when the brackets (), [] and {} "
        "in s are balanced and properly nested. Characters other than brackets are ignored.",
        "code": """
            def is_balanced(s):
                pairs = {")": "(", "]": "[", "}": "{"}
                stack = []
                for ch in s:
                    if ch in "([{":
                        stack.append(ch)
                    elif ch in pairs:
                        if not stack or stack.pop() != pairs[ch]:
                            return False
                return not stack
        """,
        "tests": """
            assert is_balanced("") is True
            assert is_balanced("()") is True
            assert is_balanced("([]{})") is True
            assert is_balanced("(]") is False
            assert is_balanced("([)]") is False
            assert is_balanced("((") is False
            assert is_balanced("))") is False
            assert is_balanced("a(b)c") is True
            assert is_balanced("{[()()]}") is True
            assert is_balanced("}{") is False
            assert is_balanced("(()") is False
            assert is_balanced("print(x[0])") is True
            assert is_balanced("{)") is False
            assert is_balanced("[(])") is False
        """,
        "wrong": [
            {
                "mistake": "never checks that the stack is empty at the end",
                "code": """
                    def is_balanced(s):
                        pairs = {")": "(", "]": "[", "}": "{"}
                        stack = []
                        for ch in s:
                            if ch in "([{":
                                stack.append(ch)
                            elif ch in pairs:
                                if not stack or stack.pop() != pairs[ch]:
                                    return False
                        return True
                """,
            },
            {
                "mistake": "uses one depth counter for all bracket kinds",
                "code": """
                    def is_balanced(s):
                        depth = 0
                        for ch in s:
                            if ch in "([{":
                                depth += 1
                            elif ch in ")]}":
                                depth -= 1
                                if depth < 0:
                                    return False
                        return depth == 0
                """,
            },
            {
                "mistake": "only compares how many of each bracket there are, ignoring order",
                "code": """
                    def is_balanced(s):
                        return (
                            s.count("(") == s.count(")")
                            and s.count("[") == s.count("]")
                            and s.count("{") == s.count("}")
                        )
                """,
            },
        ],
    },
    {
        "task_id": "Demo/5",
        "text": "Write a function digit_sum(n: int) -> int that returns the sum of the decimal digits of n. "
        "The sign of n is ignored, so digit_sum(-12) is 3.",
        "code": """
            def digit_sum(n):
                return sum(int(d) for d in str(abs(n)))
        """,
        "tests": """
            assert digit_sum(0) == 0
            assert digit_sum(5) == 5
            assert digit_sum(123) == 6
            assert digit_sum(-123) == 6
            assert digit_sum(1000) == 1
            assert digit_sum(99999) == 45
            assert digit_sum(-7) == 7
            assert digit_sum(10) == 1
            assert digit_sum(505) == 10
            assert digit_sum(-90) == 9
            assert digit_sum(123456789) == 45
            assert digit_sum(4567) == 22
            assert digit_sum(-1) == 1
            assert digit_sum(-45) == 9
        """,
        "wrong": [
            {
                "mistake": "only handles numbers below 1000 (three digits)",
                "code": """
                    def digit_sum(n):
                        n = abs(n)
                        return n // 100 + (n // 10) % 10 + n % 10
                """,
            },
            {
                "mistake": "loops while n > 0, so negative numbers give 0",
                "code": """
                    def digit_sum(n):
                        total = 0
                        while n > 0:
                            total += n % 10
                            n //= 10
                        return total
                """,
            },
            {
                "mistake": "stops one digit early and drops the leading digit",
                "code": """
                    def digit_sum(n):
                        n = abs(n)
                        total = 0
                        while n >= 10:
                            total += n % 10
                            n //= 10
                        return total
                """,
            },
        ],
    },
    {
        "task_id": "Demo/6",
        "text": "Write a function running_average(nums: list[float]) -> list[float] whose i-th element is the "
        "mean of nums[0..i], rounded to 2 decimals with round(). An empty list gives an empty list.",
        "code": """
            def running_average(nums):
                result = []
                total = 0
                for i, x in enumerate(nums, start=1):
                    total += x
                    result.append(round(total / i, 2))
                return result
        """,
        "tests": """
            assert running_average([]) == []
            assert running_average([4]) == [4.0]
            assert running_average([1, 2, 3]) == [1.0, 1.5, 2.0]
            assert running_average([1, 1, 2]) == [1.0, 1.0, 1.33]
            assert running_average([-2, 2]) == [-2.0, 0.0]
            assert running_average([10, 0, 0]) == [10.0, 5.0, 3.33]
            assert running_average([3, -3, 3]) == [3.0, 0.0, 1.0]
            assert running_average([2, 4, 6, 8]) == [2.0, 3.0, 4.0, 5.0]
            assert running_average([1, 2, 2]) == [1.0, 1.5, 1.67]
            assert running_average([0, 0, 1]) == [0.0, 0.0, 0.33]
            assert running_average([-1, -1, 0]) == [-1.0, -1.0, -0.67]
        """,
        "wrong": [
            {
                "mistake": "truncates to 2 decimals instead of rounding",
                "code": """
                    def running_average(nums):
                        result = []
                        total = 0
                        for i, x in enumerate(nums, start=1):
                            total += x
                            result.append(int(total / i * 100) / 100)
                        return result
                """,
            },
            {
                "mistake": "does not round at all",
                "code": """
                    def running_average(nums):
                        result = []
                        total = 0
                        for i, x in enumerate(nums, start=1):
                            total += x
                            result.append(total / i)
                        return result
                """,
            },
            {
                "mistake": "uses integer division for the mean",
                "code": """
                    def running_average(nums):
                        result = []
                        total = 0
                        for i, x in enumerate(nums, start=1):
                            total += x
                            result.append(total // i)
                        return result
                """,
            },
            {
                "mistake": "divides every prefix sum by the length of the whole list",
                "code": """
                    def running_average(nums):
                        result = []
                        total = 0
                        for x in nums:
                            total += x
                            result.append(round(total / len(nums), 2))
                        return result
                """,
            },
        ],
    },
    {
        "task_id": "Demo/7",
        "text": "Write a function word_frequencies(text: str) -> dict[str, int] that counts words in text. Words "
        "are separated by whitespace, compared in lower case, and stripped of leading and trailing "
        "punctuation among . , ! ? ; : (a word that is only punctuation is skipped).",
        "code": """
            def word_frequencies(text):
                counts = {}
                for raw in text.split():
                    word = raw.strip(".,!?;:").lower()
                    if word:
                        counts[word] = counts.get(word, 0) + 1
                return counts
        """,
        "tests": """
            assert word_frequencies("") == {}
            assert word_frequencies("hello") == {"hello": 1}
            assert word_frequencies("a b a") == {"a": 2, "b": 1}
            assert word_frequencies("The the THE") == {"the": 3}
            assert word_frequencies("Hi, hi!") == {"hi": 2}
            assert word_frequencies("  spaced   out  ") == {"spaced": 1, "out": 1}
            assert word_frequencies("end.") == {"end": 1}
            assert word_frequencies("one, two; three: two.") == {"one": 1, "two": 2, "three": 1}
            assert word_frequencies("!!! ok") == {"ok": 1}
            assert word_frequencies("it's fine") == {"it's": 1, "fine": 1}
            assert word_frequencies("Go go GO, go?") == {"go": 4}
            assert word_frequencies("Apple apple") == {"apple": 2}
        """,
        "wrong": [
            {
                "mistake": "splits on single spaces, so runs of spaces produce empty words",
                "code": """
                    def word_frequencies(text):
                        counts = {}
                        for raw in text.split(" "):
                            word = raw.strip(".,!?;:").lower()
                            counts[word] = counts.get(word, 0) + 1
                        return counts
                """,
            },
            {
                "mistake": "compares words case-sensitively",
                "code": """
                    def word_frequencies(text):
                        counts = {}
                        for raw in text.split():
                            word = raw.strip(".,!?;:")
                            if word:
                                counts[word] = counts.get(word, 0) + 1
                        return counts
                """,
            },
            {
                "mistake": "does not strip punctuation",
                "code": """
                    def word_frequencies(text):
                        counts = {}
                        for raw in text.split():
                            word = raw.lower()
                            counts[word] = counts.get(word, 0) + 1
                        return counts
                """,
            },
        ],
    },
    {
        "task_id": "Demo/8",
        "text": "Write a function rotate_right(items: list, k: int) -> list that returns a new list with items "
        "rotated k places to the right. k may be larger than the length, and a negative k rotates left. "
        "An empty list gives an empty list.",
        "code": """
            def rotate_right(items, k):
                if not items:
                    return []
                k %= len(items)
                cut = len(items) - k
                return items[cut:] + items[:cut]
        """,
        "tests": """
            assert rotate_right([1, 2, 3, 4, 5], 2) == [4, 5, 1, 2, 3]
            assert rotate_right([1, 2, 3], 0) == [1, 2, 3]
            assert rotate_right([], 3) == []
            assert rotate_right([1, 2, 3], 3) == [1, 2, 3]
            assert rotate_right([1, 2, 3], 4) == [3, 1, 2]
            assert rotate_right([1, 2, 3], -1) == [2, 3, 1]
            assert rotate_right(["a"], 10) == ["a"]
            assert rotate_right([1, 2], 1) == [2, 1]
            assert rotate_right([1, 2, 3, 4], -6) == [3, 4, 1, 2]
            assert rotate_right([7, 8, 9], 1) == [9, 7, 8]
            assert rotate_right([1, 2, 3, 4, 5], 12) == [4, 5, 1, 2, 3]
        """,
        "wrong": [
            {
                "mistake": "divides by the length without guarding the empty list",
                "code": """
                    def rotate_right(items, k):
                        k %= len(items)
                        cut = len(items) - k
                        return items[cut:] + items[:cut]
                """,
            },
            {
                "mistake": "never reduces k modulo the length",
                "code": """
                    def rotate_right(items, k):
                        return items[-k:] + items[:-k]
                """,
            },
            {
                "mistake": "rotates in the wrong direction",
                "code": """
                    def rotate_right(items, k):
                        if not items:
                            return []
                        k %= len(items)
                        return items[k:] + items[:k]
                """,
            },
        ],
    },
    {
        "task_id": "Demo/9",
        "text": "Write a function letter_grade(score: float) -> str for a score between 0 and 100: \"A\" for "
        "90 and above, \"B\" for 80 and above, \"C\" for 70 and above, \"D\" for 60 and above, otherwise \"F\". "
        "Do not round the score.",
        "code": """
            def letter_grade(score):
                if score >= 90:
                    return "A"
                if score >= 80:
                    return "B"
                if score >= 70:
                    return "C"
                if score >= 60:
                    return "D"
                return "F"
        """,
        "tests": """
            assert letter_grade(95) == "A"
            assert letter_grade(90) == "A"
            assert letter_grade(89.9) == "B"
            assert letter_grade(80) == "B"
            assert letter_grade(79.5) == "C"
            assert letter_grade(70) == "C"
            assert letter_grade(69) == "D"
            assert letter_grade(60) == "D"
            assert letter_grade(59.99) == "F"
            assert letter_grade(0) == "F"
            assert letter_grade(100) == "A"
            assert letter_grade(85) == "B"
        """,
        "wrong": [
            {
                "mistake": "only handles the A, B and C ranges; everything lower is F",
                "code": """
                    def letter_grade(score):
                        if score >= 90:
                            return "A"
                        if score >= 80:
                            return "B"
                        if score >= 70:
                            return "C"
                        return "F"
                """,
            },
            {
                "mistake": "rounds the score before grading",
                "code": """
                    def letter_grade(score):
                        score = round(score)
                        if score >= 90:
                            return "A"
                        if score >= 80:
                            return "B"
                        if score >= 70:
                            return "C"
                        if score >= 60:
                            return "D"
                        return "F"
                """,
            },
            {
                "mistake": "uses > instead of >=, so boundary scores drop a grade",
                "code": """
                    def letter_grade(score):
                        if score > 90:
                            return "A"
                        if score > 80:
                            return "B"
                        if score > 70:
                            return "C"
                        if score > 60:
                            return "D"
                        return "F"
                """,
            },
        ],
    },
    {
        "task_id": "Demo/10",
        "text": "Write a function flatten(nested: list) -> list that returns the elements of an arbitrarily "
        "nested list in left-to-right order, with all list nesting removed.",
        "code": """
            def flatten(nested):
                result = []
                for item in nested:
                    if isinstance(item, list):
                        result.extend(flatten(item))
                    else:
                        result.append(item)
                return result
        """,
        "tests": """
            assert flatten([]) == []
            assert flatten([1, 2]) == [1, 2]
            assert flatten([1, [2, 3]]) == [1, 2, 3]
            assert flatten([[1], [2], [3]]) == [1, 2, 3]
            assert flatten([1, [2, [3, [4]]]]) == [1, 2, 3, 4]
            assert flatten([[], [[]]]) == []
            assert flatten([["a"], "b"]) == ["a", "b"]
            assert flatten([[1, 2], [3, [4, 5]], 6]) == [1, 2, 3, 4, 5, 6]
            assert flatten([0, [0, [0]]]) == [0, 0, 0]
            assert flatten([[[[7]]]]) == [7]
            assert flatten([1, [], 2]) == [1, 2]
        """,
        "wrong": [
            {
                "mistake": "skips falsy elements such as 0",
                "code": """
                    def flatten(nested):
                        result = []
                        for item in nested:
                            if isinstance(item, list):
                                result.extend(flatten(item))
                            elif item:
                                result.append(item)
                        return result
                """,
            },
            {
                "mistake": "only removes two levels of nesting",
                "code": """
                    def flatten(nested):
                        result = []
                        for item in nested:
                            if isinstance(item, list):
                                for inner in item:
                                    if isinstance(inner, list):
                                        result.extend(inner)
                                    else:
                                        result.append(inner)
                            else:
                                result.append(item)
                        return result
                """,
            },
            {
                "mistake": "only removes one level of nesting",
                "code": """
                    def flatten(nested):
                        result = []
                        for item in nested:
                            if isinstance(item, list):
                                result.extend(item)
                            else:
                                result.append(item)
                        return result
                """,
            },
        ],
    },
    {
        "task_id": "Demo/11",
        "text": "Write a function parse_key_values(s: str) -> dict[str, str] for strings like \"a=1; b=2\". "
        "Pairs are separated by ';', each key and value are split at the first '=', surrounding whitespace "
        "is removed, empty segments are skipped, a segment without '=' maps to \"\", and a repeated key keeps "
        "its last value.",
        "code": """
            def parse_key_values(s):
                result = {}
                for part in s.split(";"):
                    if not part.strip():
                        continue
                    key, _, value = part.partition("=")
                    result[key.strip()] = value.strip()
                return result
        """,
        "tests": """
            assert parse_key_values("") == {}
            assert parse_key_values("a=1") == {"a": "1"}
            assert parse_key_values("a=1;b=2") == {"a": "1", "b": "2"}
            assert parse_key_values(" a = 1 ; b= 2 ") == {"a": "1", "b": "2"}
            assert parse_key_values("a=1;") == {"a": "1"}
            assert parse_key_values(";;a=1;;") == {"a": "1"}
            assert parse_key_values("a=1;a=2") == {"a": "2"}
            assert parse_key_values("url=x=y") == {"url": "x=y"}
            assert parse_key_values("name=Ada Lovelace") == {"name": "Ada Lovelace"}
            assert parse_key_values("flag") == {"flag": ""}
            assert parse_key_values("k=") == {"k": ""}
            assert parse_key_values("x=1; y=; z=3") == {"x": "1", "y": "", "z": "3"}
        """,
        "wrong": [
            {
                "mistake": "keeps the first value of a repeated key",
                "code": """
                    def parse_key_values(s):
                        result = {}
                        for part in s.split(";"):
                            if not part.strip():
                                continue
                            key, _, value = part.partition("=")
                            key = key.strip()
                            if key not in result:
                                result[key] = value.strip()
                        return result
                """,
            },
            {
                "mistake": "splits at every '=', so values containing '=' or missing '=' crash",
                "code": """
                    def parse_key_values(s):
                        result = {}
                        for part in s.split(";"):
                            if not part.strip():
                                continue
                            key, value = part.split("=")
                            result[key.strip()] = value.strip()
                        return result
                """,
            },
            {
                "mistake": "neither strips whitespace nor skips empty segments",
                "code": """
                    def parse_key_values(s):
                        result = {}
                        for part in s.split(";"):
                            key, _, value = part.partition("=")
                            result[key] = value
                        return result
                """,
            },
        ],
    },
    {
        "task_id": "Demo/12",
        "text": "Write a function fibonacci(n: int) -> int that returns the n-th Fibonacci number for n >= 0, "
        "with fibonacci(0) == 0 and fibonacci(1) == 1.",
        "code": """
            def fibonacci(n):
                a, b = 0, 1
                for _ in range(n):
                    a, b = b, a + b
                return a
        """,
        "tests": """
            assert fibonacci(0) == 0
            assert fibonacci(1) == 1
            assert fibonacci(2) == 1
            assert fibonacci(3) == 2
            assert fibonacci(5) == 5
            assert fibonacci(7) == 13
            assert fibonacci(10) == 55
            assert fibonacci(12) == 144
            assert fibonacci(15) == 610
            assert fibonacci(20) == 6765
            assert fibonacci(25) == 75025
        """,
        "wrong": [
            {
                "mistake": "loops one time too few and returns the wrong variable, which only breaks n = 0",
                "code": """
                    def fibonacci(n):
                        a, b = 0, 1
                        for _ in range(n - 1):
                            a, b = b, a + b
                        return b
                """,
            },
            {
                "mistake": "uses Binet's formula with int(), which truncates instead of rounding",
                "code": """
                    import math

                    def fibonacci(n):
                        phi = (1 + math.sqrt(5)) / 2
                        return int(phi ** n / math.sqrt(5))
                """,
            },
            {
                "mistake": "starts the sequence at 1, 1 so every value is shifted by one",
                "code": """
                    def fibonacci(n):
                        a, b = 1, 1
                        for _ in range(n):
                            a, b = b, a + b
                        return a
                """,
            },
        ],
    },
    {
        "task_id": "Demo/13",
        "text": "Write a function gcd_of_list(nums: list[int]) -> int that returns the greatest common divisor "
        "of all numbers in nums, ignoring signs. gcd(0, x) is |x|, and an empty list gives 0.",
        "code": """
            import math

            def gcd_of_list(nums):
                result = 0
                for n in nums:
                    result = math.gcd(result, n)
                return result
        """,
        "tests": """
            assert gcd_of_list([]) == 0
            assert gcd_of_list([12]) == 12
            assert gcd_of_list([12, 18]) == 6
            assert gcd_of_list([7, 13]) == 1
            assert gcd_of_list([0, 5]) == 5
            assert gcd_of_list([-4, 6]) == 2
            assert gcd_of_list([100, 75, 50]) == 25
            assert gcd_of_list([0, 0]) == 0
            assert gcd_of_list([-9]) == 9
            assert gcd_of_list([17, 34, 51]) == 17
            assert gcd_of_list([8, 12, 20, 36]) == 4
            assert gcd_of_list([6, 9, 4]) == 1
        """,
        "wrong": [
            {
                "mistake": "starts from nums[0], so the empty list crashes",
                "code": """
                    import math

                    def gcd_of_list(nums):
                        result = nums[0]
                        for n in nums[1:]:
                            result = math.gcd(result, n)
                        return abs(result)
                """,
            },
            {
                "mistake": "tries divisors downward from the smallest number, which fails for zero and negatives",
                "code": """
                    def gcd_of_list(nums):
                        smallest = min(nums)
                        for d in range(smallest, 0, -1):
                            if all(n % d == 0 for n in nums):
                                return d
                        return 1
                """,
            },
            {
                "mistake": "skips the last number",
                "code": """
                    import math

                    def gcd_of_list(nums):
                        result = 0
                        for i in range(len(nums) - 1):
                            result = math.gcd(result, nums[i])
                        return result
                """,
            },
        ],
    },
    {
        "task_id": "Demo/14",
        "text": "Write a function roman_to_int(s: str) -> int that converts an upper-case Roman numeral between "
        "I and MMMCMXCIX to an integer, including subtractive pairs such as IV, IX, XL, XC, CD and CM.",
        "code": """
            def roman_to_int(s):
                values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
                total = 0
                for i, ch in enumerate(s):
                    v = values[ch]
                    if i + 1 < len(s) and values[s[i + 1]] > v:
                        total -= v
                    else:
                        total += v
                return total
        """,
        "tests": """
            assert roman_to_int("I") == 1
            assert roman_to_int("III") == 3
            assert roman_to_int("IV") == 4
            assert roman_to_int("IX") == 9
            assert roman_to_int("XIV") == 14
            assert roman_to_int("XL") == 40
            assert roman_to_int("XC") == 90
            assert roman_to_int("CD") == 400
            assert roman_to_int("MCMXCIV") == 1994
            assert roman_to_int("MMXXV") == 2025
            assert roman_to_int("LVIII") == 58
            assert roman_to_int("MMMCMXCIX") == 3999
        """,
        "wrong": [
            {
                "mistake": "only handles the subtractive pairs IV and IX",
                "code": """
                    def roman_to_int(s):
                        values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
                        s = s.replace("IV", "IIII").replace("IX", "VIIII")
                        return sum(values[ch] for ch in s)
                """,
            },
            {
                "mistake": "ignores subtractive pairs and just adds every symbol",
                "code": """
                    def roman_to_int(s):
                        values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
                        return sum(values[ch] for ch in s)
                """,
            },
        ],
    },
    {
        "task_id": "Demo/15",
        "text": "Write a function max_subarray_sum(nums: list[int]) -> int that returns the largest sum of a "
        "non-empty contiguous slice of nums (so for all-negative input it is the largest element). An empty "
        "list gives 0.",
        "code": """
            def max_subarray_sum(nums):
                if not nums:
                    return 0
                best = current = nums[0]
                for x in nums[1:]:
                    current = max(x, current + x)
                    best = max(best, current)
                return best
        """,
        "tests": """
            assert max_subarray_sum([]) == 0
            assert max_subarray_sum([5]) == 5
            assert max_subarray_sum([-3]) == -3
            assert max_subarray_sum([1, 2, 3]) == 6
            assert max_subarray_sum([-2, 1, -3, 4, -1, 2, 1, -5, 4]) == 6
            assert max_subarray_sum([-5, -1, -8]) == -1
            assert max_subarray_sum([2, -1, 2]) == 3
            assert max_subarray_sum([0, 0]) == 0
            assert max_subarray_sum([3, -10, 4]) == 4
            assert max_subarray_sum([-1, 2]) == 2
            assert max_subarray_sum([4, -1, -1, 4]) == 6
            assert max_subarray_sum([1, -2, 1, -2, 1]) == 1
        """,
        "wrong": [
            {
                "mistake": "starts the best sum at 0, so all-negative input gives 0",
                "code": """
                    def max_subarray_sum(nums):
                        best = current = 0
                        for x in nums:
                            current = max(0, current + x)
                            best = max(best, current)
                        return best
                """,
            },
            {
                "mistake": "returns the largest single element",
                "code": """
                    def max_subarray_sum(nums):
                        return max(nums) if nums else 0
                """,
            },
            {
                "mistake": "adds up all the positive numbers, ignoring contiguity",
                "code": """
                    def max_subarray_sum(nums):
                        return sum(x for x in nums if x > 0)
                """,
            },
        ],
    },
    {
        "task_id": "Demo/16",
        "text": "Write a function chunk(items: list, size: int) -> list[list] that splits items into consecutive "
        "chunks of length size (size >= 1). The last chunk may be shorter; an empty list gives [].",
        "code": """
            def chunk(items, size):
                return [items[i:i + size] for i in range(0, len(items), size)]
        """,
        "setup": "DIGITS = list(range(10))",
        "tests": """
            assert chunk([], 3) == []
            assert chunk([1, 2, 3, 4], 2) == [[1, 2], [3, 4]]
            assert chunk([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]]
            assert chunk([1, 2, 3], 5) == [[1, 2, 3]]
            assert chunk([1, 2, 3], 1) == [[1], [2], [3]]
            assert chunk(["a", "b", "c"], 3) == [["a", "b", "c"]]
            assert chunk([1, 2, 3, 4, 5, 6, 7], 3) == [[1, 2, 3], [4, 5, 6], [7]]
            assert chunk([0], 1) == [[0]]
            assert chunk([1, 1, 1, 1], 2) == [[1, 1], [1, 1]]
            assert chunk(DIGITS, 4) == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]
            assert chunk(DIGITS, 5) == [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]
            assert chunk(DIGITS, 10) == [DIGITS]
            assert chunk([1, 2, 3], 4) == [[1, 2, 3]]
        """,
        "wrong": [
            {
                "mistake": "always appends the remainder, even when it is empty",
                "code": """
                    def chunk(items, size):
                        full = len(items) // size
                        chunks = [items[i * size:(i + 1) * size] for i in range(full)]
                        chunks.append(items[full * size:])
                        return chunks
                """,
            },
            {
                "mistake": "drops the last, shorter chunk",
                "code": """
                    def chunk(items, size):
                        return [items[i:i + size] for i in range(0, len(items) - size + 1, size)]
                """,
            },
            {
                "mistake": "stops one element early, losing a chunk that starts at the last element",
                "code": """
                    def chunk(items, size):
                        return [items[i:i + size] for i in range(0, len(items) - 1, size)]
                """,
            },
        ],
    },
    {
        "task_id": "Demo/17",
        "text": "Write a function caesar_shift(text: str, k: int) -> str that shifts every ASCII letter of text "
        "k places through the alphabet, wrapping around and keeping its case; other characters are unchanged. "
        "k may be negative or larger than 26.",
        "code": """
            def caesar_shift(text, k):
                out = []
                for ch in text:
                    if "a" <= ch <= "z":
                        out.append(chr((ord(ch) - ord("a") + k) % 26 + ord("a")))
                    elif "A" <= ch <= "Z":
                        out.append(chr((ord(ch) - ord("A") + k) % 26 + ord("A")))
                    else:
                        out.append(ch)
                return "".join(out)
        """,
        "tests": """
            assert caesar_shift("abc", 1) == "bcd"
            assert caesar_shift("xyz", 3) == "abc"
            assert caesar_shift("Hello, World!", 5) == "Mjqqt, Btwqi!"
            assert caesar_shift("", 7) == ""
            assert caesar_shift("abc", 0) == "abc"
            assert caesar_shift("bcd", -1) == "abc"
            assert caesar_shift("abc", 26) == "abc"
            assert caesar_shift("abc", 27) == "bcd"
            assert caesar_shift("Zebra", 1) == "Afcsb"
            assert caesar_shift("a1b2", 2) == "c1d2"
            assert caesar_shift("ABC", -3) == "XYZ"
            assert caesar_shift("Mjqqt", -5) == "Hello"
        """,
        "wrong": [
            {
                "mistake": "uses abs(k), so negative shifts go the wrong way",
                "code": """
                    def caesar_shift(text, k):
                        out = []
                        for ch in text:
                            if "a" <= ch <= "z":
                                out.append(chr((ord(ch) - ord("a") + abs(k)) % 26 + ord("a")))
                            elif "A" <= ch <= "Z":
                                out.append(chr((ord(ch) - ord("A") + abs(k)) % 26 + ord("A")))
                            else:
                                out.append(ch)
                        return "".join(out)
                """,
            },
            {
                "mistake": "lower-cases the text, losing capital letters",
                "code": """
                    def caesar_shift(text, k):
                        out = []
                        for ch in text.lower():
                            if "a" <= ch <= "z":
                                out.append(chr((ord(ch) - ord("a") + k) % 26 + ord("a")))
                            else:
                                out.append(ch)
                        return "".join(out)
                """,
            },
            {
                "mistake": "does not wrap around the end of the alphabet",
                "code": """
                    def caesar_shift(text, k):
                        return "".join(chr(ord(ch) + k) if ch.isalpha() else ch for ch in text)
                """,
            },
        ],
    },
    {
        "task_id": "Demo/18",
        "text": "Write a function unique_in_order(items: list) -> list that removes duplicate elements, keeping "
        "the first occurrence of each value and the original order.",
        "code": """
            def unique_in_order(items):
                seen = set()
                result = []
                for item in items:
                    if item not in seen:
                        seen.add(item)
                        result.append(item)
                return result
        """,
        "tests": """
            assert unique_in_order([]) == []
            assert unique_in_order([1]) == [1]
            assert unique_in_order([1, 1, 1]) == [1]
            assert unique_in_order([3, 1, 3, 2, 1]) == [3, 1, 2]
            assert unique_in_order(["b", "a", "b"]) == ["b", "a"]
            assert unique_in_order([1, 2, 3]) == [1, 2, 3]
            assert unique_in_order([2, 2, 1, 1]) == [2, 1]
            assert unique_in_order([5, 4, 3, 2, 1, 5]) == [5, 4, 3, 2, 1]
            assert unique_in_order([-1, 1, -1]) == [-1, 1]
            assert unique_in_order(["x", "X", "x"]) == ["x", "X"]
            assert unique_in_order([1, 2, 1, 2, 1, 2]) == [1, 2]
            assert unique_in_order([4, 4, 9]) == [4, 9]
            assert unique_in_order([7, 8, 7, 8]) == [7, 8]
            assert unique_in_order([2, 1, 1]) == [2, 1]
        """,
        "wrong": [
            {
                "mistake": "keeps the last occurrence of each value instead of the first",
                "code": """
                    def unique_in_order(items):
                        result = []
                        for item in items:
                            if item in result:
                                result.remove(item)
                            result.append(item)
                        return result
                """,
            },
            {
                "mistake": "sorts the values, losing the original order",
                "code": """
                    def unique_in_order(items):
                        return sorted(set(items))
                """,
            },
            {
                "mistake": "only removes consecutive duplicates",
                "code": """
                    def unique_in_order(items):
                        result = []
                        for item in items:
                            if not result or result[-1] != item:
                                result.append(item)
                        return result
                """,
            },
        ],
    },
    {
        "task_id": "Demo/19",
        "text": "Write a function median(nums: list[float]) -> float | None that returns the median of nums as a "
        "float (the mean of the two middle values when the length is even), or None for an empty list. "
        "nums need not be sorted.",
        "code": """
            def median(nums):
                if not nums:
                    return None
                ordered = sorted(nums)
                mid = len(ordered) // 2
                if len(ordered) % 2 == 1:
                    return float(ordered[mid])
                return (ordered[mid - 1] + ordered[mid]) / 2
        """,
        "tests": """
            assert median([]) is None
            assert median([3]) == 3.0
            assert median([1, 2, 3]) == 2.0
            assert median([3, 1, 2]) == 2.0
            assert median([1, 2, 3, 4]) == 2.5
            assert median([4, 1, 3, 2]) == 2.5
            assert median([-5, -1, -3]) == -3.0
            assert median([1, 1, 1, 9]) == 1.0
            assert median([10, 20]) == 15.0
            assert median([2, 2, 3, 3]) == 2.5
            assert median([0.5, 1.5]) == 1.0
            assert median([7, -7]) == 0.0
            assert median([5, 3, 1, 4, 2]) == 3.0
        """,
        "wrong": [
            {
                "mistake": "uses integer division for the mean of the two middle values",
                "code": """
                    def median(nums):
                        if not nums:
                            return None
                        ordered = sorted(nums)
                        mid = len(ordered) // 2
                        if len(ordered) % 2 == 1:
                            return float(ordered[mid])
                        return (ordered[mid - 1] + ordered[mid]) // 2
                """,
            },
            {
                "mistake": "forgets to sort",
                "code": """
                    def median(nums):
                        if not nums:
                            return None
                        mid = len(nums) // 2
                        if len(nums) % 2 == 1:
                            return float(nums[mid])
                        return (nums[mid - 1] + nums[mid]) / 2
                """,
            },
            {
                "mistake": "returns the upper middle value for even lengths",
                "code": """
                    def median(nums):
                        if not nums:
                            return None
                        ordered = sorted(nums)
                        return float(ordered[len(ordered) // 2])
                """,
            },
        ],
    },
    {
        "task_id": "Demo/20",
        "text": "Write a function binary_search(sorted_nums: list[int], target: int) -> int that returns the "
        "index of target in the ascending list of distinct integers sorted_nums, or -1 when it is absent. "
        "Use binary search.",
        "code": """
            def binary_search(sorted_nums, target):
                lo, hi = 0, len(sorted_nums) - 1
                while lo <= hi:
                    mid = (lo + hi) // 2
                    if sorted_nums[mid] == target:
                        return mid
                    if sorted_nums[mid] < target:
                        lo = mid + 1
                    else:
                        hi = mid - 1
                return -1
        """,
        "setup": "EVENS = list(range(0, 40, 2))",
        "tests": """
            assert binary_search([], 1) == -1
            assert binary_search([5], 5) == 0
            assert binary_search([5], 3) == -1
            assert binary_search([1, 3, 5, 7], 1) == 0
            assert binary_search([1, 3, 5, 7], 7) == 3
            assert binary_search([1, 3, 5, 7], 5) == 2
            assert binary_search([1, 3, 5, 7], 4) == -1
            assert binary_search([1, 3, 5, 7], 8) == -1
            assert binary_search([1, 3, 5, 7], 6) == -1
            assert binary_search([-9, -4, 0, 6], -4) == 1
            assert binary_search(EVENS, 38) == 19
            assert binary_search(EVENS, 0) == 0
            assert binary_search(EVENS, 21) == -1
        """,
        "wrong": [
            {
                "mistake": "linear scan that never looks at the last element",
                "code": """
                    def binary_search(sorted_nums, target):
                        for i in range(len(sorted_nums) - 1):
                            if sorted_nums[i] == target:
                                return i
                        return -1
                """,
            },
            {
                "mistake": "loops while lo < hi, so the last remaining candidate is never checked",
                "code": """
                    def binary_search(sorted_nums, target):
                        lo, hi = 0, len(sorted_nums) - 1
                        while lo < hi:
                            mid = (lo + hi) // 2
                            if sorted_nums[mid] == target:
                                return mid
                            if sorted_nums[mid] < target:
                                lo = mid + 1
                            else:
                                hi = mid - 1
                        return -1
                """,
            },
            {
                "mistake": "returns the insertion point instead of -1 when target is absent",
                "code": """
                    def binary_search(sorted_nums, target):
                        lo, hi = 0, len(sorted_nums) - 1
                        while lo <= hi:
                            mid = (lo + hi) // 2
                            if sorted_nums[mid] == target:
                                return mid
                            if sorted_nums[mid] < target:
                                lo = mid + 1
                            else:
                                hi = mid - 1
                        return lo
                """,
            },
        ],
    },
    {
        "task_id": "Demo/21",
        "text": "Write a function pascal_row(n: int) -> list[int] that returns row n (counting from 0) of "
        "Pascal's triangle, so pascal_row(0) == [1] and pascal_row(3) == [1, 3, 3, 1].",
        "code": """
            def pascal_row(n):
                row = [1]
                for k in range(1, n + 1):
                    row.append(row[-1] * (n - k + 1) // k)
                return row
        """,
        "tests": """
            assert pascal_row(0) == [1]
            assert pascal_row(1) == [1, 1]
            assert pascal_row(2) == [1, 2, 1]
            assert pascal_row(3) == [1, 3, 3, 1]
            assert pascal_row(4) == [1, 4, 6, 4, 1]
            assert pascal_row(5) == [1, 5, 10, 10, 5, 1]
            assert pascal_row(6) == [1, 6, 15, 20, 15, 6, 1]
            assert pascal_row(10) == [1, 10, 45, 120, 210, 252, 210, 120, 45, 10, 1]
            assert len(pascal_row(20)) == 21
            assert sum(pascal_row(12)) == 4096
            assert pascal_row(7)[3] == 35
        """,
        "wrong": [
            {
                "mistake": "divides before multiplying, so integer division rounds some entries down",
                "code": """
                    def pascal_row(n):
                        row = [1]
                        for k in range(1, n + 1):
                            row.append(row[-1] // k * (n - k + 1))
                        return row
                """,
            },
            {
                "mistake": "reads the digits of 11 ** n, which only works for n <= 4",
                "code": """
                    def pascal_row(n):
                        return [int(d) for d in str(11 ** n)]
                """,
            },
            {
                "mistake": "builds one row too few (off by one)",
                "code": """
                    def pascal_row(n):
                        row = [1]
                        for _ in range(n - 1):
                            row = [1] + [row[i] + row[i + 1] for i in range(len(row) - 1)] + [1]
                        return row
                """,
            },
        ],
    },
    {
        "task_id": "Demo/22",
        "text": "Write a function format_seconds(total: int) -> str that formats a non-negative number of seconds "
        "as \"H:MM:SS\": hours without padding (they may exceed 24), minutes and seconds as two digits.",
        "code": """
            def format_seconds(total):
                hours, rest = divmod(total, 3600)
                minutes, seconds = divmod(rest, 60)
                return f"{hours}:{minutes:02d}:{seconds:02d}"
        """,
        "tests": """
            assert format_seconds(0) == "0:00:00"
            assert format_seconds(59) == "0:00:59"
            assert format_seconds(60) == "0:01:00"
            assert format_seconds(61) == "0:01:01"
            assert format_seconds(3599) == "0:59:59"
            assert format_seconds(3600) == "1:00:00"
            assert format_seconds(3661) == "1:01:01"
            assert format_seconds(86399) == "23:59:59"
            assert format_seconds(86400) == "24:00:00"
            assert format_seconds(90061) == "25:01:01"
            assert format_seconds(7325) == "2:02:05"
        """,
        "wrong": [
            {
                "mistake": "wraps hours at 24 as if it were a clock time",
                "code": """
                    def format_seconds(total):
                        hours, rest = divmod(total, 3600)
                        minutes, seconds = divmod(rest, 60)
                        return f"{hours % 24}:{minutes:02d}:{seconds:02d}"
                """,
            },
            {
                "mistake": "computes minutes as total // 60 without taking the remainder of the hour",
                "code": """
                    def format_seconds(total):
                        hours = total // 3600
                        minutes = total // 60
                        seconds = total % 60
                        return f"{hours}:{minutes:02d}:{seconds:02d}"
                """,
            },
            {
                "mistake": "does not zero-pad minutes and seconds",
                "code": """
                    def format_seconds(total):
                        hours, rest = divmod(total, 3600)
                        minutes, seconds = divmod(rest, 60)
                        return f"{hours}:{minutes}:{seconds}"
                """,
            },
        ],
    },
    {
        "task_id": "Demo/23",
        "text": "Write a function overlap_length(a: tuple[int, int], b: tuple[int, int]) -> int that returns the "
        "length of the overlap of the intervals a = (start, end) and b = (start, end), each with start <= end. "
        "Disjoint or merely touching intervals overlap by 0.",
        "code": """
            def overlap_length(a, b):
                return max(0, min(a[1], b[1]) - max(a[0], b[0]))
        """,
        "tests": """
            assert overlap_length((0, 5), (3, 8)) == 2
            assert overlap_length((0, 5), (5, 8)) == 0
            assert overlap_length((0, 5), (6, 8)) == 0
            assert overlap_length((3, 8), (0, 5)) == 2
            assert overlap_length((0, 10), (2, 3)) == 1
            assert overlap_length((2, 3), (0, 10)) == 1
            assert overlap_length((-5, -1), (-3, 4)) == 2
            assert overlap_length((1, 1), (0, 2)) == 0
            assert overlap_length((0, 4), (0, 4)) == 4
            assert overlap_length((-10, -5), (-20, -15)) == 0
            assert overlap_length((7, 9), (1, 2)) == 0
            assert overlap_length((-3, 3), (-1, 1)) == 2
        """,
        "wrong": [
            {
                "mistake": "does not clamp at 0, so disjoint intervals give negative lengths",
                "code": """
                    def overlap_length(a, b):
                        return min(a[1], b[1]) - max(a[0], b[0])
                """,
            },
            {
                "mistake": "assumes a starts before b",
                "code": """
                    def overlap_length(a, b):
                        return max(0, min(a[1], b[1]) - b[0])
                """,
            },
            {
                "mistake": "counts integer points (off by one) instead of length",
                "code": """
                    def overlap_length(a, b):
                        return max(0, min(a[1], b[1]) - max(a[0], b[0]) + 1)
                """,
            },
        ],
    },
]
