using CSnakes.Python.Tasks.Signatures;

namespace CSnakes.Python.Tasks.CodeGen;

// Methods and properties of Python enum classes → extension methods on the generated C# enum (docs: "Enums").
internal sealed partial class WrapperPlanner
{
    /// <summary>
    /// The members of each enum class this module declares that C# can call on a member: its instance methods and its
    /// annotated <c>@property</c>s. A C# enum holds no members, so they become extension methods of the types class
    /// (<c>Color.Red.Describe()</c>, <c>Color.Red.Label()</c>), which send the Python member and call it there. Static and
    /// class methods (no member to call them on) and special methods get none, each named in a build message.
    /// Planned after every other type, so their names are checked against all the types class declares.
    /// </summary>
    private List<EnumExtensions> PlanEnumMembers(IReadOnlyList<PythonEnum> enums)
    {
        var result = new List<EnumExtensions>();
        // Extension methods are members of the types class: none may take the name of a type nested in it. Two enums'
        // members may share a name (overloads on different receivers), so only the types are reserved.
        var reserved = new HashSet<string>(_types.TypeNames, StringComparer.Ordinal);
        reserved.UnionWith(CSharpNames.ObjectMembers);
        // A later class of the same name replaces an earlier one, as it does when Python runs the module.
        foreach (var pythonEnum in enums.GroupBy(e => e.Name, StringComparer.Ordinal).Select(g => g.Last()))
        {
            if (pythonEnum.Methods is not { Count: > 0 } defs || _types.FindEnum(pythonEnum.Name, out _) is not { } type)
            {
                continue;
            }
            var (methods, properties) = PlanMembers(pythonEnum.Name, pythonEnum.Line, defs, type.Name, reserved, settable: false);
            if (methods.Count + properties.Count == 0)
            {
                continue;
            }
            foreach (var name in methods.Select(m => m.MethodName).Concat(properties.Select(p => p.CSharpName)))
            {
                _types.ReserveMemberName(name);
            }
            result.Add(new EnumExtensions(type, methods, properties));
        }
        return result;
    }
}
