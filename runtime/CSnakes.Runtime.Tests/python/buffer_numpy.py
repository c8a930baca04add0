"""numpy arrays for the IPyBuffer tests, where numpy is installed and importable (Debian's python3-numpy).

Always importable itself: `unavailable()` says why numpy is not (any ImportError: not installed, or
installed but its C extension not built for this interpreter, as Debian testing's numpy under 3.13)."""
try:
    import numpy as np
    _import_error = None
except ImportError as e:
    np = None
    # numpy's own ImportError is a page of advice; its cause (e.g. "No module named
    # 'numpy._core._multiarray_umath'") says what is missing.
    _root = e
    while _root.__cause__ is not None or _root.__context__ is not None:
        _root = _root.__cause__ or _root.__context__
    _import_error = f"{type(_root).__name__}: {str(_root).strip() or str(e).strip()}"

_kept = {}


def available():
    return np.__version__


def unavailable():
    """None when numpy imported; else why not (the first line of the innermost ImportError)."""
    return _import_error.splitlines()[0] if _import_error else None


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


def fortran_item(row, col):
    return int(_kept["fortran"][row, col])


def fortran_writable():
    a = np.asfortranarray(np.arange(6, dtype=np.int64).reshape(2, 3))
    _kept["fortran"] = a
    return a


def permuted_cube():
    # Axes (2, 0, 1) of arange(24).reshape(2, 3, 4): item [k, i, j] is 12*i + 4*j + k.
    return np.arange(24, dtype=np.int32).reshape(2, 3, 4).transpose(2, 0, 1)


def one_row():
    # Shape (1, 4) sliced from a 3 x 4 array: numpy reports the parent's 16-byte row stride.
    return np.arange(12, dtype=np.int32).reshape(3, 4)[1:2, :]


def broadcast_rows():
    # Read-only, 4 x 3 with a zero row stride: every row is the same memory.
    return np.broadcast_to(np.arange(3, dtype=np.int32), (4, 3))


def empty_matrix():
    return np.zeros((0, 3), dtype=np.int32)


def sliding_windows():
    # Overlapping rows: row i is items i..i+2 (strides 8, 8).
    return np.lib.stride_tricks.sliding_window_view(np.arange(6, dtype=np.int64), 3)


def packed_field():
    # An int32 field of a packed record (5 bytes): strides are not whole items.
    return np.zeros(4, dtype=[("a", "<i4"), ("b", "i1")])["a"]
