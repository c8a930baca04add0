using System.Globalization;
using CSnakes.Runtime;
using Installed;

// Calls installed packages through wrappers generated from <PythonImport> items alone: jinja2 and rich.text (py.typed),
// yaml (its yaml-stubs package), and the standard library's json, re, sqlite3 and pathlib (typeshed's stubs from mypy). Each line prints
// what Python's str() prints for the same value, so the test can compare it with the same calls made in Python.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
using var env = PythonEnvironment.Start();

using (var jinja = env.Jinja2().NewEnvironment(autoescape: true))
using (var template = jinja.FromString("Hello {{ name }}, {{ items|join(', ') }}!"))
using (var name = PyObject.From("<Ada>"))
using (var items = PyObject.From<IReadOnlyList<long>>([1, 2, 3]))
{
    Console.WriteLine($"jinja2: {template.Render(kwargs: new Dictionary<string, PyObject> { ["name"] = name, ["items"] = items })}");
}

using (var document = env.Yaml().SafeLoad("name: Ada\nlanguages: [python, csharp]\n"))
{
    Console.WriteLine($"yaml: {document}");
}

using (var parsed = env.Json().Loads("{\"a\": [1, 2.5, null], \"b\": true}"))
{
    Console.WriteLine($"json_loads: {parsed}");
    Console.WriteLine($"json_dumps: {env.Json().Dumps(parsed, sortKeys: true)}");
}

using (var pattern = env.Re().Compile(@"(\w+)@(\w+)\.com"))
using (var match = pattern.Search("mail ada@example.com now"))
{
    Console.WriteLine($"re: {match!.Group()}|{match.Span().Item1}|{match.Span().Item2}");
}

using (var connection = env.Sqlite3().Connect(":memory:"))
{
    connection.Execute("create table t (x integer, y text)").Dispose();
    connection.Execute("insert into t values (?, ?)", [PyObject.From(1L), PyObject.From("one")]).Dispose();
    connection.Execute("insert into t values (?, ?)", [PyObject.From(2L), PyObject.From("two")]).Dispose();
    using var cursor = connection.Execute("select x, y from t order by x");
    var rows = cursor.Fetchall();
    Console.WriteLine($"sqlite3: {string.Join("|", rows.Select(row => row.ToString()))}");
}

// pathlib: PurePath's constructor (typeshed's __new__ or __init__, by version), the / and < operators, properties,
// methods. (Not ==: typeshed's newer pathlib stubs declare no __eq__, so the wrapper has no == of its own.)
using (var root = env.Pathlib().NewPurePath(PyObject.From("/usr"), PyObject.From("lib")))
using (var directory = root / "python3")
using (var file = directory / "site.tar.gz")
using (var parent = file.Parent)
using (var renamed = file.WithSuffix(".zip"))
{
    Console.WriteLine($"pathlib: {file.PythonObject}|{file.Name}|{file.Suffix}|{file.Stem}|{parent.PythonObject}|"
        + $"{string.Join(",", file.Suffixes)}|{string.Join(",", file.Parts)}|{renamed.PythonObject}|{file.IsAbsolute()}|{directory < file}");
}

// rich.text: a classmethod as a static method of the wrapper (no environment argument), properties, a record, Append.
using (var text = RichTextModule.Text.FromMarkup("[bold]Hello[/bold], [italic]world[/italic]!"))
{
    var (plain, length) = (text.Plain, text.Count);
    // Text.append returns the same Python object, extended.
    using var appended = text.Append(" Bye.", style: "red");
    var spans = string.Join(",", appended.Spans.Select(span => $"{span.Start}-{span.End}:{span.Style}"));
    Console.WriteLine($"rich: {plain}|{length}|{appended.Plain}|{spans}|{text.Markup}");
}

// Python exceptions arrive as .NET types: the module's own (generated), and the runtime's built-in hierarchy.
try
{
    using var connection = env.Sqlite3().Connect(":memory:");
    connection.Execute("select * from missing_table").Dispose();
}
catch (Sqlite3Module.OperationalError e)
{
    Console.WriteLine($"sqlite3_error: {e.PythonTypeName}|{e is Sqlite3Module.DatabaseError}|{e.PythonMessage}");
}

try
{
    env.Json().Loads("{\"a\": ").Dispose();
}
catch (JsonModule.JSONDecodeError e) when (e is BuiltinsModule.ValueError)
{
    Console.WriteLine($"json_error: {e.PythonTypeName}|{e.PythonMessage}");
}

try
{
    using var jinja = env.Jinja2().NewEnvironment();
    jinja.FromString("{% if %}").Dispose();
}
catch (Jinja2Module.TemplateSyntaxError e) when (e is Jinja2Module.TemplateError)
{
    Console.WriteLine($"jinja2_error: {e.PythonTypeName}|{e.PythonMessage}");
}
