using CSnakes.Runtime;
using CSnakesWeb.Python;

var builder = WebApplication.CreateBuilder(args);
// The Python environment, every generated module interface (IGreetings) for injection,
// and Python's logging records in the same ILogger pipeline as ASP.NET's.
builder.Services.AddPython().WithPythonLogging();

var app = builder.Build();
// Start Python now, so a broken install stops the app at startup rather than failing requests.
app.Services.GetRequiredService<IPythonEnvironment>();

app.MapGet("/greet/{name}", (string name, IGreetings greetings) => greetings.Greet(name, excited: true));
app.MapGet("/lengths", (string words, IGreetings greetings) => greetings.WordLengths(words.Split(',')));

app.Run();
