"""numpy arrays for the IPyBuffer tests; only importable where numpy is installed (Debian's python3-numpy)."""
import numpy as np

_kept = {}


def available():
    return np.__version__


def array_of(dtype):
    a = np.arange(6).astype(dtype)
    _kept[dtype] = a
    return a


def bools():
    return np.array([True, False, True])


def read(dtype, index):
    return _kept[dtype][index].item()


def matrix():
    m = np.arange(12, dtype=np.float64).reshape(3, 4)
    _kept["matrix"] = m
    return m


def matrix_item(row, col):
    return float(_kept["matrix"][row, col])


def column_slice():
    return np.arange(12, dtype=np.int32).reshape(3, 4)[:, ::2]


def fortran():
    return np.asfortranarray(np.arange(6, dtype=np.int64).reshape(2, 3))


def read_only():
    a = np.arange(3, dtype=np.float32)
    a.setflags(write=False)
    return a


def big_endian():
    return np.arange(3, dtype=">i4")
