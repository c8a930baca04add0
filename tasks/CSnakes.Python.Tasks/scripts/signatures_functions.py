"""Functions and their parameters as the reader reports them: kinds, annotations, literal defaults.

Part of read_signatures.py (helper module); the shapes are mirrored by Signatures/SignatureReport.cs.
"""

import ast

from signatures_annotations import describe_annotation, docstring, is_encodable, unparse


def describe_function(node, context, outer_type_params=()):
    aliases = context.aliases
    parameters = describe_parameters(node.args, aliases)
    if context.is_stub:
        mark_dunder_positional_only(parameters)
    return {
        "name": node.name,
        "line": node.lineno,
        "column": node.col_offset + 1,
        "end_line": getattr(node, "end_lineno", None) or node.lineno,
        "is_async": isinstance(node, ast.AsyncFunctionDef),
        "decorators": [unparse(d) for d in node.decorator_list],
        "docstring": docstring(node),
        "returns": describe_annotation(node.returns, aliases),
        "parameters": parameters,
        "csharp_ignore": node.lineno in context.ignored_lines,
        # PEP 695 type parameters (3.12+), of the function and of its class; resolved later.
        "_type_params": list(outer_type_params) + list(getattr(node, "type_params", None) or []),
    }


def mark_dunder_positional_only(parameters):
    """PEP 484: in a stub, leading `__x` parameters (after self/cls) are positional-only `x`."""
    start = 1 if parameters and parameters[0]["name"] in ("self", "cls") else 0
    for parameter in parameters[start:]:
        name = parameter["name"]
        if parameter["kind"] != "positional_or_keyword" or not name.startswith("__") or name.endswith("__"):
            break
        parameter["kind"] = "positional_only"
        parameter["python_name"] = name
        parameter["name"] = name[2:]


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
