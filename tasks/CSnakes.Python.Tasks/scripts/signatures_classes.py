"""Classes as the reader reports them: enums, records (dataclass, NamedTuple, TypedDict) and plain classes.

Each class body is read under its own version and platform conditions. Part of read_signatures.py
(helper module); the shapes are mirrored by Signatures/SignatureReport.cs.
"""

import ast

import signatures_conditions
from signatures_annotations import describe_annotation, docstring, dotted_name, literal_value, unparse
from signatures_functions import describe_default, describe_function

ENUM_BASES = frozenset(("enum.Enum", "enum.IntEnum", "enum.StrEnum", "enum.Flag", "enum.IntFlag"))

DATACLASS_DECORATORS = frozenset(("dataclasses.dataclass",))
# TypedDict key markers: whether the wrapped key must be present.
REQUIRED_MARKERS = {
    "typing.NotRequired": False,
    "typing_extensions.NotRequired": False,
    "typing.Required": True,
    "typing_extensions.Required": True,
}

# Markers of a class-level annotation: ClassVar[T] is the class's own; Final (with a value) cannot change.
CLASSVAR_NAMES = frozenset(("typing.ClassVar", "typing_extensions.ClassVar"))
FINAL_NAMES = frozenset(("typing.Final", "typing_extensions.Final"))

RECORD_BASES = {
    "typing.NamedTuple": "namedtuple",
    "typing_extensions.NamedTuple": "namedtuple",
    "typing.TypedDict": "typeddict",
    "typing_extensions.TypedDict": "typeddict",
}


def describe_any_class(node, context, result):
    """Reports a class as an enum, a record or a plain class, its body read under its conditions."""
    walk = signatures_conditions.applicable(node.body, context.dotted_name, node.name + ".")
    result["skipped"].extend(walk.skipped)
    result["inactive"].extend(walk.inactive)
    body = [statement for statement, _ in walk.statements]
    enum = describe_enum(node, body, context.aliases)
    if enum is not None:
        enum["methods"] = describe_methods(node, body, context)
        result["enums"].append(enum)
    record = describe_record(node, body, context, {r["name"]: r for r in result["records"]})
    if record is not None:
        result["records"].append(record)
    if enum is None and record is None:
        result["classes"].append(describe_class(node, body, context))
    described = enum or record or result["classes"][-1]
    # Classes defined inside a class are not wrapped; they are listed so that a message can name them.
    described["nested_classes"] = [
        {"name": statement.name, "line": statement.lineno}
        for statement in body
        if isinstance(statement, ast.ClassDef) and not statement.name.startswith("_")
    ]


# ---- enums ---------------------------------------------------------------------------------

def describe_enum(node, body, aliases):
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
    for statement in body:
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

def describe_record(node, body, context, earlier):
    """
    A @dataclass class, NamedTuple or TypedDict subclass with its annotated fields in order, or None.
    earlier: the records already described in this module, by class name; a dataclass (or TypedDict)
    based on one of them gets its fields first, in Python's order (reverse MRO, redefinitions in place).
    """
    aliases = context.aliases
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
    for statement in body:
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
    return {
        "name": node.name,
        "kind": kind,
        "line": node.lineno,
        "column": node.col_offset + 1,
        "fields": fields,
        # Its defs, shaped like a plain class's methods, so that a later generator can wrap them.
        "methods": describe_methods(node, body, context),
    }


# ---- other classes ---------------------------------------------------------------------------

def describe_class(node, body, context):
    """
    A module-level class that is neither an enum nor a record: the defs of its body (methods, with
    `self` still first; decorators such as `property`, `x.setter`, `staticmethod` are reported as
    written). Whether it becomes a C# wrapper class is decided by the generator.
    """
    return {
        "name": node.name,
        "line": node.lineno,
        "column": node.col_offset + 1,
        "docstring": docstring(node),
        "has_bases": bool(node.bases),
        # Dotted as the module's imports resolve them (a class of this module stays bare): exceptions follow them.
        "bases": [name for name in (dotted_name(base, context.aliases) for base in node.bases) if name],
        "methods": describe_methods(node, body, context),
        "attributes": describe_attributes(body, context.aliases),
    }


def describe_attributes(body, aliases):
    """
    The annotated names of a class body, public ones only. As type checkers read them (PEP 526, PEP 591):
    `X: ClassVar[T]` and `X: Final = value` belong to the class (`kind` "class"); any other annotated name
    (`x: int`, `x: int = 0`, `x: Final[int]` set in __init__) is an attribute of each instance ("instance"),
    whose value may be a class-level default. `annotation` is T without the marker; a bare `Final` or
    `ClassVar` takes the type of its literal value, or none (PyObject) when the value is not a literal.
    """
    attributes = []
    for statement in body:
        if not (isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)):
            continue
        name = statement.target.id
        if name.startswith("_"):
            continue
        annotation = statement.annotation
        markers = set()
        # ClassVar[Final[int]] is allowed since 3.13, so markers may nest.
        while True:
            head = annotation.value if isinstance(annotation, ast.Subscript) else annotation
            marker = dotted_name(head, aliases)
            if marker in CLASSVAR_NAMES:
                markers.add("classvar")
            elif marker in FINAL_NAMES:
                markers.add("final")
            else:
                break
            if not isinstance(annotation, ast.Subscript):
                annotation = None
                break
            annotation = annotation.slice
        if annotation is None:
            described = literal_type_annotation(statement.value, statement.annotation)
        else:
            described = describe_annotation(annotation, aliases)
        on_class = "classvar" in markers or ("final" in markers and statement.value is not None)
        attributes.append({
            "name": name,
            "line": statement.lineno,
            "column": statement.col_offset + 1,
            "annotation": described,
            "kind": "class" if on_class else "instance",
            "final": "final" in markers,
            "default": describe_default(statement.value),
        })
    return attributes


LITERAL_TYPES = ((bool, "bool"), (int, "int"), (float, "float"), (str, "str"), (bytes, "bytes"))


def literal_type_annotation(value, marker):
    """`X: Final = 3` is an int: the type of a literal value (a leading minus too), or None for any other value."""
    if isinstance(value, ast.UnaryOp) and isinstance(value.op, (ast.USub, ast.UAdd)) and isinstance(value.operand, ast.Constant):
        value = value.operand
    if not isinstance(value, ast.Constant):
        return None
    name = next((n for t, n in LITERAL_TYPES if isinstance(value.value, t)), None)
    if name is None:
        return None
    return {"text": unparse(marker), "line": marker.lineno, "column": marker.col_offset + 1, "type": {"kind": "name", "name": name, "args": []}}


def describe_methods(node, body, context):
    type_params = getattr(node, "type_params", None) or []
    return [
        describe_function(statement, context, type_params)
        for statement in body
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))
    ]
