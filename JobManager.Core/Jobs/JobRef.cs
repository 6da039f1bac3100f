namespace JobManager.Core.Jobs;

/// <summary>A job's identity: the owning service and the job's name within it.</summary>
public readonly record struct JobRef(string Service, string Job)
{
    /// <summary>The member naming this job in the time wheel and execution work sets: <c>service/job</c>.</summary>
    public string WheelMember => $"{Service}/{Job}";

    /// <summary>
    /// The member in the shard-wide job index. A space sorts below every character a name may hold, so
    /// the index orders by service, then job ("a x" before "a.b x").
    /// </summary>
    public string IndexMember => $"{Service} {Job}";

    public static JobRef FromWheelMember(string member)
    {
        var slash = member.IndexOf('/');
        return new JobRef(member[..slash], member[(slash + 1)..]);
    }

    public static JobRef FromIndexMember(string member)
    {
        var space = member.IndexOf(' ');
        return new JobRef(member[..space], member[(space + 1)..]);
    }

    public override string ToString() => WheelMember;
}
