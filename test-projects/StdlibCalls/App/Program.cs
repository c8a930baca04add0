using System.Globalization;
using CSnakes.Runtime;
using Stubs;

// Calls standard-library functions through wrappers generated from typeshed's stubs. Each line prints the
// result as Python's str() of the value, so the test can compare it with the same call made in Python.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
using var env = PythonEnvironment.Start();

// Parameters annotated with protocols (SupportsFloat, SupportsIndex, ReadableBuffer, SupportsLenAndGetItem),
// or containers of them, are PyObject in C# (docs/type-mapping.md): the values are made with PyObject.From.
// A bare TypeVar is Any, so Iterable[_T] is IEnumerable<PyObject>; str | bytes is one overload per type; *args is PyObject[].
static PyObject P<T>(T value) => PyObject.From(value);
static string Show<T>(T value)
{
    using var python = PyObject.From(value);
    return python.ToString();
}

Console.WriteLine($"fmean: {Show(env.Statistics().Fmean(P<IReadOnlyList<double>>([1.0, 2.5, 4.0])))}");
Console.WriteLine($"gcd: {Show(env.Math().Gcd([P(12L), P(18L)]))}");
Console.WriteLine($"log: {Show(env.Math().Log(P(8L), P(2L)))}");
Console.WriteLine($"crc32: {Show(env.Zlib().Crc32(P<byte[]>("hello"u8.ToArray()), 5))}");
Console.WriteLine($"shlex_join: {Show(env.Shlex().Join(["echo", "a b", "it's"]))}");
Console.WriteLine($"path_join: {Show(env.OsPath().Join("usr", [P("lib"), P("x.txt")]))}");
Console.WriteLine($"bisect_left: {Show(env.Bisect().BisectLeft([P(1L), P(3L), P(5L), P(7L)], P(5L)))}");
using (PyObject sum = env.Operator().Add(P(40L), P(2L)))
{
    Console.WriteLine($"add: {sum}");
}
Console.WriteLine($"hexlify: {Show(env.Binascii().Hexlify(P<byte[]>([0x01, 0xab, 0xff])))}");
Console.WriteLine($"unquote: {Show(env.UrllibParse().Unquote("a%20b%2Fc%C3%A9"))}");
var copies = env.Itertools().Tee([P(1L), P(2L), P(3L)], 2);
Console.WriteLine($"tee: {copies.Count}|{string.Join("|", copies.Select(copy => string.Join(",", copy.Select(item => item.ToString()))))}");
