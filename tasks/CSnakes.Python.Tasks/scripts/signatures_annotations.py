"""Annotations as small trees, with names resolved through the module's imports.

Part of read_signatures.py (helper module).
"""

import ast

ANNOTATED_NAMES = frozenset(("typing.Annotated", "typing_extensions.Annotated"))

LITERAL_NAMES = frozenset(("typing.Literal", "typing_extensions.Literal"))


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
    expression = parse_string_expression(text)
    if expression is None:
        return {"kind": "other", "text": repr(text)}
    return annotation_tree(expression, aliases, depth + 1)


def parse_string_expression(text):
    """The expression a string annotation (or a quoted alias) spells, or None when it spells none.

    Any str literal gets here: a lone surrogate cannot be encoded for the parser (UnicodeError), a NUL is a
    ValueError before 3.12, and a deeply nested one is a RecursionError/MemoryError.
    """
    try:
        return ast.parse(text.strip(), mode="eval").body
    except (SyntaxError, ValueError, UnicodeError, RecursionError, MemoryError):
        return None


def docstring(node):
    """The node's docstring, a lone surrogate in it written as its escape (\\ud800): the C# side reads UTF-16 JSON
    and refuses a lone surrogate, which would fail the whole run for one character of documentation."""
    text = ast.get_docstring(node)
    if text is None or is_encodable(text):
        return text
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


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
