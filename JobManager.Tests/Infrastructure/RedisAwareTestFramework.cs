using JobManager.Tests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("JobManager.Tests.Infrastructure.RedisAwareTestFramework", "JobManager.Tests")]

namespace JobManager.Tests.Infrastructure;

/// <summary>
/// xunit's own framework, except that a test marked <see cref="NeedsRedisServerAttribute"/> (on its method,
/// its class or a base class) is discovered as skipped, with <see cref="RedisServer.MissingReason"/>, where
/// redis-server is not installed. A class-level mark is what lets a class that reruns a suite on a Redis
/// Cluster inherit the suite's plain <c>[Fact]</c>s and still skip them all on a machine without Redis.
/// </summary>
public sealed class RedisAwareTestFramework(IMessageSink diagnosticMessageSink) : XunitTestFramework(diagnosticMessageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assembly, ISourceInformationProvider sources, IMessageSink diagnostics)
        : XunitTestFrameworkDiscoverer(assembly, sources, diagnostics)
    {
        protected override bool FindTestsForMethod(
            ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            if (RedisServer.IsInstalled || !NeedsRedisServer(testMethod)
                || !testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any())
            {
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            }
            var skipped = new SkippedTestCase(
                DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(),
                testMethod, RedisServer.MissingReason);
            return ReportDiscoveredTestCase(skipped, includeSourceInformation, messageBus);
        }

        private static bool NeedsRedisServer(ITestMethod testMethod) =>
            testMethod.Method.GetCustomAttributes(typeof(NeedsRedisServerAttribute)).Any()
            || testMethod.TestClass.Class.GetCustomAttributes(typeof(NeedsRedisServerAttribute)).Any();
    }
}

/// <summary>A test reported as skipped, with its reason, instead of being run (a theory: once, without its data).</summary>
public sealed class SkippedTestCase : XunitTestCase
{
    private string _reason = "";

    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedTestCase()
    {
    }

    public SkippedTestCase(
        IMessageSink diagnosticMessageSink, TestMethodDisplay methodDisplay, TestMethodDisplayOptions methodDisplayOptions,
        ITestMethod testMethod, string reason)
        : base(diagnosticMessageSink, methodDisplay, methodDisplayOptions, testMethod) => _reason = reason;

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("SkipReason", _reason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        _reason = data.GetValue<string>("SkipReason");
        base.Deserialize(data);
    }
}
