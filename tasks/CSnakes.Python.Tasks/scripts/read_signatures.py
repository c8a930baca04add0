"""Reads the signatures of Python source and stub files with `ast` and prints them as JSON.

Run as `python -I read_signatures.py [file ...]`; with no arguments, stdin holds a JSON list of
`{"path": ..., "module": ...}` objects (or plain paths, module unknown). Nothing from the files is
imported or executed: they are only parsed. Works on Python 3.9 to 3.15 (ast.unparse arrived in 3.9).

The files are read the way a type checker reads them, for THIS interpreter (the one the wrappers call):
- `if sys.version_info >= (3, 10):`, `sys.platform == "linux"`, `sys.platform.startswith("win")`,
  `TYPE_CHECKING`, and `not`/`and`/`or` of those take the branch that applies, in module and class
  bodies; an `if` it cannot evaluate has its first branch read and the rest reported in `skipped`.
  `try:`/`except ImportError:` reads both, the `try` body winning.
- type aliases (`X = int | str`, `X: TypeAlias = ...`, `type X = ...`), TypeVars (bound -> the bound,
  constrained -> one overload per constraint, else Any), `Self`, `NewType` and `NoReturn` are
  substituted into the `type` trees of annotations, also across the files of one run (the `text`
  stays as written). Stub parameters named `__x` are positional-only `x`.
- `from .x import name [as alias]`, star imports and `__all__` copy the functions and classes of
  other files of the run into the re-exporting module (`reexported_from`).
Helper modules signatures_*.py live next to this script (docs/reading-python.md describes it all).

The output is ASCII JSON on stdout:
{"version": 1, "files": [{"path": ..., "error": {...}} | {"path": ..., "module": ..., "docstring": ...,
  "functions": [...], "enums": [...], "records": [...], "classes": [...], "skipped": [...],
  "inactive": [...], "names": [...]}]}
The C# side (Signatures/SignatureReport.cs) mirrors this shape.
"""

import ast
import io
import json
import os
import re
import sys
import tokenize
import typing

# -I keeps this folder off sys.path; the helper modules live next to this script.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import signatures_conditions  # noqa: E402
from signatures_classes import describe_any_class, describe_attributes  # noqa: E402
import signatures_exports  # noqa: E402
import signatures_types  # noqa: E402
from signatures_annotations import docstring, dotted_name  # noqa: E402
from signatures_functions import describe_function  # noqa: E402

FORMAT_VERSION = 1
IGNORE_COMMENT = re.compile(r"#\s*csharp\s*:\s*ignore\b", re.IGNORECASE)

# Names that user code may write unqualified after `from typing import *`.
TYPING_STAR_NAMES = frozenset(getattr(typing, "__all__", ()))


def main():
    entries = read_entries()
    modules = []
    files = []
    for path, module in entries:
        file, context = read_file(path, module)
        files.append(file)
        if context is not None:
            modules.append(context)
    # Aliases and re-exports may come from any file of the run, so they resolve once all are read.
    signatures_types.resolve_run(modules)
    signatures_exports.apply_run(modules)
    result = {"version": FORMAT_VERSION, "files": [reportable(strip_private(f)) for f in files], "stdlib_modules": stdlib_module_names()}
    # ensure_ascii keeps the output independent of the console encoding (-I ignores PYTHONIOENCODING).
    sys.stdout.buffer.write(json.dumps(result, ensure_ascii=True, sort_keys=True).encode("ascii"))
    sys.stdout.buffer.write(b"\n")
    sys.stdout.flush()


def stdlib_module_names():
    """The top-level names of this interpreter's standard library: a project module of one of these names shadows it."""
    names = set(getattr(sys, "stdlib_module_names", ())) | set(sys.builtin_module_names)
    if not getattr(sys, "stdlib_module_names", None):
        # Before 3.10: the stdlib folder's modules and packages, and its C extensions.
        import sysconfig

        for key in ("stdlib", "platstdlib"):
            folder = sysconfig.get_paths().get(key)
            for directory in (folder, os.path.join(folder or "", "lib-dynload")):
                if directory and os.path.isdir(directory):
                    for entry in os.listdir(directory):
                        name = entry.split(".", 1)[0]
                        if name.isidentifier() and name != "site-packages":
                            names.add(name)
    return sorted(names)


def read_entries():
    """(path, module or None) pairs from argv, or from stdin's JSON list of objects or strings."""
    if sys.argv[1:]:
        return [(path, None) for path in sys.argv[1:]]
    entries = []
    for entry in json.loads(sys.stdin.buffer.read().decode("utf-8")):
        if isinstance(entry, dict):
            entries.append((entry.get("path"), entry.get("module") or None))
        else:
            entries.append((entry, None))
    return entries


def reportable(file):
    """The file's report, or an error in its place when some text in it has no UTF-8 form (a lone surrogate the
    reader did not escape): the C# side would refuse the whole run's output for it, not just this file."""
    try:
        json.dumps(file, ensure_ascii=False).encode("utf-8")
        return file
    except UnicodeEncodeError as error:
        message = "the file holds text that cannot be reported (a lone surrogate: {})".format(error.reason)
        return {"path": file.get("path"), "error": {"message": message, "line": 0, "column": 0}}


def strip_private(file):
    """Drops the reader's working keys (PEP 695 type parameters, AST nodes) before printing."""
    for function in file.get("functions") or []:
        function.pop("_type_params", None)
    for cls in (file.get("classes") or []) + (file.get("records") or []):
        for method in cls.get("methods") or []:
            method.pop("_type_params", None)
    return file


class ModuleContext:
    """One parsed file and what later passes (types, re-exports) need to know about it."""

    def __init__(self, path, module, tree, source):
        self.path = path
        self.module = module
        self.key = module or path
        self.is_stub = path.endswith(".pyi")
        self.is_package = os.path.basename(path) in ("__init__.py", "__init__.pyi")
        # The typing spec's library-interface rules (what counts as re-exported) hold for stubs and for every module
        # of a package marked py.typed (PEP 561), whose source is its own stub.
        self.interface_rules = self.is_stub or in_typed_package(path, module, self.is_package)
        self.tree = tree
        self.aliases = collect_aliases(tree, self)
        self.imports = collect_imports(tree, self)
        self.ignored_lines = find_ignored_lines(source)
        self.definitions = {}  # name -> signatures_types.Definition (aliases, TypeVars, NewTypes)
        self.from_imports = []  # (source module, name, alias, line, column, explicit) that apply
        self.all_names = None  # __all__ when the module declares it
        self.names = []
        self.result = None

    def dotted_name(self, node):
        return dotted_name(node, self.aliases)

    def resolve_relative(self, level, module):
        """The absolute module of `from <level dots><module> import ...`, or None if unknown."""
        if level == 0:
            return module
        if self.module is None:
            return None
        parts = self.module.split(".")
        if not self.is_package:
            parts = parts[:-1]
        if level - 1 > len(parts):
            return None
        parts = parts[:len(parts) - (level - 1)]
        if module:
            parts.append(module)
        return ".".join(parts) or None


def in_typed_package(path, module, is_package):
    """Whether the file's top-level package folder holds a py.typed marker (known only with the module's name)."""
    if not module:
        return False
    depth = len(module.split("."))
    if depth == 1 and not is_package:
        return False  # a top-level module file: py.typed marks packages only
    folder = os.path.dirname(os.path.abspath(path))
    for _ in range(depth - 1):
        folder = os.path.dirname(folder)
    return os.path.isfile(os.path.join(folder, "py.typed"))


def read_file(path, module):
    """(the file's JSON, its ModuleContext or None when it could not be parsed)."""
    try:
        with open(path, "rb") as stream:
            source = stream.read()
    except (OSError, TypeError, ValueError) as error:
        return {"path": path, "error": {"message": "cannot read the file: " + str(error), "line": 0, "column": 0}}, None

    try:
        # Bytes, so ast applies PEP 263 (coding cookie, BOM) itself; a bad byte is a SyntaxError.
        tree = ast.parse(source, filename=path, type_comments=False)
    except SyntaxError as error:
        return {"path": path, "error": syntax_error(error)}, None
    except (ValueError, UnicodeError) as error:
        # Before 3.12 a NUL byte raises ValueError; decoding problems may surface as UnicodeError.
        return {"path": path, "error": {"message": str(error), "line": 0, "column": 0}}, None
    except (RecursionError, MemoryError) as error:
        return {"path": path, "error": {"message": "the file is too deeply nested to read: " + type(error).__name__, "line": 0, "column": 0}}, None

    try:
        context = ModuleContext(path, module, tree, source)
        context.result = describe_module(context)
        return context.result, context
    except Exception as error:  # noqa: BLE001 - one odd file must not stop the run
        message = "the signature reader failed on this file ({}: {})".format(type(error).__name__, error)
        return {"path": path, "error": {"message": message, "line": 0, "column": 0}}, None


def describe_module(context):
    walk = signatures_conditions.applicable(context.tree.body, context.dotted_name)
    functions = []
    enums = []
    records = []
    classes = []
    result = {
        "path": context.path,
        "module": context.module,
        "docstring": docstring(context.tree),
        "functions": functions,
        "enums": enums,
        "records": records,
        "classes": classes,
        "skipped": list(walk.skipped),
        "inactive": list(walk.inactive),
    }
    defined = set()
    # Annotated module-level names that are values (not aliases or TypeVars): the module's constants.
    constant_statements = []
    for node, fallback in walk.statements:
        name = getattr(node, "name", None)
        if fallback and name in defined:
            continue
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            functions.append(describe_function(node, context))
            add_name(context, node.name, "function", node.lineno)
        elif isinstance(node, ast.ClassDef):
            describe_any_class(node, context, result)
            add_name(context, node.name, "class", node.lineno)
        else:
            for target in signatures_types.collect_statement(node, context, defined, fallback):
                defined.add(target)
                if isinstance(node, ast.AnnAssign) and context.names[-1:] and context.names[-1]["kind"] == "constant":
                    constant_statements.append(node)
            signatures_exports.collect_statement(node, context)
            continue
        defined.add(name)
    # The last binding of a name wins, as when Python runs the module.
    last = {node.target.id: node for node in constant_statements}
    result["constants"] = describe_attributes([node for node in constant_statements if last[node.target.id] is node], context.aliases)
    return result


def add_name(context, name, kind, line):
    context.names.append({"name": name, "kind": kind, "line": line})


def syntax_error(error):
    message = error.msg or "invalid syntax"
    return {"message": message, "line": error.lineno or 0, "column": error.offset or 0}


def find_ignored_lines(source):
    """Lines that carry a `# csharp: ignore` comment (a real comment token, not text in a string)."""
    lines = set()
    if b"csharp" not in source.lower():
        return lines  # tokenizing is slow; most files have no marker at all
    try:
        for token in tokenize.tokenize(io.BytesIO(source).readline):
            if token.type == tokenize.COMMENT and IGNORE_COMMENT.search(token.string):
                lines.add(token.start[0])
    except (tokenize.TokenError, SyntaxError, UnicodeError, ValueError):
        pass
    return lines


# ---- names ---------------------------------------------------------------------------------

def collect_aliases(tree, context):
    """Maps each name bound by an import anywhere at module level (also under if/try) to its dotted origin; a relative
    import is made absolute with the module's own name, so `from ._models import Response` names `pkg._models.Response`."""
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
        elif isinstance(node, ast.ImportFrom) and node.level > 0:
            source = context.resolve_relative(node.level, node.module)
            if source is not None:
                for alias in node.names:
                    if alias.name != "*":
                        aliases[alias.asname or alias.name] = source + "." + alias.name
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


def collect_imports(tree, context):
    """Maps each name bound by `from X import name` (also relative ones) to (absolute X, name)."""
    imports = {}
    for node in walk_module_level(tree.body):
        if isinstance(node, ast.ImportFrom):
            source = context.resolve_relative(node.level, node.module)
            if source is None:
                continue
            for alias in node.names:
                if alias.name != "*":
                    imports.setdefault(alias.asname or alias.name, (source, alias.name))
    return imports


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


if __name__ == "__main__":
    main()
