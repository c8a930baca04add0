// Every test drives whole `dotnet` builds; on 2 cores running them side by side only slows each down.
[assembly: DoNotParallelize]
