"""Which statements of a module or class body apply, the way a type checker decides it.

The reader runs under the interpreter the wrappers will call, so `sys.version_info` and
`sys.platform` tests are evaluated against this very interpreter; `TYPE_CHECKING` is true (a
reader of annotations is a type checker). Part of read_signatures.py (helper module).
"""

import ast
import operator
import sys

from signatures_annotations import unparse

COMPARISONS = {
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
}

TYPE_CHECKING_NAMES = frozenset(("TYPE_CHECKING", "typing.TYPE_CHECKING", "typing_extensions.TYPE_CHECKING"))

IMPORT_ERRORS = frozenset(("ImportError", "ModuleNotFoundError", "builtins.ImportError", "builtins.ModuleNotFoundError"))

DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


class Walk:
    """The statements that apply, in order, plus what was left out and why.

    statements: (statement, fallback) pairs; fallback is True for statements of an
    `except ImportError:` handler, which only count where the `try` body did not define the name.
    skipped: definitions left out because a condition could not be understood (a drop to report).
    inactive: definitions of branches that do not apply to this interpreter (correct, low noise).
    """

    def __init__(self):
        self.statements = []
        self.skipped = []
        self.inactive = []


def applicable(body, dotted_name, prefix=""):
    """Walks a module or class body; dotted_name(node) resolves names through the module's imports."""
    walk = Walk()
    collect(body, dotted_name, prefix, walk, False)
    return walk


def collect(body, dotted_name, prefix, walk, fallback):
    for statement in body:
        if isinstance(statement, ast.If):
            collect_if(statement, dotted_name, prefix, walk, fallback)
        elif isinstance(statement, ast.Try):
            collect_try(statement, dotted_name, prefix, walk, fallback)
        else:
            walk.statements.append((statement, fallback))


def collect_if(statement, dotted_name, prefix, walk, fallback):
    value = evaluate(statement.test, dotted_name)
    condition = unparse(statement.test)
    if value is None:
        # Like a checker that cannot decide: read the first branch, and say what the others held.
        collect(statement.body, dotted_name, prefix, walk, fallback)
        reason = "it is in the 'else'/'elif' branch of the condition '{}' (line {}), which the reader cannot evaluate; only the first branch is read".format(
            condition, statement.lineno)
        note_definitions(statement.orelse, prefix, reason, walk.skipped)
    elif value:
        collect(statement.body, dotted_name, prefix, walk, fallback)
        note_definitions(statement.orelse, prefix, "the condition '{}' (line {}) is true here".format(condition, statement.lineno), walk.inactive)
    else:
        note_definitions(statement.body, prefix, "the condition '{}' (line {}) is false here".format(condition, statement.lineno), walk.inactive)
        collect(statement.orelse, dotted_name, prefix, walk, fallback)


def collect_try(statement, dotted_name, prefix, walk, fallback):
    # The try body is what a checker reads; an ImportError handler is the fallback for names it lacks.
    collect(statement.body, dotted_name, prefix, walk, fallback)
    for handler in statement.handlers:
        if catches_import_error(handler.type, dotted_name):
            collect(handler.body, dotted_name, prefix, walk, True)
    collect(statement.orelse, dotted_name, prefix, walk, fallback)
    collect(statement.finalbody, dotted_name, prefix, walk, fallback)


def catches_import_error(node, dotted_name):
    if node is None:
        return False
    elements = node.elts if isinstance(node, ast.Tuple) else [node]
    return any(dotted_name(element) in IMPORT_ERRORS for element in elements)


def note_definitions(body, prefix, reason, into):
    """Every def/class of a branch (nested branches too), for skipped or inactive."""
    for statement in body:
        if isinstance(statement, DEFINITIONS):
            if is_public(statement.name):
                into.append({"name": prefix + statement.name, "line": statement.lineno, "column": statement.col_offset + 1, "reason": reason})
        elif isinstance(statement, ast.If):
            note_definitions(statement.body + statement.orelse, prefix, reason, into)
        elif isinstance(statement, ast.Try):
            note_definitions(statement.body + statement.orelse + statement.finalbody, prefix, reason, into)
            for handler in statement.handlers:
                note_definitions(handler.body, prefix, reason, into)


def is_public(name):
    # Dunder methods (__init__, __call__) are public API; _private ones are not reported.
    return not name.startswith("_") or (name.startswith("__") and name.endswith("__"))


# ---- evaluating a test --------------------------------------------------------------------------

def evaluate(test, dotted_name):
    """True, False, or None when the test is not one a type checker evaluates."""
    if isinstance(test, ast.BoolOp):
        return evaluate_bool(test, dotted_name)
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        value = evaluate(test.operand, dotted_name)
        return None if value is None else not value
    if isinstance(test, ast.Constant) and isinstance(test.value, (bool, int)):
        return bool(test.value)
    if isinstance(test, (ast.Name, ast.Attribute)) and dotted_name(test) in TYPE_CHECKING_NAMES:
        return True
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        return evaluate_comparison(test.left, test.ops[0], test.comparators[0], dotted_name)
    if isinstance(test, ast.Call):
        return evaluate_platform_call(test, dotted_name)
    return None


def evaluate_bool(test, dotted_name):
    # Three-valued: an unknown operand only matters when the known ones do not decide.
    values = [evaluate(v, dotted_name) for v in test.values]
    decisive = isinstance(test.op, ast.Or)
    if decisive in values:
        return decisive
    if None in values:
        return None
    return not decisive


def evaluate_comparison(left, op, right, dotted_name):
    compare = COMPARISONS.get(type(op))
    if compare is None:
        return None
    version = version_operand(left, dotted_name)
    if version is not None:
        expected = int_tuple(right)
        if expected is None:
            return None
        if isinstance(version, int):
            return compare(version, expected[0]) if len(expected) == 1 and not isinstance(right, ast.Tuple) else None
        # Checkers compare only as many parts as the tuple gives: (3, 10) means 3.10.x.
        return compare(tuple(version[:len(expected)]), expected)
    if dotted_name(left) == "sys.platform" and isinstance(op, (ast.Eq, ast.NotEq)):
        if isinstance(right, ast.Constant) and isinstance(right.value, str):
            return compare(sys.platform, right.value)
    return None


def version_operand(node, dotted_name):
    """sys.version_info (a tuple), sys.version_info[0] (an int) or sys.version_info[:2]; else None."""
    if isinstance(node, (ast.Name, ast.Attribute)) and dotted_name(node) == "sys.version_info":
        return tuple(sys.version_info[:3])
    if isinstance(node, ast.Subscript) and dotted_name(node.value) == "sys.version_info":
        index = node.slice
        if hasattr(ast, "Index") and isinstance(index, getattr(ast, "Index")):
            index = index.value
        if isinstance(index, ast.Constant) and isinstance(index.value, int) and 0 <= index.value < 3:
            return sys.version_info[index.value]
        if isinstance(index, ast.Slice) and index.lower is None and index.step is None and isinstance(index.upper, ast.Constant):
            if isinstance(index.upper.value, int):
                return tuple(sys.version_info[:index.upper.value])
    return None


def int_tuple(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return (node.value,)
    if isinstance(node, ast.Tuple) and node.elts:
        values = []
        for element in node.elts:
            if not (isinstance(element, ast.Constant) and isinstance(element.value, int) and not isinstance(element.value, bool)):
                return None
            values.append(element.value)
        return tuple(values)
    return None


def evaluate_platform_call(call, dotted_name):
    """sys.platform.startswith("win")"""
    function = call.func
    if not (isinstance(function, ast.Attribute) and function.attr == "startswith" and dotted_name(function.value) == "sys.platform"):
        return None
    if len(call.args) != 1 or call.keywords:
        return None
    prefix = call.args[0]
    if isinstance(prefix, ast.Constant) and isinstance(prefix.value, str):
        return sys.platform.startswith(prefix.value)
    return None
