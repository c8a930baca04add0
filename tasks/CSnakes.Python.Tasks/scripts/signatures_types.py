"""Type aliases, TypeVars, NewTypes and Self, substituted into the annotation trees of a run.

Module-level definitions are collected while each file is read (collect_statement); once every file
of the run is read, resolve_run replaces each name that refers to one of them, in the `type` trees
of functions, methods and record fields, by what it stands for. A function using a constrained
TypeVar (AnyStr) becomes one overload per constraint. Part of read_signatures.py (helper module).
"""

import ast
import copy
import itertools

import signatures_annotations as reader

MAX_DEPTH = 20  # alias chains deeper than this (or cyclic) resolve to Any
MAX_OVERLOADS = 4  # a constrained TypeVar expansion larger than this falls back to Any

ANY = {"kind": "name", "name": "typing.Any", "args": []}

TYPEVAR_CALLS = {
    "typing.TypeVar": "typevar",
    "typing_extensions.TypeVar": "typevar",
    "typing.ParamSpec": "paramspec",
    "typing_extensions.ParamSpec": "paramspec",
    "typing.TypeVarTuple": "paramspec",
    "typing_extensions.TypeVarTuple": "paramspec",
    "typing.NewType": "newtype",
    "typing_extensions.NewType": "newtype",
}

TYPE_ALIAS_MARKERS = frozenset(("typing.TypeAlias", "typing_extensions.TypeAlias"))
# typeshed's old `Self = TypeVar("Self")` (_typeshed.Self) stands for the class the method belongs to, as Self does.
SELF_NAMES = frozenset(("typing.Self", "typing_extensions.Self", "_typeshed.Self"))
NEVER_NAMES = frozenset(("typing.NoReturn", "typing.Never", "typing_extensions.NoReturn", "typing_extensions.Never"))
# A name under these modules is a typing construct, so `X = <it>` is a type alias.
TYPING_MODULES = ("typing.", "typing_extensions.", "collections.abc.", "_typeshed.", "types.")
BUILTIN_TYPES = frozenset((
    "int", "float", "complex", "bool", "str", "bytes", "bytearray", "memoryview", "object", "type",
    "list", "dict", "set", "frozenset", "tuple", "range", "slice", "BaseException", "Exception",
    "builtins.int", "builtins.float", "builtins.str", "builtins.bytes", "builtins.bool", "builtins.object",
))


class Definition:
    """A module-level name that stands for a type: kind alias, typevar, paramspec or newtype."""

    def __init__(self, kind, context, node, constraints=(), bound=None):
        self.kind = kind
        self.context = context
        self.node = node  # the aliased expression, or a NewType's base
        self.constraints = list(constraints)
        self.bound = bound
        self.resolved = None  # cached tree of an alias, bound or NewType base
        self.resolving = False


STR_BYTES = [ast.Name(id="str", ctx=ast.Load()), ast.Name(id="bytes", ctx=ast.Load())]
BUILTIN_ANYSTR = Definition("typevar", None, None, constraints=STR_BYTES)
BUILTIN_DEFINITIONS = {"typing.AnyStr": BUILTIN_ANYSTR, "typing_extensions.AnyStr": BUILTIN_ANYSTR}


# ---- collecting ---------------------------------------------------------------------------------

def collect_statement(node, context, defined, fallback):
    """Records what a module-level statement (not a def/class) binds; returns the names bound."""
    target, value, annotation = assignment_parts(node)
    if target is None:
        return []
    if fallback and target in defined:
        return []  # the try body's definition wins
    kind = classify(target, value, annotation, context)
    if kind in ("typevar", "alias"):
        context.definitions[target] = make_definition(value, annotation, context, node)
    if target != "__all__":
        context.names.append({"name": target, "kind": kind, "line": node.lineno})
    return [target]


def assignment_parts(node):
    """(name, value, annotation) of `X = v`, `X: T = v`, `X: T` or `type X = v`; (None, ...) otherwise."""
    if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
        return node.targets[0].id, node.value, None
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return node.target.id, node.value, node.annotation
    type_alias = getattr(ast, "TypeAlias", None)
    if type_alias is not None and isinstance(node, type_alias):
        return node.name.id, node.value, None
    return None, None, None


def classify(target, value, annotation, context):
    """typevar (TypeVar, ParamSpec, NewType...), alias, or constant."""
    if isinstance(value, ast.Call) and context.dotted_name(value.func) in TYPEVAR_CALLS:
        # A NewType is a (distinct) alias of its base for a caller; the rest are type variables.
        return "alias" if TYPEVAR_CALLS[context.dotted_name(value.func)] == "newtype" else "typevar"
    if annotation is not None:
        return "alias" if context.dotted_name(annotation) in TYPE_ALIAS_MARKERS and value is not None else "constant"
    if value is None:
        return "constant"
    return "alias" if is_type_expression(value, context, 0) else "constant"


def make_definition(value, annotation, context, node):
    if isinstance(value, ast.Call):
        kind = TYPEVAR_CALLS[context.dotted_name(value.func)]
        if kind == "newtype":
            return Definition("newtype", context, value.args[1] if len(value.args) > 1 else None)
        if kind == "paramspec":
            return Definition("paramspec", context, None)
        bound = next((k.value for k in value.keywords if k.arg == "bound"), None)
        return Definition("typevar", context, None, constraints=value.args[1:], bound=bound)
    return Definition("alias", context, value)


def is_type_expression(node, context, depth):
    """Whether `X = node` is clearly a type alias rather than a constant."""
    if depth > 10:
        return False
    if isinstance(node, (ast.Name, ast.Attribute)):
        name = context.dotted_name(node)
        if name is None:
            return False
        return name in BUILTIN_TYPES or name.startswith(TYPING_MODULES) or name in context.definitions or is_local_class(name, context)
    if isinstance(node, ast.Subscript):
        return is_type_expression(node.value, context, depth + 1)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        sides = (node.left, node.right)
        return all(is_none(side) or is_type_expression(side, context, depth + 1) for side in sides)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        parsed = reader.parse_string_expression(node.value)
        return parsed is not None and is_type_expression(parsed, context, depth + 1)
    return False


def is_none(node):
    return isinstance(node, ast.Constant) and node.value is None


def is_local_class(name, context):
    return any(isinstance(n, ast.ClassDef) and n.name == name for n in context.tree.body)


# ---- resolving ----------------------------------------------------------------------------------

def resolve_run(modules):
    run = {m.module: m for m in modules if m.module}
    for context in modules:
        try:
            resolve_module(context, run)
        except Exception as error:  # noqa: BLE001 - a failure leaves the trees as written, and says so
            context.result["skipped"].append({
                "name": "*", "line": 0, "column": 0,
                "reason": "type aliases could not be resolved in this file ({}: {})".format(type(error).__name__, error),
            })


def resolve_module(context, run):
    result = context.result
    result["functions"] = resolve_functions(result["functions"], Scope(context, run, None))
    for constant in result.get("constants") or []:
        resolve_annotation(constant.get("annotation"), Scope(context, run, None), {})
    for cls in result["classes"]:
        scope = Scope(context, run, cls["name"])
        cls["methods"] = resolve_functions(cls["methods"], scope)
        for attribute in cls.get("attributes") or []:
            resolve_annotation(attribute.get("annotation"), scope, {})
    for record in result["records"]:
        scope = Scope(context, run, record["name"])
        record["methods"] = resolve_functions(record["methods"], scope)
        for field in record["fields"]:
            resolve_annotation(field.get("annotation"), scope, {})


class Scope:
    """Where a tree is resolved: its module, the run's modules, the enclosing class, PEP 695 params."""

    def __init__(self, context, run, class_name, type_params=None):
        self.context = context
        self.run = run
        self.class_name = class_name
        self.type_params = type_params or {}

    def with_type_params(self, nodes):
        if not nodes:
            return self
        params = dict(self.type_params)
        for node in nodes:
            params[node.name] = type_param_definition(node, self.context)
        return Scope(self.context, self.run, self.class_name, params)

    def find(self, name):
        """The Definition a (resolved dotted) name refers to, following imports across the run."""
        if name in self.type_params:
            return self.type_params[name]
        return find_definition(self.context, name, self.run, 0)


def type_param_definition(node, context):
    """A PEP 695 `[T: bound]`, `[T: (str, bytes)]`, `[**P]` or `[*Ts]` parameter."""
    type_var = getattr(ast, "TypeVar", None)
    if type_var is None or not isinstance(node, type_var):
        return Definition("paramspec", context, None)
    if isinstance(node.bound, ast.Tuple):
        return Definition("typevar", context, None, constraints=node.bound.elts)
    return Definition("typevar", context, None, bound=node.bound)


def find_definition(context, name, run, depth):
    if depth > MAX_DEPTH or context is None:
        return None
    if name in BUILTIN_DEFINITIONS:
        return BUILTIN_DEFINITIONS[name]
    if "." not in name:
        if name in context.definitions:
            return context.definitions[name]
        source = context.imports.get(name)
        if source is not None and source[0] in run:
            return find_definition(run[source[0]], source[1], run, depth + 1)
        return None
    module, _, attribute = name.rpartition(".")
    module = module if module in run else imported_module(context, module)
    if module in run:
        return find_definition(run[module], attribute, run, depth + 1)
    # `P.args` / `P.kwargs` of a ParamSpec.
    head = name.split(".")[0]
    definition = find_definition(context, head, run, depth + 1) if head != name else None
    if definition is not None and definition.kind == "paramspec":
        return definition
    return None


def imported_module(context, dotted):
    """`types.Vector` after `from . import types`: the module that `types` names, or None."""
    head, _, rest = dotted.partition(".")
    source = context.imports.get(head)
    if source is None:
        return None
    return ".".join(part for part in (source[0], source[1], rest) if part)


def resolve_functions(functions, scope):
    resolved = []
    for function in functions:
        resolved.extend(resolve_function(function, scope.with_type_params(function.get("_type_params"))))
    return resolved


def resolve_function(function, scope):
    """The function with its trees substituted; one copy per constraint combination of AnyStr-like TypeVars."""
    constrained = constrained_type_vars(function, scope)
    if not constrained:
        substitute_function(function, scope, {})
        return [function]
    choices = [[(definition, constraint) for constraint in definition.constraints] for definition in constrained]
    combinations = list(itertools.product(*choices))
    if len(combinations) > MAX_OVERLOADS:
        substitute_function(function, scope, {id(d): None for d in constrained})
        return [function]
    copies = []
    for combination in combinations:
        twin = copy.deepcopy(function)
        bindings = {id(definition): constraint_tree(definition, constraint, scope) for definition, constraint in combination}
        substitute_function(twin, scope, bindings)
        if "overload" not in twin["decorators"] and "typing.overload" not in twin["decorators"]:
            twin["decorators"] = twin["decorators"] + ["overload"]
        copies.append(twin)
    return copies


def constraint_tree(definition, constraint, scope):
    home = definition.context or scope.context
    return substitute(reader.annotation_tree(constraint, home.aliases, 0), Scope(home, scope.run, None), {}, 0)


def annotations_of(function):
    for parameter in function["parameters"]:
        if parameter.get("annotation"):
            yield parameter["annotation"]
    if function.get("returns"):
        yield function["returns"]


def constrained_type_vars(function, scope):
    found = []
    for annotation in annotations_of(function):
        for name in names_in(annotation["type"]):
            definition = scope.find(name)
            if definition is not None and definition.kind == "typevar" and definition.constraints and definition not in found:
                found.append(definition)
    return found


def names_in(tree):
    if tree.get("kind") == "name":
        yield tree["name"]
    for argument in tree.get("args") or []:
        yield from names_in(argument)


def substitute_function(function, scope, bindings):
    for parameter in function["parameters"]:
        resolve_annotation(parameter.get("annotation"), scope, bindings)
    returns = function.get("returns")
    resolve_annotation(returns, scope, bindings)
    # A function that never returns is, for a caller, one that returns nothing.
    if returns and returns["type"].get("kind") == "name" and returns["type"]["name"] in NEVER_NAMES:
        returns["type"] = {"kind": "none"}


def resolve_annotation(annotation, scope, bindings):
    if annotation is not None:
        annotation["type"] = substitute(annotation["type"], scope, bindings, 0)


def substitute(tree, scope, bindings, depth):
    """A new tree with aliases, TypeVars, NewTypes and Self replaced; `tree` is not changed."""
    if depth > MAX_DEPTH:
        return ANY
    kind = tree.get("kind")
    if kind == "name":
        replacement = replace_name(tree, scope, bindings, depth)
        if replacement is not None:
            return replacement
    if "args" not in tree or not tree["args"]:
        return tree
    args = []
    for argument in tree["args"]:
        new = substitute(argument, scope, bindings, depth + 1)
        # An alias that is a union, used inside a union, joins it (int | StrPath -> int | str | PathLike).
        args.extend(new["args"] if kind == "union" and new.get("kind") == "union" else [new])
    return dict(tree, args=args)


def replace_name(tree, scope, bindings, depth):
    name = tree["name"]
    if name in SELF_NAMES and scope.class_name:
        return {"kind": "name", "name": scope.class_name, "args": []}
    definition = scope.find(name)
    if definition is None:
        return None
    if definition.kind == "paramspec":
        return ANY
    if definition.kind == "typevar":
        if definition.constraints:
            return bindings.get(id(definition)) or ANY
        if definition.bound is None:
            return ANY
    return resolved_target(definition, scope, depth)


def resolved_target(definition, scope, depth):
    """The tree an alias, a bound TypeVar or a NewType stands for, resolved in its own module (cached)."""
    if definition.resolved is not None:
        return definition.resolved
    if definition.resolving:
        return ANY  # a cycle: X = list[Y]; Y = X
    node = definition.bound if definition.kind == "typevar" else definition.node
    if node is None:
        return ANY
    home = definition.context or scope.context
    definition.resolving = True
    try:
        tree = reader.annotation_tree(node, home.aliases, 0)
        definition.resolved = substitute(tree, Scope(home, scope.run, None), {}, depth + 1)
    finally:
        definition.resolving = False
    return definition.resolved
