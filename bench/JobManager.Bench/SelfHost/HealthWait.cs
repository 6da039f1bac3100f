namespace JobManager.Bench.SelfHost;

/// <summary>Waits for a started service's <c>/health</c> to answer 200, failing fast if the process dies.</summary>
public static class HealthWait
{
    public static async Task UntilHealthyAsync(ChildProcess process, Uri baseUrl, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        var health = new Uri(baseUrl, "/health");
        string last = "no answer yet";
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"{process.Name} exited while starting. Last lines of {process.LogPath}:\n{process.Tail()}");
            }
            try
            {
                using var response = await http.GetAsync(health, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = "timed out";
            }
            await Task.Delay(200, cancellationToken);
        }
        throw new TimeoutException(
            $"{process.Name} was not healthy at {health} within {timeout.TotalSeconds:0} s ({last}). Log: " +
            $"{process.LogPath}\n{process.Tail()}");
    }
}
