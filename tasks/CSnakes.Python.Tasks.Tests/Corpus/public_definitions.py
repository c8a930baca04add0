"""Lists the public definitions of stub/source modules that apply to the running interpreter.

Written independently of the generator's reader on purpose: it is the yardstick the corpus tests hold
the generator's output against, so it must not share the reader's mistakes.

Usage: python -I public_definitions.py <root> [<VERSIONS file>]
Prints one JSON document: a list of {"module", "file", "kind", "owner", "name", "line", "conditional"} where
kind is "function", "class", "method" or "nested_class" (owner is the enclosing class for the last two) and
conditional says the definition (or its class) sits under an `if` or `try` of the stub.

Conditions are evaluated the way mypy does for stubs: `sys.version_info` comparisons against this
interpreter, `sys.platform` tests (==, !=, startswith) against this platform, `TYPE_CHECKING` is true.
A condition it cannot decide counts as "both branches may apply"; so do `try`/`except ImportError`.
"""
import ast
import json
import os
import sys

UNKNOWN = object()


def is_sys_attr(node, attr):
    return (isinstance(node, ast.Attribute) and node.attr == attr
            and isinstance(node.value, ast.Name) and node.value.id == "sys")


def version_value(node):
    """sys.version_info, sys.version_info[:n] or sys.version_info[i] -> a comparable value, else UNKNOWN."""
    if is_sys_attr(node, "version_info"):
        return tuple(sys.version_info)
    if isinstance(node, ast.Subscript) and is_sys_attr(node.value, "version_info"):
        index = node.slice
        if isinstance(index, ast.Constant) and isinstance(index.value, int):
            return sys.version_info[index.value]
        if isinstance(index, ast.Slice) and index.lower is None and index.step is None \
                and isinstance(index.upper, ast.Constant):
            return tuple(sys.version_info)[:index.upper.value]
    return UNKNOWN


def literal(node):
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, RecursionError):
        return UNKNOWN


COMPARE = {
    ast.Lt: lambda a, b: a < b, ast.LtE: lambda a, b: a <= b, ast.Gt: lambda a, b: a > b,
    ast.GtE: lambda a, b: a >= b, ast.Eq: lambda a, b: a == b, ast.NotEq: lambda a, b: a != b,
}


def evaluate(node):
    """True, False or UNKNOWN for an `if` test."""
    if isinstance(node, ast.BoolOp):
        values = [evaluate(v) for v in node.values]
        if isinstance(node.op, ast.And):
            if any(v is False for v in values):
                return False
            return True if all(v is True for v in values) else UNKNOWN
        if any(v is True for v in values):
            return True
        return False if all(v is False for v in values) else UNKNOWN
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        value = evaluate(node.operand)
        return UNKNOWN if value is UNKNOWN else not value
    if isinstance(node, ast.Name) and node.id == "TYPE_CHECKING":
        return True
    if isinstance(node, ast.Attribute) and node.attr == "TYPE_CHECKING":
        return True
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in COMPARE:
        left, right = node.left, node.comparators[0]
        if is_sys_attr(left, "platform"):
            value, other = sys.platform, literal(right)
        else:
            value, other = version_value(left), literal(right)
        if value is UNKNOWN or other is UNKNOWN:
            return UNKNOWN
        try:
            return COMPARE[type(node.ops[0])](value, other)
        except TypeError:
            return UNKNOWN
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "startswith" \
            and is_sys_attr(node.func.value, "platform") and len(node.args) == 1:
        prefix = literal(node.args[0])
        return sys.platform.startswith(prefix) if isinstance(prefix, (str, tuple)) else UNKNOWN
    return UNKNOWN


def catches_import_error(handler):
    names = []
    kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    for kind in kinds:
        if isinstance(kind, ast.Name):
            names.append(kind.id)
        elif isinstance(kind, ast.Attribute):
            names.append(kind.attr)
    return handler.type is None or any(n in ("ImportError", "ModuleNotFoundError") for n in names)


def applicable(body, nested=False):
    """(statement, under an if/try?) for the statements of a block that apply here, flattening if/try the
    way a type checker would."""
    for statement in body:
        if isinstance(statement, ast.If):
            value = evaluate(statement.test)
            if value is not False:
                yield from applicable(statement.body, True)
            if value is not True:
                yield from applicable(statement.orelse, True)
        elif isinstance(statement, ast.Try):
            yield from applicable(statement.body, True)
            for handler in statement.handlers:
                if catches_import_error(handler):
                    yield from applicable(handler.body, True)
            yield from applicable(statement.orelse, True)
            yield from applicable(statement.finalbody, True)
        else:
            yield statement, nested


def public(name):
    return not name.startswith("_")


def definitions(module, relative, tree):
    seen = set()

    def emit(kind, owner, name, line, conditional):
        key = (kind, owner, name)
        if key not in seen:  # @overload repeats a def; it is one definition
            seen.add(key)
            yield {"module": module, "file": relative, "kind": kind, "owner": owner, "name": name, "line": line,
                   "conditional": conditional}

    for node, conditional in applicable(tree.body):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and public(node.name):
            yield from emit("function", None, node.name, node.lineno, conditional)
        elif isinstance(node, ast.ClassDef) and public(node.name):
            yield from emit("class", None, node.name, node.lineno, conditional)
            for member, member_conditional in applicable(node.body):
                if isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef)) and public(member.name):
                    yield from emit("method", node.name, member.name, member.lineno, conditional or member_conditional)
                elif isinstance(member, ast.ClassDef) and public(member.name):
                    yield from emit("nested_class", node.name, member.name, member.lineno, conditional or member_conditional)


def parse_versions(path):
    ranges = {}
    if path:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.split("#", 1)[0].strip()
                if not line:
                    continue
                module, span = (part.strip() for part in line.split(":", 1))
                low, _, high = span.partition("-")
                ranges[module] = (tuple(map(int, low.split("."))), tuple(map(int, high.split("."))) if high else None)
    return ranges


def available(module, ranges):
    """VERSIONS lists a module or, for a submodule not listed, its nearest listed parent."""
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        span = ranges.get(".".join(parts[:n]))
        if span is not None:
            low, high = span
            here = tuple(sys.version_info)[:2]
            return here >= low and (high is None or here <= high)
    return True


def module_name(relative):
    parts = relative[:-len(".pyi")].split(os.sep) if relative.endswith(".pyi") else relative[:-len(".py")].split(os.sep)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def main():
    root = sys.argv[1]
    ranges = parse_versions(sys.argv[2] if len(sys.argv) > 2 else None)
    found = []
    for directory, subdirectories, files in os.walk(root):
        subdirectories.sort()
        for file in sorted(files):
            if not file.endswith((".py", ".pyi")):
                continue
            relative = os.path.relpath(os.path.join(directory, file), root)
            module = module_name(relative)
            if not module or not all(public(part) for part in module.split(".")) or not available(module, ranges):
                continue
            with open(os.path.join(directory, file), "rb") as f:
                tree = ast.parse(f.read(), filename=relative)
            found.extend(definitions(module, relative.replace(os.sep, "/"), tree))
    json.dump(found, sys.stdout, indent=0)


if __name__ == "__main__":
    main()
