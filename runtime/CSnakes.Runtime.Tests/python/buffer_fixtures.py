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


def cube():
    # 2 x 3 x 4 int32, row-major: item [i, j, k] is 12*i + 4*j + k.
    c = memoryview(array.array("i", range(24))).cast("B").cast("i", [2, 3, 4])
    _kept["cube"] = c
    return c


def cube_item(i, j, k):
    return _kept["cube"][i, j, k]


def every_third():
    # Items 1, 4, 7 of 0..9: a 12-byte stride over 4-byte items.
    a = array.array("i", range(10))
    _kept["every_third"] = a
    return memoryview(a)[1::3]


def every_third_source():
    return _kept["every_third"].tolist()


def reversed_ints():
    return memoryview(array.array("i", [1, 2, 3]))[::-1]


def scalar_double():
    # Zero dimensions: one item, no shape.
    return memoryview(array.array("d", [2.5])).cast("B").cast("d", [])
