"""Re-exports: `from .x import name`, star imports and `__all__`, across the files of one run.

While a file is read, collect_statement notes its applicable `from ... import` statements and its
`__all__`; once every file is read, apply_run copies the functions, classes, records and enums a
module re-exports from another file of the run into that module's lists (renamed to the alias,
with `reexported_from`), and reports in `skipped` the re-exports it cannot follow. It also finishes
each file's `names` list. Part of read_signatures.py (helper module).
"""

import ast

LISTS = ("functions", "classes", "records", "enums")
LIST_KINDS = {"functions": "function", "classes": "class", "records": "class", "enums": "class"}
# Star imports of these only bring typing helpers, never anything to wrap.
# Every module has these, so __all__ may list them without defining them.
MODULE_ATTRIBUTES = frozenset(("__doc__", "__name__", "__file__", "__path__", "__spec__", "__loader__", "__package__"))
QUIET_STAR_SOURCES = frozenset(("typing", "typing_extensions", "__future__", "collections.abc"))


class FromImport:
    def __init__(self, source, name, alias, node, explicit):
        self.source = source  # absolute module name, None when a relative import cannot be resolved
        self.name = name
        self.alias = alias
        self.line = node.lineno
        self.column = node.col_offset + 1
        self.explicit = explicit  # a re-export under the library-interface rules: `import name as name` or `*`


# ---- collecting ---------------------------------------------------------------------------------

def collect_statement(node, context):
    """Notes an applicable module-level `from ... import` or `__all__` statement."""
    if isinstance(node, ast.ImportFrom):
        source = context.resolve_relative(node.level, node.module)
        for alias in node.names:
            explicit = context.interface_rules and (alias.name == "*" or alias.asname == alias.name)
            context.from_imports.append(FromImport(source, alias.name, alias.asname or alias.name, node, explicit))
    elif is_all_target(node):
        names = string_list(node.value)
        if names is not None:
            if isinstance(node, ast.AugAssign):
                context.all_names = (context.all_names or []) + names
            else:
                context.all_names = names
    elif isinstance(node, ast.Expr) and is_all_method_call(node.value):
        # __all__.extend([...]) / __all__.append("x")
        call = node.value
        names = string_list(call.args[0]) if call.func.attr == "extend" else string_list(ast.List(elts=call.args))
        if names is not None:
            context.all_names = (context.all_names or []) + names


def is_all_target(node):
    if isinstance(node, ast.Assign):
        return len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and node.targets[0].id == "__all__"
    if isinstance(node, (ast.AugAssign, ast.AnnAssign)):
        return isinstance(node.target, ast.Name) and node.target.id == "__all__" and node.value is not None
    return False


def is_all_method_call(node):
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "__all__"
        and node.func.attr in ("extend", "append")
        and len(node.args) == 1
    )


def string_list(node):
    if not isinstance(node, (ast.List, ast.Tuple)):
        return None
    names = []
    for element in node.elts:
        if isinstance(element, ast.Constant) and isinstance(element.value, str):
            names.append(element.value)
    return names


# ---- applying -----------------------------------------------------------------------------------

def apply_run(modules):
    run = {m.module: m for m in modules if m.module}
    for context in modules:
        context.exports = None
    for context in modules:
        try:
            exports_of(context, run, set())
            report_unknown_all_names(context)
        except Exception as error:  # noqa: BLE001 - a failure loses re-exports, and says so
            context.result["skipped"].append({
                "name": "*", "line": 0, "column": 0,
                "reason": "the re-exports of this file could not be read ({}: {})".format(type(error).__name__, error),
            })
        context.result["names"] = [n for n in unique_names(context.names) if is_public(n["name"], context)]


def exports_of(context, run, visiting):
    """name -> [(list name, item)] this module offers: its own definitions and its re-exports."""
    if context.exports is not None:
        return context.exports
    if context.key in visiting:
        return own_items(context)  # an import cycle: the partner sees only what this module defines
    visiting.add(context.key)
    exports = own_items(context)
    for entry in context.from_imports:
        if entry.name == "*":
            import_star(context, entry, exports, run, visiting)
        else:
            import_name(context, entry, entry.name, entry.alias, exports, run, visiting)
    visiting.discard(context.key)
    context.exports = exports
    return exports


def own_items(context):
    items = {}
    for list_name in LISTS:
        for item in context.result[list_name]:
            if "reexported_from" not in item:
                items.setdefault(item["name"], []).append((list_name, item))
    return items


def import_name(context, entry, name, alias, exports, run, visiting):
    if alias in exports:
        return  # the module's own definition (or an earlier import) wins
    source = run.get(entry.source) if entry.source else None
    if source is None:
        if is_declared_reexport(context, entry, alias):
            report(context, entry, alias, "it is re-exported from module '{}', which is not among the Python files read".format(entry.source or "?"))
        return
    if not is_reexport(context, entry, alias):
        return
    items = exports_of(source, run, visiting).get(name)
    if not items:
        # A constant, an alias or a submodule of the source: nothing to copy, but a public name.
        context.names.append({"name": alias, "kind": "import", "line": entry.line})
        return
    copies = []
    for list_name, item in items:
        twin = dict(item)  # only the name and origin differ; the rest is shared, read-only JSON
        twin["name"] = alias
        twin["reexported_from"] = item.get("reexported_from") or source.module
        # The name in the defining module, so every re-export of one class is known as the same class.
        twin["reexported_name"] = item.get("reexported_name") or item["name"]
        context.result[list_name].append(twin)
        copies.append((list_name, twin))
    exports[alias] = copies
    context.names.append({"name": alias, "kind": LIST_KINDS[items[0][0]], "line": entry.line})


def import_star(context, entry, exports, run, visiting):
    source = run.get(entry.source) if entry.source else None
    if source is None:
        if entry.source not in QUIET_STAR_SOURCES:
            report(context, entry, "*", "the names of 'from {} import *' are unknown: that module is not among the Python files read".format(entry.source or "?"))
        return
    offered = exports_of(source, run, visiting)
    names = source.all_names
    if names is None:
        # Without __all__, a star import brings every public name: definitions, constants, re-exports.
        names = [n for n in unique_list([e["name"] for e in source.names] + list(offered)) if not n.startswith("_")]
    for name in names:
        # Star-imported names are re-exports of this module, whatever kind of file it is.
        star_entry = FromImport(entry.source, name, name, ast.Pass(lineno=entry.line, col_offset=entry.column - 1), True)
        import_name(context, star_entry, name, name, exports, run, visiting)


def is_reexport(context, entry, alias):
    """Whether a type checker sees this import as part of the module's interface."""
    if context.all_names is not None:
        return alias in context.all_names or (entry.explicit and context.interface_rules)
    if alias.startswith("_"):
        return False
    # A stub or a py.typed module re-exports only with `as name` or `*` (the typing spec's library-interface rules).
    # In other source, a package's __init__.py is its interface, so what it imports is re-exported; a plain module's
    # imports are its own helpers.
    return entry.explicit or (not context.interface_rules and context.is_package)


def is_declared_reexport(context, entry, alias):
    return (context.all_names is not None and alias in context.all_names) or (entry.explicit and not alias.startswith("_"))


def report(context, entry, name, reason):
    context.result["skipped"].append({"name": name, "line": entry.line, "column": entry.column, "reason": reason})
    if name != "*":
        context.names.append({"name": name, "kind": "import", "line": entry.line})


def report_unknown_all_names(context):
    """A name in __all__ the module neither defines nor imports (maybe from a branch not read)."""
    if not context.all_names:
        return
    known = set(MODULE_ATTRIBUTES)
    known.update(entry["name"] for entry in context.names)
    known.update(entry.alias for entry in context.from_imports)
    known.update(entry["name"].split(".")[0] for entry in context.result["skipped"] + context.result["inactive"])
    known.update(context.definitions)
    for name in context.all_names:
        if name not in known:
            context.result["skipped"].append({
                "name": name, "line": 0, "column": 0,
                "reason": "it is listed in __all__, but the reader finds no definition or import of it",
            })
            known.add(name)


def is_public(name, context):
    return not name.startswith("_") or (context.all_names is not None and name in context.all_names)


def unique_list(values):
    return list(dict.fromkeys(values))


def unique_names(names):
    seen = set()
    unique = []
    for entry in names:
        if entry["name"] not in seen:
            seen.add(entry["name"])
            unique.append(entry)
    return unique
