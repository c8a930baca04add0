"""Reads the module-level functions of Python source files with `ast` and prints them as JSON.

Run as `python -I read_signatures.py [file ...]`; with no arguments, a JSON list of paths is read
from stdin. Nothing from the files is imported or executed: they are only parsed. Works on
Python 3.9 to 3.13 (ast.unparse arrived in 3.9).

The output is ASCII JSON on stdout:
{"version": 1, "files": [{"path": ..., "error": {...}} | {"path": ..., "docstring": ..., "functions": [...], "enums": [...], "records": [...], "classes": [...]}]}
The C# side (Signatures/SignatureReport.cs) mirrors this shape.
"""

import ast
import io
import json
import re
import sys
import tokenize
import typing

FORMAT_VERSION = 1
IGNORE_COMMENT = re.compile(r"#\s*csharp\s*:\s*ignore\b", re.IGNORECASE)

# Names that user code may write unqualified after `from typing import *`.
TYPING_STAR_NAMES = frozenset(getattr(typing, "__all__", ()))

ANNOTATED_NAMES = frozenset(("typing.Annotated", "typing_extensions.Annotated"))

LITERAL_NAMES = frozenset(("typing.Literal", "typing_extensions.Literal"))

ENUM_BASES = frozenset(("enum.Enum", "enum.IntEnum", "enum.StrEnum", "enum.Flag", "enum.IntFlag"))

DATACLASS_DECORATORS = frozenset(("dataclasses.dataclass",))
# TypedDict key markers: whether the wrapped key must be present.
REQUIRED_MARKERS = {
    "typing.NotRequired": False,
    "typing_extensions.NotRequired": False,
    "typing.Required": True,
    "typing_extensions.Required": True,
}

RECORD_BASES = {
    "typing.NamedTuple": "namedtuple",
    "typing_extensions.NamedTuple": "namedtuple",
    "typing.TypedDict": "typeddict",
    "typing_extensions.TypedDict": "typeddict",
}

PARAMETER_KINDS = (
    "positional_only",
    "positional_or_keyword",
    "var_positional",
    "keyword_only",
    "var_keyword",
)


def main():
    paths = sys.argv[1:]
    if not paths:
        paths = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    result = {"version": FORMAT_VERSION, "files": [read_file(path) for path in paths]}
    # ensure_ascii keeps the output independent of the console encoding (-I ignores PYTHONIOENCODING).
    sys.stdout.buffer.write(json.dumps(result, ensure_ascii=True, sort_keys=True).encode("ascii"))
    sys.stdout.buffer.write(b"\n")
    sys.stdout.flush()


def read_file(path):
    try:
        with open(path, "rb") as stream:
            source = stream.read()
    except OSError as error:
        return {"path": path, "error": {"message": "cannot read the file: " + str(error), "line": 0, "column": 0}}

    try:
        # Bytes, so ast applies PEP 263 (coding cookie, BOM) itself; a bad byte is a SyntaxError.
        tree = ast.parse(source, filename=path, type_comments=False)
    except SyntaxError as error:
        return {"path": path, "error": syntax_error(error)}
    except (ValueError, UnicodeError) as error:
        # Before 3.12 a NUL byte raises ValueError; decoding problems may surface as UnicodeError.
        return {"path": path, "error": {"message": str(error), "line": 0, "column": 0}}

    aliases = collect_aliases(tree)
    ignored_lines = find_ignored_lines(source)
    functions = []
    enums = []
    records = []
    classes = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            functions.append(describe_function(node, aliases, ignored_lines))
        elif isinstance(node, ast.ClassDef):
            enum = describe_enum(node, aliases)
            if enum is not None:
                enums.append(enum)
            record = describe_record(node, aliases, {r["name"]: r for r in records})
            if record is not None:
                records.append(record)
            if enum is None and record is None:
                classes.append(describe_class(node, aliases, ignored_lines))
    return {
        "path": path,
        "docstring": ast.get_docstring(tree),
        "functions": functions,
        "enums": enums,
        "records": records,
        "classes": classes,
    }


def syntax_error(error):
    message = error.msg or "invalid syntax"
    return {"message": message, "line": error.lineno or 0, "column": error.offset or 0}


def find_ignored_lines(source):
    """Lines that carry a `# csharp: ignore` comment (a real comment token, not text in a string)."""
    lines = set()
    try:
        for token in tokenize.tokenize(io.BytesIO(source).readline):
            if token.type == tokenize.COMMENT and IGNORE_COMMENT.search(token.string):
                lines.add(token.start[0])
    except (tokenize.TokenError, SyntaxError, UnicodeError, ValueError):
        pass
    return lines


# ---- names ---------------------------------------------------------------------------------

def collect_aliases(tree):
    """Maps each name bound by an import anywhere at module level (also under if/try) to its dotted origin."""
    aliases = {}
    star_typing = False
    for node in walk_module_level(tree.body):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    aliases[alias.asname] = alias.name
                else:
                    root = alias.name.split(".")[0]
                    aliases[root] = root
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                if alias.name == "*":
                    star_typing = star_typing or node.module in ("typing", "typing_extensions")
                else:
                    aliases[alias.asname or alias.name] = node.module + "." + alias.name
    if star_typing:
        for name in TYPING_STAR_NAMES:
            aliases.setdefault(name, "typing." + name)
    return aliases


def walk_module_level(statements):
    for node in statements:
        yield node
        if isinstance(node, ast.If):
            yield from walk_module_level(node.body)
            yield from walk_module_level(node.orelse)
        elif isinstance(node, ast.Try):
            yield from walk_module_level(node.body)
            for handler in node.handlers:
                yield from walk_module_level(handler.body)
            yield from walk_module_level(node.orelse)
            yield from walk_module_level(node.finalbody)


def dotted_name(node, aliases):
    """`t.List` with `import typing as t` -> `typing.List`; None when node is not a name chain."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(aliases.get(node.id, node.id))
    return ".".join(reversed(parts))


# ---- annotations ---------------------------------------------------------------------------

def describe_annotation(node, aliases):
    if node is None:
        return None
    return {
        "text": unparse(node),
        "line": node.lineno,
        "column": node.col_offset + 1,
        "type": annotation_tree(node, aliases, 0),
    }


def annotation_tree(node, aliases, depth):
    """A small tree: kind name (with args), none, union, ellipsis, list, or other."""
    if depth > 50:
        return {"kind": "other", "text": unparse(node)}
    if isinstance(node, ast.Constant):
        if node.value is None:
            return {"kind": "none"}
        if node.value is Ellipsis:
            return {"kind": "ellipsis"}
        if isinstance(node.value, str):
            return string_annotation(node.value, aliases, depth)
        return {"kind": "other", "text": unparse(node)}
    if isinstance(node, (ast.Name, ast.Attribute)):
        name = dotted_name(node, aliases)
        if name is not None:
            return {"kind": "name", "name": name, "args": []}
    if isinstance(node, ast.Subscript):
        name = dotted_name(node.value, aliases)
        if name is not None:
            arguments = subscript_elements(node.slice)
            if name in LITERAL_NAMES:
                return {"kind": "name", "name": name, "args": [literal_value(a) for a in arguments]}
            if name in ANNOTATED_NAMES and arguments:
                # Metadata is a value, not a type: a string there is not a forward reference.
                metadata = [{"kind": "other", "text": unparse(a)} for a in arguments[1:]]
                return {"kind": "name", "name": name, "args": [annotation_tree(arguments[0], aliases, depth + 1)] + metadata}
            return {"kind": "name", "name": name, "args": [annotation_tree(a, aliases, depth + 1) for a in arguments]}
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        members = []
        for side in (node.left, node.right):
            tree = annotation_tree(side, aliases, depth + 1)
            members.extend(tree["args"] if tree["kind"] == "union" else [tree])
        return {"kind": "union", "args": members}
    if isinstance(node, ast.List):
        return {"kind": "list", "args": [annotation_tree(e, aliases, depth + 1) for e in node.elts]}
    return {"kind": "other", "text": unparse(node)}


def literal_value(node):
    """A Literal[...] argument: kind 'literal' with name 'str' or 'int' and the value in text; else 'other'."""
    constant = node
    sign = ""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant):
        constant = node.operand
        sign = "-"
    if isinstance(constant, ast.Constant) and not isinstance(constant.value, bool):
        if isinstance(constant.value, int):
            return {"kind": "literal", "name": "int", "text": sign + str(constant.value)}
        if isinstance(constant.value, str) and not sign and is_encodable(constant.value):
            return {"kind": "literal", "name": "str", "text": constant.value}
    return {"kind": "other", "text": unparse(node)}


def subscript_elements(node):
    # 3.9 wraps the slice in ast.Index; later versions give the expression directly.
    if hasattr(ast, "Index") and isinstance(node, getattr(ast, "Index")):
        node = node.value
    if isinstance(node, ast.Tuple):
        return list(node.elts)
    return [node]


def string_annotation(text, aliases, depth):
    try:
        expression = ast.parse(text.strip(), mode="eval").body
    except SyntaxError:
        return {"kind": "other", "text": repr(text)}
    return annotation_tree(expression, aliases, depth + 1)


# ---- enums ---------------------------------------------------------------------------------

def describe_enum(node, aliases):
    """A class deriving from enum.Enum/IntEnum/StrEnum/Flag/IntFlag, or None for any other class.

    Members are the plain `NAME = <int or str literal>` assignments of the body. `problem` says why
    the values cannot be known (auto(), computed values), so the generator can warn and skip the class.
    """
    bases = [dotted_name(base, aliases) for base in node.bases]
    base = next((b for b in bases if b in ENUM_BASES), None)
    if base is None:
        return None
    members = []
    problem = None
    for statement in node.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name):
            target, value = statement.targets[0].id, statement.value
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name) and statement.value is not None:
            target, value = statement.target.id, statement.value
        else:
            continue
        if target.startswith("_"):
            continue
        literal = literal_value(value)
        if literal["kind"] != "literal":
            problem = problem or "the value of member '{}' ({}) is not an int or str literal".format(target, unparse(value))
            continue
        members.append({"name": target, "kind": literal["name"], "value": literal["text"], "line": statement.lineno})
    if not members and problem is None:
        problem = "it has no members"
    return {
        "name": node.name,
        "base": base,
        "line": node.lineno,
        "column": node.col_offset + 1,
        "members": members,
        "problem": problem,
    }


# ---- records ---------------------------------------------------------------------------------

def describe_record(node, aliases, earlier):
    """
    A @dataclass class, NamedTuple or TypedDict subclass with its annotated fields in order, or None.
    earlier: the records already described in this module, by class name; a dataclass (or TypedDict)
    based on one of them gets its fields first, in Python's order (reverse MRO, redefinitions in place).
    """
    decorators = [d.func if isinstance(d, ast.Call) else d for d in node.decorator_list]
    local_bases = [earlier[base.id] for base in node.bases if isinstance(base, ast.Name) and base.id in earlier]
    if any(dotted_name(d, aliases) in DATACLASS_DECORATORS for d in decorators):
        kind = "dataclass"
    else:
        bases = [dotted_name(base, aliases) for base in node.bases]
        kind = next((RECORD_BASES[b] for b in bases if b in RECORD_BASES), None)
        if kind is None and any(base["kind"] == "typeddict" for base in local_bases):
            kind = "typeddict"
        if kind is None:
            return None
    # TypedDict: total=False makes this class's own keys optional; NotRequired[T]/Required[T] decide per key.
    total = not any(k.arg == "total" and isinstance(k.value, ast.Constant) and k.value.value is False for k in node.keywords)
    inherited = {}
    for base in reversed([b for b in local_bases if b["kind"] == kind]):
        for field in base["fields"]:
            inherited[field["name"]] = field
    fields = list(inherited.values())
    for statement in node.body:
        if not (isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)):
            continue
        if dotted_name(statement.annotation, aliases) == "typing.ClassVar" or (
            isinstance(statement.annotation, ast.Subscript) and dotted_name(statement.annotation.value, aliases) == "typing.ClassVar"
        ):
            continue
        annotation = statement.annotation
        required = None
        if kind == "typeddict":
            required = total
            marker = dotted_name(annotation.value, aliases) if isinstance(annotation, ast.Subscript) else None
            if marker in REQUIRED_MARKERS:
                required = REQUIRED_MARKERS[marker]
                annotation = annotation.slice
        field = {
            "name": statement.target.id,
            "line": statement.lineno,
            "annotation": describe_annotation(annotation, aliases),
            "default": describe_default(statement.value),
        }
        if required is not None:
            field["required"] = required
        # A redefined field keeps its inherited place, as dataclasses order them.
        position = next((i for i, f in enumerate(fields) if f["name"] == field["name"]), None)
        if position is None:
            fields.append(field)
        else:
            fields[position] = field
    return {"name": node.name, "kind": kind, "line": node.lineno, "column": node.col_offset + 1, "fields": fields}


# ---- other classes ---------------------------------------------------------------------------

def describe_class(node, aliases, ignored_lines):
    """
    A module-level class that is neither an enum nor a record: the defs of its body (methods, with
    `self` still first; decorators such as `property`, `x.setter`, `staticmethod` are reported as
    written). Whether it becomes a C# wrapper class is decided by the generator.
    """
    return {
        "name": node.name,
        "line": node.lineno,
        "column": node.col_offset + 1,
        "docstring": ast.get_docstring(node),
        "has_bases": bool(node.bases),
        "methods": [
            describe_function(statement, aliases, ignored_lines)
            for statement in node.body
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))
        ],
    }


# ---- functions -----------------------------------------------------------------------------

def describe_function(node, aliases, ignored_lines):
    return {
        "name": node.name,
        "line": node.lineno,
        "column": node.col_offset + 1,
        "end_line": getattr(node, "end_lineno", None) or node.lineno,
        "is_async": isinstance(node, ast.AsyncFunctionDef),
        "decorators": [unparse(d) for d in node.decorator_list],
        "docstring": ast.get_docstring(node),
        "returns": describe_annotation(node.returns, aliases),
        "parameters": describe_parameters(node.args, aliases),
        "csharp_ignore": node.lineno in ignored_lines,
    }


def describe_parameters(arguments, aliases):
    positional = list(arguments.posonlyargs) + list(arguments.args)
    # Defaults align with the tail of the positional parameters.
    defaults = [None] * (len(positional) - len(arguments.defaults)) + list(arguments.defaults)
    parameters = []
    for index, argument in enumerate(positional):
        kind = "positional_only" if index < len(arguments.posonlyargs) else "positional_or_keyword"
        parameters.append(describe_parameter(argument, kind, defaults[index], aliases))
    if arguments.vararg is not None:
        parameters.append(describe_parameter(arguments.vararg, "var_positional", None, aliases))
    for argument, default in zip(arguments.kwonlyargs, arguments.kw_defaults):
        parameters.append(describe_parameter(argument, "keyword_only", default, aliases))
    if arguments.kwarg is not None:
        parameters.append(describe_parameter(arguments.kwarg, "var_keyword", None, aliases))
    return parameters


def describe_parameter(argument, kind, default, aliases):
    return {
        "name": argument.arg,
        "kind": kind,
        "line": argument.lineno,
        "column": argument.col_offset + 1,
        "annotation": describe_annotation(argument.annotation, aliases),
        "default": describe_default(default),
    }


def describe_default(node):
    """Literal defaults carry their value as text (ints exact, floats as repr); others are 'expression'."""
    if node is None:
        return None
    text = unparse(node)
    value = node
    sign = ""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)) and isinstance(node.operand, ast.Constant):
        value = node.operand
        sign = "-" if isinstance(node.op, ast.USub) else ""
        if isinstance(value.value, bool) or not isinstance(value.value, (int, float)):
            return {"kind": "expression", "text": text}
    if isinstance(value, ast.Constant):
        constant = value.value
        if constant is None:
            return {"kind": "none", "text": text}
        if isinstance(constant, bool):
            return {"kind": "bool", "value": "true" if constant else "false", "text": text}
        if isinstance(constant, int):
            return {"kind": "int", "value": sign + str(constant), "text": text}
        if isinstance(constant, float):
            return {"kind": "float", "value": repr(-constant if sign else constant), "text": text}
        if isinstance(constant, str) and is_encodable(constant):
            return {"kind": "str", "value": constant, "text": text}
    return {"kind": "expression", "text": text}


def is_encodable(text):
    # A lone surrogate ("\ud800") cannot travel through UTF-16 JSON readers intact.
    try:
        text.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def unparse(node):
    try:
        return ast.unparse(node)
    except Exception:  # noqa: BLE001 - unparse is best effort text for messages
        return "<?>"


if __name__ == "__main__":
    main()
