"""Buffer-protocol objects for the IPyBuffer tests (stdlib only: no numpy here)."""
import array

_kept = {}


def doubles(n):
    a = array.array("d", [float(i) for i in range(n)])
    _kept["doubles"] = a
    return a


def read_double(index):
    return _kept["doubles"][index]


def int32s():
    return array.array("i", [1, -2, 3])


def int64s():
    return array.array("q", [2 ** 40, -1])


def writable_bytes():
    b = bytearray(b"abc")
    _kept["bytearray"] = b
    return b


def bytearray_value():
    return bytes(_kept["bytearray"])


def readonly_bytes():
    return b"immutable"


def matrix():
    # 2 x 3 int32 matrix, row-major.
    m = memoryview(array.array("i", [1, 2, 3, 4, 5, 6])).cast("B").cast("i", [2, 3])
    _kept["matrix"] = m
    return m


def matrix_item(row, col):
    return _kept["matrix"][row, col]


def strided():
    return memoryview(bytearray(b"abcdef"))[::2]


def not_a_buffer():
    return "a str is not a buffer"


def big_buffer(megabytes):
    b = bytearray(megabytes * 1024 * 1024)
    b[-1] = 7
    return b
