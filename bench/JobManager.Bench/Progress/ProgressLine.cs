namespace JobManager.Bench.Progress;

/// <summary>
/// A status line on stderr, refreshed every second while a phase runs: rewritten in place on a terminal,
/// one line every 5 s when redirected (CI logs).
/// </summary>
public sealed class ProgressLine : IAsyncDisposable
{
    private readonly Func<string> _status;
    private readonly string _label;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly DateTime _started = DateTime.UtcNow;

    public ProgressLine(string label, Func<string> status)
    {
        _label = label;
        _status = status;
        _loop = LoopAsync();
    }

    private async Task LoopAsync()
    {
        var interactive = !Console.IsErrorRedirected;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(interactive ? 1 : 5));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Write(interactive);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Write(bool interactive)
    {
        var line = $"  [{_label} {(DateTime.UtcNow - _started).TotalSeconds,5:0}s] {_status()}";
        if (interactive)
        {
            Console.Error.Write("\r" + line.PadRight(Math.Max(Width() - 1, line.Length)));
        }
        else
        {
            Console.Error.WriteLine(line);
        }
    }

    private static int Width()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 120;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        var interactive = !Console.IsErrorRedirected;
        Write(interactive);
        if (interactive)
        {
            Console.Error.WriteLine();
        }
        _stop.Dispose();
    }
}
