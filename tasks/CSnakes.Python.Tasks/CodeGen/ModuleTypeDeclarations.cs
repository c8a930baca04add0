using CSnakes.Python.Tasks.Signatures;

namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>
/// Every type one module's wrapper declares, nested in its types class: enums for its own <c>enum.Enum</c> classes
/// (known up front) and one per distinct <c>Literal[...]</c> value set met while mapping annotations (named by the
/// first use); records for its dataclass/NamedTuple/TypedDict classes (declared, their fields mapped, on first use,
/// so a field may be another record or enum of the module); wrapper classes for its plain classes. All share one
/// pool of C# type names.
/// </summary>
internal sealed class ModuleTypeDeclarations
{
    private readonly string _moduleName;
    // The qualified static class the types are declared in, and the names a type nested there must not take.
    private readonly string _holder;
    private readonly TypeNamePool _names;
    private readonly RunTypeIndex _index;
    private readonly Dictionary<string, EnumType> _classes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _skippedClasses = new(StringComparer.Ordinal);
    // Literal set key ("str:a\nb", order-insensitive) -> its enum.
    private readonly Dictionary<string, EnumType> _literals = new(StringComparer.Ordinal);
    private readonly List<EnumType> _declaredEnums = [];

    private readonly Dictionary<string, PythonRecord> _recordClasses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RecordType?> _records = new(StringComparer.Ordinal);
    private readonly List<RecordType> _declaredRecords = [];
    private readonly List<(string Code, int Line, string Message)> _recordNotes = [];

    private readonly Dictionary<string, ClassType> _wrappedClasses = new(StringComparer.Ordinal);

    // holder: the qualified static class the module's types are nested in (global::Ns.DemoModule); holderName its simple name.
    // index: the run's types (which module declares each, under which C# name); enums and records given here are this module's own.
    public ModuleTypeDeclarations(string moduleName, string holder, string holderName, IReadOnlyList<PythonEnum> enums, IReadOnlyList<PythonRecord>? records = null, RunTypeIndex? index = null)
    {
        _holder = holder;
        _index = index ?? RunTypeIndex.Empty;
        _names = new TypeNamePool(holderName);
        foreach (var assigned in _index.AssignedNames(moduleName))
        {
            // Other modules already spell these: literal enums and the like must not take them.
            _names.Reserve(assigned);
        }
        foreach (var record in records ?? [])
        {
            _recordClasses[record.Name] = record;
        }
        _moduleName = moduleName;
        foreach (var pythonEnum in enums)
        {
            if (pythonEnum.Problem is { } problem)
            {
                _skippedClasses[pythonEnum.Name] = problem;
                continue;
            }
            var type = PythonEnumType(pythonEnum, NamedTypeName(pythonEnum.Name), _holder, moduleName, pythonEnum.Name);
            _classes[pythonEnum.Name] = type;
            _declaredEnums.Add(type);
        }
    }

    /// <summary>The enums to declare, in order: the module's classes, then literal sets in order of first use.</summary>
    public IReadOnlyList<EnumType> DeclaredEnums => _declaredEnums;

    /// <summary>The records to declare, in order of first use (a record's field records come before it).</summary>
    public IReadOnlyList<RecordType> DeclaredRecords => _declaredRecords;

    /// <summary>Why record fields were mapped differently than written (unmapped annotations, non-literal defaults).</summary>
    public IReadOnlyList<(string Code, int Line, string Message)> RecordNotes => _recordNotes;

    /// <summary>
    /// The record for a dataclass/NamedTuple/TypedDict of this module named <paramref name="pythonName"/>, declared
    /// (named, its fields mapped, added to <see cref="DeclaredRecords"/>) on the first call; null for other names and
    /// for a record that refers to itself.
    /// </summary>
    public RecordType? GetOrDeclareRecord(string pythonName)
    {
        if (_records.TryGetValue(pythonName, out var known))
        {
            return known;
        }
        if (!_recordClasses.TryGetValue(pythonName, out var record))
        {
            return null;
        }
        // Marks the record as in progress: a field that refers back to it maps as unsupported.
        _records[pythonName] = null;
        var recordName = NamedTypeName(record.Name);
        var reservedFields = new HashSet<string>(RecordMembers, StringComparer.Ordinal) { recordName };
        var names = EnumNames.Unique(record.Fields.Select(f => CSharpNames.AvoidReserved(CSharpNames.ToPascalCase(f.Name), reservedFields)));
        var fields = new List<RecordField>();
        for (var i = 0; i < record.Fields.Count; i++)
        {
            var field = record.Fields[i];
            var mapping = TypeMapper.MapParameter(field.Annotation, this, CSharpNames.ToPascalCase(record.Name) + names[i]);
            if (mapping.Problem is not null)
            {
                _recordNotes.Add((DiagnosticCodes.UnmappedAnnotation, field.Line, $"The field {_moduleName}.{record.Name}.{field.Name} is {mapping.DisplayName} in C#: {mapping.Problem}."));
            }
            var type = mapping.Type ?? ScalarType.Object;
            if (!field.Required)
            {
                // A TypedDict key that may be missing: null in C# means "absent" both ways.
                var present = type is OptionalType optional ? optional.Inner : type;
                fields.Add(new RecordField(names[i], field.Name, new OptionalType(present), "null", OmitWhenNull: true));
                continue;
            }
            if (field.Default is { Kind: "none" } && type is not OptionalType)
            {
                // `x: int = None` (or an unmapped `Code | None = None`): None is a value the field takes, so it is nullable
                // in C#, as a parameter with that default is.
                type = new OptionalType(type);
            }
            string? defaultValue = null;
            if (field.Default is { } given)
            {
                defaultValue = CSharpLiterals.Default(given, type, nullable: given.Kind == "none");
                if (defaultValue is null)
                {
                    _recordNotes.Add((DiagnosticCodes.DefaultMadeRequired, field.Line, $"The field {_moduleName}.{record.Name}.{field.Name} is required in C#: its default '{given.Text}' is not a literal of its type. Pass the value from C#, or use a literal default."));
                }
            }
            fields.Add(new RecordField(names[i], field.Name, type, defaultValue));
        }
        // Keys that may be missing have no place in Python's order (a dict), so they go last, where C# allows their default.
        fields = fields.Where(f => !f.OmitWhenNull).Concat(fields.Where(f => f.OmitWhenNull)).ToList();
        // A required field cannot follow an optional one in C#: only the trailing run of defaults is kept.
        for (var i = fields.Count - 2; i >= 0; i--)
        {
            if (fields[i].DefaultValue is not null && fields[i + 1].DefaultValue is null)
            {
                fields[i] = fields[i] with { DefaultValue = null };
            }
        }
        var shape = record.Kind == RecordKind.TypedDict ? RecordShape.Dictionary : RecordShape.Attributes;
        var recordType = new RecordType(recordName, _holder, fields, _moduleName, record.Name, shape);
        _records[pythonName] = recordType;
        _declaredRecords.Add(recordType);
        return recordType;
    }

    /// <summary>Declares (names) the C# wrapper class for the plain Python class <paramref name="pythonName"/> of this module.</summary>
    public ClassType DeclareWrappedClass(string pythonName)
    {
        var type = new ClassType(NamedTypeName(pythonName), _holder, _moduleName, pythonName);
        _wrappedClasses[pythonName] = type;
        return type;
    }

    /// <summary>
    /// The type another module of the run declares for <paramref name="name"/> (dotted as the reader resolves imports,
    /// or bare for a class of this module that a shorter module owns); null when none does.
    /// </summary>
    public CSharpType? FindDeclaredElsewhere(string name)
    {
        var owned = (_scopeModule is not null ? _index.Find(_scopeModule, name) : null) ?? _index.Find(_moduleName, name);
        if (owned is null)
        {
            return null;
        }
        if (owned.Owner == _moduleName)
        {
            // Named by where it is defined (pkg._models.Response) but declared here, under the name this module exports it as.
            return FindEnum(owned.PythonName, out _) ?? GetOrDeclareRecord(owned.PythonName) ?? (CSharpType?)FindWrappedClass(owned.PythonName);
        }
        if (owned.Source is PythonClass && _index.ExceptionBaseOf(owned.Owner, owned.PythonName) is not null)
        {
            return null;  // an exception class is a .NET exception type, not a wrapper an annotation can hold
        }
        var holder = _index.HolderOf(owned.Owner);
        return owned.Source switch
        {
            PythonEnum pythonEnum => PythonEnumType(pythonEnum, owned.CSharpName, holder, owned.Owner, owned.PythonName),
            // The record's fields matter only where it is declared; elsewhere its name and converter are all that is spelled.
            PythonRecord record => new RecordType(owned.CSharpName, holder, [], owned.Owner, owned.PythonName, record.Kind == RecordKind.TypedDict ? RecordShape.Dictionary : RecordShape.Attributes),
            _ => new ClassType(owned.CSharpName, holder, owned.Owner, owned.PythonName),
        };
    }

    /// <summary>
    /// While the returned scope lives, bare names in annotations are looked up in <paramref name="definingModule"/> first:
    /// a re-exported function or class was written there, so its bare names are that module's (null: this module's).
    /// </summary>
    public IDisposable NamesFrom(string? definingModule)
    {
        var previous = _scopeModule;
        _scopeModule = definingModule;
        return new ScopeRestore(() => _scopeModule = previous);
    }

    private string? _scopeModule;

    private sealed class ScopeRestore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    // One rule for an enum class's C# enum, where it is declared and where another module names it.
    private static EnumType PythonEnumType(PythonEnum pythonEnum, string name, string holder, string moduleName, string pythonName)
    {
        var names = EnumNames.Unique(pythonEnum.Members.Select(m => EnumNames.Member(m.Name)));
        var members = pythonEnum.Members.Select((m, i) => new EnumMember(names[i], m.Name)).ToList();
        return new EnumType(name, holder, EnumOrigin.PythonEnum, members, moduleName, pythonName,
            $"The Python enum <c>{XmlDoc.Escape(moduleName + "." + pythonName)}</c>.");
    }

    // The name the run's index fixed for a class, record or enum of this module, else a fresh one; noted with where
    // Python defines it when that is another module (this one re-exports it).
    private string NamedTypeName(string pythonName)
    {
        var name = _index.AssignedName(_moduleName, pythonName) ?? _names.Take(CSharpNames.ToPascalCase(pythonName));
        if (_index.OriginOf(_moduleName, pythonName) is { } origin && origin != _moduleName + "." + pythonName)
        {
            _definedAs[name] = origin;
        }
        return name;
    }

    private readonly Dictionary<string, string> _definedAs = new(StringComparer.Ordinal);

    /// <summary>Names the .NET exception type for the exception class <paramref name="pythonName"/> of this module.</summary>
    public string DeclareException(string pythonName) => NamedTypeName(pythonName);

    /// <summary>For each declared type another module defines, by C# name, its defining <c>module.Class</c>.</summary>
    public IReadOnlyDictionary<string, string> DefinedAs => _definedAs;

    /// <summary>The names the types class already gives its nested types (and the names it must not use): its own members take others.</summary>
    public IEnumerable<string> TypeNames => _names.Taken;

    /// <summary>Keeps a member of the types class (an enum's extension method) named <paramref name="name"/> from types declared later.</summary>
    public void ReserveMemberName(string name) => _names.Reserve(name);

    /// <summary>The wrapper class for a plain Python class of this module named <paramref name="pythonName"/>, or null.</summary>
    public ClassType? FindWrappedClass(string pythonName) => _wrappedClasses.GetValueOrDefault(pythonName);

    /// <summary>The enum for an enum class of this module named <paramref name="pythonName"/>; <paramref name="problem"/> when it was skipped.</summary>
    public EnumType? FindEnum(string pythonName, out string? problem)
    {
        _skippedClasses.TryGetValue(pythonName, out problem);
        return _classes.TryGetValue(pythonName, out var type) ? type : null;
    }

    /// <summary>
    /// The enum for <c>Literal[...]</c> with <paramref name="values"/> (all str or all int), reusing the enum of
    /// an identical set; a new one is declared, named <paramref name="nameHint"/>. Null with <paramref name="problem"/> otherwise.
    /// </summary>
    public EnumType? GetOrDeclareLiteralEnum(IReadOnlyList<AnnotationNode> values, string nameHint, out string? problem)
    {
        problem = null;
        if (values.Count == 0)
        {
            problem = "'Literal' needs at least one value";
            return null;
        }
        if (values.Any(v => v.Kind != AnnotationKind.Literal || v.Text is null) || values.Select(v => v.Name).Distinct().Count() != 1)
        {
            problem = "only a Literal of all-str or all-int values becomes an enum (e.g. Literal[\"a\", \"b\"])";
            return null;
        }
        var isInt = values[0].Name == "int";
        var texts = values.Select(v => v.Text!).Distinct(StringComparer.Ordinal).ToList();
        if (isInt && texts.Any(t => !long.TryParse(t, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _)))
        {
            problem = "an int Literal value does not fit in a 64-bit long";
            return null;
        }
        var key = (isInt ? "int:" : "str:") + string.Join("\n", texts.OrderBy(t => t, StringComparer.Ordinal));
        if (_literals.TryGetValue(key, out var existing))
        {
            return existing;
        }
        var names = EnumNames.Unique(texts.Select(EnumNames.Member));
        var members = texts.Select((t, i) => new EnumMember(names[i], t)).ToList();
        var shown = string.Join(", ", texts.Select(t => isInt ? t : "'" + t + "'"));
        var type = new EnumType(_names.Take(nameHint), _holder, isInt ? EnumOrigin.IntLiteral : EnumOrigin.StrLiteral, members, _moduleName, "",
            $"The values of <c>{XmlDoc.Escape("Literal[" + shown + "]")}</c> in the Python module <c>{XmlDoc.Escape(_moduleName)}</c>.");
        _literals[key] = type;
        _declaredEnums.Add(type);
        return type;
    }

    // Members C# gives every record besides object's; a field property of one of these names would clash.
    public static readonly ISet<string> RecordMembers = new HashSet<string>(CSharpNames.ObjectMembers, StringComparer.Ordinal)
    {
        "EqualityContract", "Deconstruct", "PrintMembers", RecordType.ConverterField,
    };
}
