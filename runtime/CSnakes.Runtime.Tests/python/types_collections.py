"""Sets and variable-length tuples for TypeSystemCollectionTests."""


def a_set():
    return {1, 2, 3}


def a_frozenset():
    return frozenset({"a", "b"})


def a_list():
    return [1, 2]


def a_tuple():
    return (1, 2, 3)


def type_name(value):
    return type(value).__name__


def sorted_items(value):
    return sorted(value)


def hashable(value):
    return hash(value) is not None


def mixed_set():
    return {1, "two"}
