using CSnakes.Python.Tasks.Tests.Signatures;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>
/// Exception classes of wrapped modules become .NET exception types deriving from their Python base's type and are
/// registered by the generated code: a caller compiled against the real runtime catches them by their own type, by a
/// generated base (across modules, through a private base) and by the runtime's built-in types, on a real interpreter.
/// </summary>
[TestClass]
public sealed class ExceptionTypesCompileTests
{
    private const string PythonVersion = "3.12.1";

    private const string Errors = """
        class ShopError(Exception):
            '''Anything the shop refuses.'''

        class _Internal(ShopError):
            pass

        class OutOfStock(_Internal, KeyError):
            pass

        class BadQuantity(ValueError):
            pass
        """;

    private const string Init = """
        from .errors import ShopError as ShopError, OutOfStock as OutOfStock
        from . import orders as orders
        """;

    private const string Orders = """
        from .errors import OutOfStock, BadQuantity, ShopError

        class Refused(ShopError):
            pass

        def order(item: str, quantity: int) -> str:
            if quantity <= 0:
                raise BadQuantity(f"quantity must be positive, got {quantity}")
            if item == "tea":
                raise OutOfStock(item)
            if item == "refuse":
                raise Refused("no")
            return f"{quantity} x {item}"
        """;

    private const string Program = """
        using System;
        using CSnakes.Runtime;
        using Sample.App;

        var options = new PythonEnvironmentOptions { LibPythonPath = args[0], Home = args[1], ModulePaths = [args[2]] };
        using var env = PythonEnvironment.Start(options);
        var orders = env.ShopOrders();
        Console.WriteLine($"ok: {orders.Order("coffee", 2)}");
        try { orders.Order("tea", 1); }
        catch (ShopModule.OutOfStock e) { Console.WriteLine($"own type: {e.PythonTypeName} {e is ShopModule.ShopError} {e is PythonInvocationException}"); }
        try { orders.Order("tea", 1); }
        catch (ShopModule.ShopError e) { Console.WriteLine($"base type through a private base: {e.GetType().Name}"); }
        try { orders.Order("coffee", 0); }
        catch (BuiltinsModule.ValueError e) { Console.WriteLine($"builtin base: {e.GetType().Name} {e.PythonMessage}"); }
        try { orders.Order("refuse", 1); }
        catch (ShopModule.ShopError e) { Console.WriteLine($"subclass in another module: {e.GetType().Name} {e is ShopOrdersModule.Refused}"); }
        """;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [TestCategory("Slow")]
    public void ExceptionClassesAreCaughtByTheirTypesAndTheirBasesTypes()
    {
        var python = PyenvPython.Require(PythonVersion);
        using var folder = new TempFolder();
        var pythonRoot = GeneratedApp.PythonRoot(folder);
        folder.Write("py/shop/__init__.py", Init);
        folder.Write("py/shop/errors.py", Errors);
        folder.Write("py/shop/orders.py", Orders);
        var (_, engine) = GeneratedApp.Generate(folder, python, "shop/__init__.py", "shop/errors.py", "shop/orders.py");
        Assert.IsFalse(engine.Warnings.Any(), string.Join("\n", engine.Warnings.Select(w => w.Message)));
        var shop = File.ReadAllText(Path.Combine(folder.Path, "app", "generated", "shop.g.cs"));
        var errors = File.ReadAllText(Path.Combine(folder.Path, "app", "generated", "shop.errors.g.cs"));
        StringAssert.Contains(shop, "public class ShopError : global::CSnakes.Runtime.PythonInvocationException");
        StringAssert.Contains(shop, "public class OutOfStock : global::Sample.App.ShopModule.ShopError", "the private base is skipped for the type it derives from");
        StringAssert.Contains(errors, "public class BadQuantity : global::CSnakes.Runtime.BuiltinsModule.ValueError");
        Assert.IsFalse(errors.Contains("public class ShopError :", StringComparison.Ordinal), "ShopError is declared by shop, the shorter module exporting it:\n" + errors);

        var app = Path.Combine(folder.Path, "app");
        folder.Write("app/Program.cs", Program);
        var run = GeneratedApp.BuildAndRun(app, python, PythonVersion, pythonRoot);
        TestContext.WriteLine(run);
        StringAssert.Contains(run, "ok: 2 x coffee\n");
        StringAssert.Contains(run, "own type: shop.errors.OutOfStock True True\n");
        StringAssert.Contains(run, "base type through a private base: OutOfStock\n");
        StringAssert.Contains(run, "builtin base: BadQuantity quantity must be positive, got 0\n");
        StringAssert.Contains(run, "subclass in another module: Refused True\n");
    }
}
