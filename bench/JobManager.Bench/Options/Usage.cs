namespace JobManager.Bench.Options;

/// <summary>The help text. Keep in step with <c>docs/benchmarks.md</c>.</summary>
public static class Usage
{
    public const string Text = """
        JobManager benchmark: dispatch speed, lateness and cost.

        usage: dotnet run -c Release --project bench/JobManager.Bench -- SCENARIO TARGET [options]

        SCENARIO   burst | steady | ceiling | cost | all (default all)
        TARGET     --self-host [--dispatchers N]   start redis-server, the Api and N dispatchers (default 2)
                                                   from their build output: run `dotnet build -c Release` first
                   --api URL [--api-key KEY]       a live system on this machine (loopback only)
                         [--redis HOST:PORT]       its Redis, for the cost scenario's memory figures

        receiver   --callback-delay-ms MS (burst 2000, others 0)  --fail-fraction F (0)  --callback-concurrency N (64)
        load       --put-concurrency N (64)  --period-seconds S (10: rate(S seconds) jobs drive the load)
        burst      --jobs N (10000)  --warmup-jobs N (= --jobs)  --warmup-rounds N (2)
        steady     --rate N (1000 executions/s)  --duration-seconds S (60)
        ceiling    --steps 500,1000,... (executions/s)  --step-seconds S (20)  --ceiling-budget-seconds S (300)
        cost       --cost-jobs N (10000)  --cost-execution-jobs N (2000)  --cost-waves N (3)
        repeat     --repeat N (1): run each scenario N times, each on a fresh system, then print the medians
        output     --results DIR (bench/results)  --configuration C (Release)  --service-log-level L (Warning)
        services   --service-env KEY=VALUE (repeatable; self-host only), e.g. JobManager__Dispatcher__ClaimBatchSize=500
        """;
}
