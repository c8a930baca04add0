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


def a_range():
    return range(2, 8, 2)


class Squares:
    """A user sequence: only __len__ and __getitem__, registered as a collections.abc.Sequence."""

    def __len__(self):
        return 3

    def __getitem__(self, index):
        if not 0 <= index < 3:
            raise IndexError(index)
        return index * index


import collections.abc  # noqa: E402

collections.abc.Sequence.register(Squares)


def squares():
    return Squares()
