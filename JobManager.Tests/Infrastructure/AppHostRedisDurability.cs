using System.Reflection;
using JobManager.AppHost.Redis;

namespace JobManager.Tests.Infrastructure;

/// <summary>
/// The durability arguments the app host gives every Redis it starts (<c>RedisDurability.Arguments</c>:
/// <c>--appendonly yes --appendfsync everysec</c> ...), read from the app host itself so that a test of what a
/// Redis crash loses tests what users run, not a copy that could drift from it.
/// </summary>
public static class AppHostRedisDurability
{
    public static IReadOnlyList<string> Arguments { get; } = Read();

    private static IReadOnlyList<string> Read()
    {
        const string TypeName = "JobManager.AppHost.Redis.RedisDurability";
        var type = typeof(RedisMode).Assembly.GetType(TypeName, throwOnError: true)!;
        var property = type.GetProperty("Arguments", BindingFlags.Public | BindingFlags.Static)
            ?? throw new MissingMemberException(TypeName, "Arguments");
        return (IReadOnlyList<string>)property.GetValue(null)!;
    }
}
