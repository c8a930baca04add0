"""Names that are C# keywords or collide with what generated code declares."""


def lock(object: int, params: str, string: str = "s", this: int = 0) -> str:
    """Every parameter name is a C# keyword."""
    return f"{object}-{params}-{string}-{this}"


def event(namespace: int, operator: int) -> int:
    return namespace + operator


def keywords() -> str:
    """Named like the module, so the method is named like the accessor."""
    return "module-named"


def to_string() -> str:
    return "not object.ToString"


def get_hash_code() -> int:
    return 7


def python_module() -> str:
    """Named like the wrapper's PythonModule property."""
    return "not the property"


def locals_clash(result: int, py_result: int, module: int, env: int, args: int, kwargs: int) -> int:
    """Parameter names the generated body might use for its own locals."""
    return result + py_result + module + env + args + kwargs
