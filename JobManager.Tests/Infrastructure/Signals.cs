using System.Runtime.InteropServices;

namespace JobManager.Tests.Infrastructure;

/// <summary>POSIX signals a test sends to the processes it started.</summary>
public static class Signals
{
    public const int Term = 15;
    public const int Stop = 19;
    public const int Cont = 18;

    public static void Send(int pid, int signal)
    {
        if (Kill(pid, signal) != 0)
        {
            throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastWin32Error()}");
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
