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
