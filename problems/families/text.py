"""Words for statements: names, places, objects, and the many ways Codeforces phrases the same input line.

Every helper takes the instance's `rng`, so the same seed gives the same statement. Families use these so that
one family's instances read differently (stories, names, phrasing, number formats) while saying the same thing;
a model trained on them has to read the statement, not match one string.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

NAMES = ("Alice", "Bob", "Monocarp", "Polycarp", "Vasya", "Petya", "Masha", "Dasha", "Timur", "Nastya", "Kirill",
         "Olya", "Igor", "Lena", "Artem", "Sasha", "Gleb", "Vika", "Roma", "Anya", "Denis", "Katya", "Misha",
         "Zhenya", "Luba", "Oleg", "Tanya", "Fedor", "Nikita", "Yaroslav")  # fmt: skip
PLACES = ("Berland", "Bertown", "Byteland", "the Kingdom of Flatland", "Codeville", "Treeland", "Bitland",
          "the city of Algorithmia", "a small village", "the Summer Informatics School")  # fmt: skip


def pick(rng: random.Random, options: Sequence[str]) -> str:
    return options[rng.randrange(len(options))]


def name(rng: random.Random, avoid: Sequence[str] = ()) -> str:
    """A hero's name, different from those in `avoid`."""
    return pick(rng, [n for n in NAMES if n not in avoid])


def place(rng: random.Random) -> str:
    return pick(rng, PLACES)


def number(rng: random.Random, value: int) -> str:
    """A constraint bound the way statements write it: 200000 as "2 ⋅ 10^5", "2·10^5", "200 000" or
    "200000"; powers of ten as "10^9". Values below 10^4 are written plainly."""
    if value < 10_000:
        return str(value)
    exponent, mantissa = 0, value
    while mantissa % 10 == 0:
        mantissa //= 10
        exponent += 1
    styles = [str(value), f"{value:,}".replace(",", " ")]
    if mantissa < 10 and exponent >= 4:
        power = f"10^{{{exponent}}}" if rng.random() < 0.3 else f"10^{exponent}"
        styles += [power if mantissa == 1 else f"{mantissa} ⋅ {power}", power if mantissa == 1 else f"{mantissa}·{power}"]
        styles += styles[2:]  # the power form is the common one
    return pick(rng, styles)


def bounds(rng: random.Random, var: str, lo: int, hi: int) -> str:
    """"1 ≤ n ≤ 2 ⋅ 10^5" in one of its usual spellings."""
    le = pick(rng, ("≤", "≤", "<="))
    return f"{number(rng, lo) if lo >= 0 else '-' + number(rng, -lo)} {le} {var} {le} {number(rng, hi)}"


def first_line(rng: random.Random) -> str:
    return pick(rng, ("The first line contains", "The first line of the input contains", "The first line has",
                      "In the first line you are given", "The first line of input contains"))  # fmt: skip


def second_line(rng: random.Random) -> str:
    return pick(rng, ("The second line contains", "The second line has", "The next line contains",
                      "The second line of the input contains", "In the second line you are given"))  # fmt: skip


def only_line(rng: random.Random) -> str:
    return pick(rng, ("The only line contains", "The only line of the input contains", "The input consists of one "
                      "line containing", "The single line contains", "The first and only line contains"))  # fmt: skip


def integer(rng: random.Random, var: str) -> str:
    """"a single integer n" and its variants."""
    return pick(rng, (f"a single integer {var}", f"one integer {var}", f"an integer {var}",
                      f"the integer {var}", f"a positive integer {var}"))  # fmt: skip


def integers(rng: random.Random, names: Sequence[str]) -> str:
    """"two integers n and k" and variants."""
    count = {2: "two", 3: "three", 4: "four"}.get(len(names), str(len(names)))
    listed = ", ".join(f"{v}" for v in names[:-1]) + f" and {names[-1]}"
    return pick(rng, (f"{count} integers {listed}", f"{count} space-separated integers {listed}",
                      f"integers {listed}"))  # fmt: skip


def sequence(rng: random.Random, var: str, length: str) -> str:
    """"n integers a_1, a_2, …, a_n" and variants."""
    return pick(rng, (f"{length} integers {var}_1, {var}_2, \\ldots, {var}_{length}",
                      f"{length} integers {var}_1, {var}_2, …, {var}_{length}",
                      f"{length} space-separated integers {var}_1, {var}_2, \\dots, {var}_{length}",
                      f"the sequence {var}_1, {var}_2, \\ldots, {var}_{length} of {length} integers"))  # fmt: skip


def print_verb(rng: random.Random) -> str:
    return pick(rng, ("Print", "Output", "Print", "Write"))


def single_integer(rng: random.Random) -> str:
    return pick(rng, ("a single integer", "one integer", "one number", "a single number", "the integer"))


def yes_no(rng: random.Random) -> tuple[str, str, str]:
    """(yes word, no word, the sentence about letter case). Judging compares words case-insensitively, so the
    spelling is a free parameter, not a code switch."""
    yes, no = pick(rng, (("YES", "NO"), ("Yes", "No"), ("yes", "no")))
    case = pick(rng, ("You can output the answer in any case (upper or lower).",
                      f"You may print each letter in any case (for example, \"{yes.lower()}\", \"{yes.upper()}\" "
                      f"and \"{yes.capitalize()}\" will all be accepted).", ""))  # fmt: skip
    return yes, no, case


def multi_test_intro(rng: random.Random, t_max: int) -> str:
    """The first line of a multi-test input."""
    return pick(rng, (f"The first line contains a single integer t (1 ≤ t ≤ {number(rng, t_max)}) — the number "
                      "of test cases.",
                      f"The first line contains one integer t ({bounds(rng, 't', 1, t_max)}) — the "
                      "number of test cases. Then t test cases follow.",
                      f"Each test contains multiple test cases. The first line contains the number of test cases t"
                      f" (1 ≤ t ≤ {number(rng, t_max)}). The description of the test cases follows."))  # fmt: skip


def sum_constraint(rng: random.Random, var: str, total: int) -> str:
    return pick(rng, (f"It is guaranteed that the sum of {var} over all test cases does not exceed "
                      f"{number(rng, total)}.",
                      f"The sum of {var} over all test cases does not exceed {number(rng, total)}."))  # fmt: skip
