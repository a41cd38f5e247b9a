"""Equations as data: pieces the page typesets with MathML, and the same equation as plain text.

An equation is a list of pieces. Each piece is a short list that the page turns into one
MathML element, so no markup is ever built from text:

    ["mi", "x"]        a name             ["mo", "+"]          an operator
    ["mn", "0.435"]    a number           ["mtext", "accepted"] words
    ["mfrac", top, bottom]    ["msqrt", inside]    ["msup", base, exponent]    ["msub", base, index]

where top, bottom, inside, base, exponent and index are lists of pieces. The plain text of
the same equation is what a screen reader reads (the page puts it in an aria-label) and
what the tests compare. Every number is formatted here, once, so the page shows Python's
digits: 3 decimals (at least 3 significant digits), or a power of ten for very small and very
large numbers.
"""

import math

Piece = list
# Operators written with a space on each side in the plain text.
SPACED = {"=", "+", "−", "×", ">", "≤", "→", "/"}


def name(text: str) -> Piece:
    """A variable by its name in the code; ``slope_a`` is typeset as slope with a subscript a."""
    base, _, index = text.rpartition("_")
    if index in ("a", "b") and base:
        return ["msub", [["mi", base]], [["mi", index]]]
    return ["mi", text]


def op(symbol: str) -> Piece:
    """An operator, a bracket or a comma: = + − × ( ) , > ≤."""
    return ["mo", symbol]


def words(text: str) -> Piece:
    """Words inside an equation, such as ": accepted"."""
    return ["mtext", text]


def frac(top: list, bottom: list) -> Piece:
    """top over bottom, as a fraction."""
    return ["mfrac", _flat(top), _flat(bottom)]


def root(inside: list) -> Piece:
    """The square root of inside."""
    return ["msqrt", _flat(inside)]


def power(base: list, exponent: list) -> Piece:
    """base raised to exponent."""
    return ["msup", _flat(base), _flat(exponent)]


def number(value: float) -> list[Piece]:
    """A computed number: 3 decimals, at least 3 significant digits, m × 10^e when tiny or huge."""
    if not math.isfinite(value):
        return [["mn", "not a number" if math.isnan(value) else ("−∞" if value < 0 else "∞")]]
    if value == 0 or 0.1 <= abs(value) < 1e6:
        return [["mn", _minus(f"{value:.3f}")]]
    if 0.001 <= abs(value) < 0.1:  # at least 3 significant digits: 0.0435, 0.00773
        return [["mn", _minus(f"{value:.{2 - math.floor(math.log10(abs(value)))}f}")]]
    return _scientific(value, "{:.2f}")


def setting(value: float) -> list[Piece]:
    """A setting as the learner chose it: 0.1 stays 0.1, 1e-08 becomes 10^−8."""
    if value == 0 or 0.001 <= abs(value) < 1e6:
        return [["mn", _minus(f"{value:g}")]]
    return _scientific(value, "{:g}")


def term(pieces: list[Piece]) -> list[Piece]:
    """A number that follows an operator: in brackets when negative or written with a power of ten."""
    if len(pieces) > 1 or (pieces[0][0] == "mn" and pieces[0][1].startswith("−")):
        return [op("("), *pieces, op(")")]
    return pieces


def equation(*parts) -> dict:
    """An equation from pieces and lists of pieces: ``{"math": pieces, "text": plain text}``."""
    pieces = []
    for piece in _flat(parts):
        if pieces and piece[0] == pieces[-1][0] == "mtext":  # words next to words: one run of text
            pieces[-1] = ["mtext", pieces[-1][1] + piece[1]]
        else:
            pieces.append(piece)
    return {"math": pieces, "text": plain(pieces)}


def plain(pieces: list[Piece]) -> str:
    """The plain text of pieces, as a screen reader should read them."""
    text = ""
    for piece in pieces:
        kind, *content = piece
        if kind == "mo" and content[0] in SPACED:
            text = text.rstrip() + f" {content[0]} "
        elif kind == "mo" and content[0] == ",":
            text += ", "
        elif kind in ("mi", "mn", "mo", "mtext"):
            text += content[0]
        elif kind == "mfrac":
            text += f"{_grouped(content[0])} / {_grouped(content[1])}"
        elif kind == "msqrt":
            text += f"√{_grouped(content[0])}"
        elif kind == "msup":
            text += f"{_grouped(content[0])}^{_grouped(content[1])}"
        else:  # msub
            text += f"{plain(content[0])}_{plain(content[1])}"
    return text.strip()


def _grouped(pieces: list[Piece]) -> str:
    text = plain(pieces)
    single = len(pieces) == 1 and pieces[0][0] in ("mi", "mn", "msub")
    return text if single or _one_bracket(pieces) else f"({text})"


def _one_bracket(pieces: list[Piece]) -> bool:
    """Whether the pieces are one group in brackets, "(−2.000)", and not "(1) + (2)"."""
    depth = 0
    for i, piece in enumerate(pieces):
        depth += {"(": 1, ")": -1}.get(piece[1], 0) if piece[0] == "mo" else 0
        if depth == 0:
            return i == len(pieces) - 1 and i > 0
    return False


def _flat(parts) -> list[Piece]:
    """Pieces from a mix of pieces and lists of pieces."""
    pieces = []
    for part in parts:
        if part and isinstance(part[0], str):
            pieces.append(part)
        else:
            pieces.extend(_flat(part))
    return pieces


def _minus(text: str) -> str:
    """A typeset minus sign (−) instead of a hyphen; no "−0.000"."""
    if text.startswith("-"):
        text = text[1:] if float(text) == 0 else "−" + text[1:]
    return text


def _scientific(value: float, mantissa_format: str) -> list[Piece]:
    exponent = math.floor(math.log10(abs(value)))
    mantissa = value / 10 ** exponent
    if round(abs(mantissa), 2) >= 10:  # 9.999 rounds up to 10.00: write 1.00 × 10^(e+1)
        mantissa, exponent = mantissa / 10, exponent + 1
    ten = power([["mn", "10"]], [["mn", _minus(str(exponent))]])
    shown = _minus(mantissa_format.format(mantissa))
    return [ten] if shown == "1" else [["mn", shown], op("×"), ten]
