using CSnakes.Python.Tasks;

namespace CSnakes.Python.Tasks.Tests;

[TestClass]
public sealed class CommandLineSplitterTests
{
    [TestMethod]
    [DataRow("", new string[0])]
    [DataRow("   ", new string[0])]
    [DataRow("--no-index --find-links /w", new[] { "--no-index", "--find-links", "/w" })]
    [DataRow("--find-links \"/my wheels\"", new[] { "--find-links", "/my wheels" })]
    [DataRow("--index-url 'https://x/simple' -v", new[] { "--index-url", "https://x/simple", "-v" })]
    [DataRow("a\"b c\"d", new[] { "ab cd" })]
    [DataRow("--find-links C:\\wheels\\x", new[] { "--find-links", "C:\\wheels\\x" })]
    [DataRow("say \\\"hi\\\"", new[] { "say", "\"hi\"" })]
    [DataRow("\"\"", new[] { "" })]
    [DataRow("x\ty\n z", new[] { "x", "y", "z" })]
    public void SplitsLikeAShell(string text, string[] expected)
    {
        var result = CommandLineSplitter.TrySplit(text, out var error);

        Assert.IsNull(error);
        CollectionAssert.AreEqual(expected, result!.ToArray());
    }

    [TestMethod]
    public void UnclosedQuoteIsAnError()
    {
        Assert.IsNull(CommandLineSplitter.TrySplit("--find-links 'oops", out var error));
        StringAssert.Contains(error, "not closed");
    }
}
