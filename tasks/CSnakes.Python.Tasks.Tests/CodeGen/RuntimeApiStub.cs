namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>
/// The runtime API that generated code may use (docs/architecture.md, "What generated code may use"),
/// as compile-only stubs. Generated code is compiled against this to catch syntax and type errors.
/// </summary>
internal static class RuntimeApiStub
{
    public const string Source = """
        #nullable enable
        using System;
        using System.Collections.Generic;

        namespace CSnakes.Runtime
        {
            public interface IPythonEnvironment : IDisposable
            {
                TModule GetModule<TModule>(string moduleName, Func<PyObject, TModule> factory) where TModule : class;
                PyObject Import(string moduleName);
            }

            public static class GIL
            {
                public static Scope Acquire() => throw null!;
                public readonly struct Scope : IDisposable { public void Dispose() { } }
            }

            public sealed class PyObject : IDisposable
            {
                public PyObject GetAttr(string name) => throw null!;
                public PyObject Call(ReadOnlySpan<PyObject> args) => throw null!;
                public PyObject Call(ReadOnlySpan<PyObject> args, ReadOnlySpan<KeywordArg> kwargs) => throw null!;
                public PyObject Call(ReadOnlySpan<PyObject> args, ReadOnlySpan<KeywordArg> kwargs, IReadOnlyDictionary<string, PyObject>? extraKwargs) => throw null!;
                public static PyObject None => throw null!;
                public bool IsNone() => throw null!;
                public void Dispose() { }
            }

            public readonly record struct KeywordArg(string Name, PyObject Value);
        }

        namespace CSnakes.Runtime.Converters
        {
            using CSnakes.Runtime;

            public abstract class PyConverter<T>
            {
                public PyObject ToPython(T value) => throw null!;
                public T FromPython(PyObject value) => throw null!;
                public T FromPython(PyObject value, string context) => throw null!;
            }

            public sealed class IntConverter : PyConverter<long> { public static IntConverter Instance => throw null!; }
            public sealed class FloatConverter : PyConverter<double> { public static FloatConverter Instance => throw null!; }
            public sealed class StrConverter : PyConverter<string> { public static StrConverter Instance => throw null!; }
            public sealed class BytesConverter : PyConverter<byte[]> { public static BytesConverter Instance => throw null!; }
            public sealed class BoolConverter : PyConverter<bool> { public static BoolConverter Instance => throw null!; }
            public sealed class PyObjectConverter : PyConverter<PyObject> { public static PyObjectConverter Instance => throw null!; }

            public sealed class ListConverter<T>(PyConverter<T> item) : PyConverter<IReadOnlyList<T>>
            {
                public PyObject ToPython(IEnumerable<T> values) => throw null!;
            }

            public sealed class DictConverter<TKey, TValue>(PyConverter<TKey> key, PyConverter<TValue> value) : PyConverter<IReadOnlyDictionary<TKey, TValue>>;

            public sealed class OptionalConverter<T>(PyConverter<T> inner) : PyConverter<T?> where T : class;
            public sealed class NullableConverter<T>(PyConverter<T> inner) : PyConverter<T?> where T : struct;

            public sealed class TupleConverter<T1>(PyConverter<T1> c1) : PyConverter<ValueTuple<T1>>;
            public sealed class TupleConverter<T1, T2>(PyConverter<T1> c1, PyConverter<T2> c2) : PyConverter<(T1, T2)>;
            public sealed class TupleConverter<T1, T2, T3>(PyConverter<T1> c1, PyConverter<T2> c2, PyConverter<T3> c3) : PyConverter<(T1, T2, T3)>;
            public sealed class TupleConverter<T1, T2, T3, T4>(PyConverter<T1> c1, PyConverter<T2> c2, PyConverter<T3> c3, PyConverter<T4> c4) : PyConverter<(T1, T2, T3, T4)>;
            public sealed class TupleConverter<T1, T2, T3, T4, T5>(PyConverter<T1> c1, PyConverter<T2> c2, PyConverter<T3> c3, PyConverter<T4> c4, PyConverter<T5> c5) : PyConverter<(T1, T2, T3, T4, T5)>;
            public sealed class TupleConverter<T1, T2, T3, T4, T5, T6>(PyConverter<T1> c1, PyConverter<T2> c2, PyConverter<T3> c3, PyConverter<T4> c4, PyConverter<T5> c5, PyConverter<T6> c6) : PyConverter<(T1, T2, T3, T4, T5, T6)>;
            public sealed class TupleConverter<T1, T2, T3, T4, T5, T6, T7>(PyConverter<T1> c1, PyConverter<T2> c2, PyConverter<T3> c3, PyConverter<T4> c4, PyConverter<T5> c5, PyConverter<T6> c6, PyConverter<T7> c7) : PyConverter<(T1, T2, T3, T4, T5, T6, T7)>;
            public sealed class TupleConverter<T1, T2, T3, T4, T5, T6, T7, TRest>(PyConverter<T1> c1, PyConverter<T2> c2, PyConverter<T3> c3, PyConverter<T4> c4, PyConverter<T5> c5, PyConverter<T6> c6, PyConverter<T7> c7, PyConverter<TRest> rest)
                : PyConverter<ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest>> where TRest : struct;
        }
        """;
}
