using CSnakes.Python.Tasks.Signatures;

namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>
/// The classes, records and enums of every module read in one generator run, and the one C# type each becomes.
/// A class is generated once, in the types class of the shortest public module that exports it (defines it,
/// re-exports it with <c>from .x import C as C</c> or <c>__all__</c>, or star-imports it): the name Python users write,
/// so <c>json.decoder.JSONDecodeError</c> is <c>JsonModule.JSONDecodeError</c> and httpx's <c>URL</c>, defined in the
/// private <c>httpx._urls</c>, is <c>HttpxModule.URL</c>. Every module that names it in an annotation, under any of its
/// exported names, gets that one type. Built from the reader's report before any module is planned, so the owner's
/// C# names are fixed once and every reference spells them the same way.
/// </summary>
internal sealed class RunTypeIndex
{
    /// <summary>A named type and the module whose types class declares it.</summary>
    // Owner: the module that declares it; PythonName: its name there (the alias it is exported under); CSharpName: the nested type's name.
    internal sealed record OwnedType(string Owner, string PythonName, string CSharpName, object Source);

    // "module.name" under every name any module of the run exports it as -> the origin key ("defining module.name").
    private readonly Dictionary<string, string> _origins = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OwnedType> _owned = new(StringComparer.Ordinal);
    // Every class of the run by origin key, private ones too, with its defining module: bases are followed through them.
    private readonly Dictionary<string, (string Module, PythonClass Class)> _classes = new(StringComparer.Ordinal);
    // Origin key -> the C# type its exception class derives from; null for a class that is no exception.
    private readonly Dictionary<string, string?> _exceptionBases = new(StringComparer.Ordinal);
    private readonly string _rootNamespace;

    public static readonly RunTypeIndex Empty = new("", []);

    /// <summary>
    /// <paramref name="modules"/>: every parsed module of the run with whether it gets a wrapper; a module that gets none
    /// (private, read only) still tells where a class comes from, but never declares it.
    /// </summary>
    public RunTypeIndex(string rootNamespace, IReadOnlyList<(string Module, bool Wrapped, FileSignatures Signatures)> modules)
    {
        _rootNamespace = CSharpNames.Namespace(rootNamespace);
        var exporters = new Dictionary<string, List<(string Module, string Name, object Source)>>(StringComparer.Ordinal);
        foreach (var (module, wrapped, signatures) in modules)
        {
            foreach (var (name, reexportedFrom, reexportedName, source, declarable) in NamedTypes(signatures))
            {
                var origin = (reexportedFrom ?? module) + "." + (reexportedName ?? name);
                _origins[module + "." + name] = origin;
                if (source is PythonClass pythonClass && reexportedFrom is null)
                {
                    _classes[origin] = (module, pythonClass);
                }
                if (wrapped && declarable)
                {
                    if (!exporters.TryGetValue(origin, out var list))
                    {
                        exporters[origin] = list = [];
                    }
                    list.Add((module, name, source));
                }
            }
        }

        // The owner: fewest dots, then shortest, then ordinal, so the choice never depends on the order files were given.
        var byOwner = new Dictionary<string, List<(string Origin, string Name, object Source)>>(StringComparer.Ordinal);
        foreach (var (origin, list) in exporters)
        {
            var owner = list.OrderBy(e => e.Module.Count(c => c == '.')).ThenBy(e => e.Module.Length).ThenBy(e => e.Module, StringComparer.Ordinal).ThenBy(e => e.Name, StringComparer.Ordinal).First();
            if (!byOwner.TryGetValue(owner.Module, out var owned))
            {
                byOwner[owner.Module] = owned = [];
            }
            owned.Add((origin, owner.Name, owner.Source));
        }
        foreach (var (owner, owned) in byOwner)
        {
            var holderName = CSharpNames.TypesClassName(CSharpNames.ModuleAccessor(owner));
            var names = new TypeNamePool(holderName);
            // Enums, then classes, then records, each in name order: the names one module's types take do not depend on use.
            foreach (var (origin, name, source) in owned.OrderBy(o => KindOrder(o.Source)).ThenBy(o => o.Name, StringComparer.Ordinal))
            {
                _owned[origin] = new OwnedType(owner, name, names.Take(CSharpNames.ToPascalCase(name)), source);
            }
        }
    }

    /// <summary>Whether <paramref name="module"/> declares the type it knows as <paramref name="name"/> (it is the owner).</summary>
    public bool Declares(string module, string name) =>
        !_origins.TryGetValue(module + "." + name, out var origin) || !_owned.TryGetValue(origin, out var owned) || owned.Owner == module;

    /// <summary>The C# name <paramref name="module"/> gives the type it declares as <paramref name="name"/>; null when the index has none.</summary>
    public string? AssignedName(string module, string name) =>
        _origins.TryGetValue(module + "." + name, out var origin) && _owned.TryGetValue(origin, out var owned) && owned.Owner == module ? owned.CSharpName : null;

    /// <summary>
    /// The type an annotation names from <paramref name="fromModule"/>: a dotted name (<c>yaml.nodes.Node</c>, as the reader
    /// resolves imports) or a bare one (a class of the module that another module owns). Null when no module of the run
    /// declares it.
    /// </summary>
    public OwnedType? Find(string fromModule, string name)
    {
        var key = name.Contains('.') ? name : fromModule + "." + name;
        return _origins.TryGetValue(key, out var origin) && _owned.TryGetValue(origin, out var owned) ? owned : null;
    }

    /// <summary>Where Python defines what <paramref name="module"/> exports as <paramref name="name"/> (<c>pkg._impl.Point</c>); null when unknown.</summary>
    public string? OriginOf(string module, string name) => _origins.GetValueOrDefault(module + "." + name);

    /// <summary>Every C# name the index fixed for types <paramref name="module"/> declares.</summary>
    public IEnumerable<string> AssignedNames(string module) => _owned.Values.Where(o => o.Owner == module).Select(o => o.CSharpName);

    /// <summary>The qualified types class of <paramref name="module"/>: where its nested types are spelled from.</summary>
    public string HolderOf(string module) => $"global::{_rootNamespace}.{CSharpNames.TypesClassName(CSharpNames.ModuleAccessor(module))}";

    /// <summary>
    /// The .NET type the exception class <paramref name="module"/>.<paramref name="name"/> derives from: the type of its
    /// first base that is an exception (a built-in's runtime type, or another exception class of the run; a private
    /// one is skipped for the type it derives from); null when the class is no exception, as far as the run shows.
    /// </summary>
    public string? ExceptionBaseOf(string module, string name) => ExceptionBase(_origins.GetValueOrDefault(module + "." + name) ?? module + "." + name);

    private string? ExceptionBase(string origin)
    {
        if (_exceptionBases.TryGetValue(origin, out var known))
        {
            return known;
        }
        _exceptionBases[origin] = null;  // a cycle of bases (not valid Python) ends here
        if (!_classes.TryGetValue(origin, out var definition))
        {
            return null;
        }
        string? result = null;
        foreach (var baseName in definition.Class.Bases ?? [])
        {
            if (PythonBuiltinExceptions.CSharpTypeOf(baseName) is { } builtin)
            {
                result = builtin;
                break;
            }
            // Bases are named in the defining module: dotted as imports resolve, or bare for a class of that module.
            var key = baseName.Contains('.') ? baseName : definition.Module + "." + baseName;
            var baseOrigin = _origins.GetValueOrDefault(key) ?? key;
            if (ExceptionBase(baseOrigin) is not { } inherited)
            {
                continue;
            }
            result = _owned.TryGetValue(baseOrigin, out var owned) ? HolderOf(owned.Owner) + "." + owned.CSharpName : inherited;
            break;
        }
        _exceptionBases[origin] = result;
        return result;
    }

    /// <summary>
    /// The plain classes of the run that <paramref name="module"/>.<paramref name="name"/> inherits from, nearest first
    /// (depth first, left to right, each once: Python's MRO for the single and simple multiple inheritance real
    /// packages use), with the module that defines each; private ones too. A base the run does not read ends its branch.
    /// </summary>
    public IReadOnlyList<(string Module, PythonClass Class)> BaseClassesOf(string module, string name)
    {
        var result = new List<(string, PythonClass)>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { _origins.GetValueOrDefault(module + "." + name) ?? module + "." + name };
        void Visit(string origin)
        {
            if (!_classes.TryGetValue(origin, out var definition))
            {
                return;
            }
            foreach (var baseName in definition.Class.Bases ?? [])
            {
                // Bases are named in the defining module: dotted as imports resolve, or bare for a class of that module.
                var key = baseName.Contains('.') ? baseName : definition.Module + "." + baseName;
                var baseOrigin = _origins.GetValueOrDefault(key) ?? key;
                if (seen.Add(baseOrigin) && _classes.TryGetValue(baseOrigin, out var found))
                {
                    result.Add(found);
                    Visit(baseOrigin);
                }
            }
        }
        Visit(seen.First());
        return result;
    }

    private static int KindOrder(object source) => source switch { PythonEnum => 0, PythonClass => 1, _ => 2 };

    // The classes, records and enums a module's report lists, with where each was re-exported from and whether it
    // becomes a C# type (a public class, an enum whose members have literal values, a record).
    private static IEnumerable<(string Name, string? From, string? FromName, object Source, bool Declarable)> NamedTypes(FileSignatures signatures)
    {
        foreach (var e in signatures.Enums ?? [])
        {
            yield return (e.Name, e.ReexportedFrom, e.ReexportedName, e, e.Problem is null && !e.Name.StartsWith('_'));
        }
        foreach (var c in (signatures.Classes ?? []).GroupBy(c => c.Name, StringComparer.Ordinal).Select(g => g.Last()))
        {
            yield return (c.Name, c.ReexportedFrom, c.ReexportedName, c, ClassWrapRule.IsWrapped(c));
        }
        foreach (var r in signatures.Records ?? [])
        {
            yield return (r.Name, r.ReexportedFrom, r.ReexportedName, r, !r.Name.StartsWith('_'));
        }
    }
}

/// <summary>The names the types nested in one module's types class take: none twice, none a member every class has or the holder's own name.</summary>
internal sealed class TypeNamePool
{
    private readonly HashSet<string> _reserved;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public TypeNamePool(string holderName)
    {
        _reserved = new HashSet<string>(CSharpNames.ObjectMembers, StringComparer.Ordinal) { holderName };
    }

    /// <summary>Marks <paramref name="name"/> taken (a name assigned elsewhere that this pool must not give out).</summary>
    public void Reserve(string name) => _used.Add(name);

    /// <summary>Every name taken or reserved so far: what a member of the holder itself may not be called.</summary>
    public IEnumerable<string> Taken => _used.Concat(_reserved);

    /// <summary><paramref name="name"/> made legal and unique: a reserved name takes the escape, a taken one a number.</summary>
    public string Take(string name)
    {
        name = CSharpNames.AvoidReserved(name.Length == 0 ? "Literal" : name, _reserved);
        var candidate = name;
        for (var suffix = 2; !_used.Add(candidate); suffix++)
        {
            candidate = name + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return candidate;
    }
}
