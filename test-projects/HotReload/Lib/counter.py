"""The hot-reload e2e test edits this file while the app runs under dotnet watch."""


def value() -> int:
    return 1
