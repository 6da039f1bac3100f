using JobManager.Core.Schedules;

namespace JobManager.Tests.Schedules;

/// <summary>What <see cref="ScheduleExpression.TryParse"/> accepts, and what it tells the user when it does not.</summary>
public class ScheduleParserTests
{
    [Theory]
    [InlineData("cron(0 10 * * ? *)", ScheduleKind.Cron, "cron(0 10 * * ? *)")]
    [InlineData("rate(5 minutes)", ScheduleKind.Rate, "rate(5 minutes)")]
    [InlineData("at(2026-11-26T09:30:00)", ScheduleKind.At, "at(2026-11-26T09:30:00)")]
    // Outer whitespace is dropped from Text; space inside the parentheses and between fields is free.
    [InlineData("  rate(5 minutes)\n", ScheduleKind.Rate, "rate(5 minutes)")]
    [InlineData("cron( 0  10\t* * ? * )", ScheduleKind.Cron, "cron( 0  10\t* * ? * )")]
    [InlineData("at( 2026-11-26T09:30:00 )", ScheduleKind.At, "at( 2026-11-26T09:30:00 )")]
    public void TryParse_RecognisesTheForm_AndKeepsTheText(string text, ScheduleKind kind, string expectedText)
    {
        Assert.True(ScheduleExpression.TryParse(text, out var schedule, out var error), error);
        Assert.Null(error);
        Assert.Equal(kind, schedule.Kind);
        Assert.Equal(expectedText, schedule.Text);
        Assert.Equal(expectedText, schedule.ToString());
    }

    [Theory]
    // Missing or not a schedule at all
    [InlineData(null, "schedule is required")]
    [InlineData("", "schedule is required")]
    [InlineData("   ", "schedule is required")]
    [InlineData("every 5 minutes", "schedule must be cron(...), rate(...) or at(...)")]
    [InlineData("0 10 * * ?", "schedule must be cron(...), rate(...) or at(...)")]
    [InlineData("CRON(0 10 * * ? *)", "schedule must be cron(...), rate(...) or at(...)")]
    [InlineData("cron(0 10 * * ? *", "cron(...) must end with ')'")]
    // cron: the shape of the expression
    [InlineData("cron(0 10 * * ?)", "cron() needs 6 fields (Minutes Hours Day-of-month Month Day-of-week Year), got 5")]
    [InlineData("cron(0 10 * * ? * *)", "cron() needs 6 fields (Minutes Hours Day-of-month Month Day-of-week Year), got 7")]
    [InlineData("cron()", "cron() needs 6 fields (Minutes Hours Day-of-month Month Day-of-week Year), got 0")]
    [InlineData("cron(0 10 ? * ? *)", "day-of-month and day-of-week: only one of them can be ?")]
    [InlineData("cron(0 10 * * * *)", "day-of-month and day-of-week: one of them must be ?")]
    [InlineData("cron(0 10 1 * MON *)", "day-of-month and day-of-week: one of them must be ?")]
    // cron: values out of range, each naming its field
    [InlineData("cron(60 10 * * ? *)", "minutes: 60 is out of range 0-59")]
    [InlineData("cron(0 24 * * ? *)", "hours: 24 is out of range 0-23")]
    [InlineData("cron(0 10 0 * ? *)", "day-of-month: 0 is out of range 1-31")]
    [InlineData("cron(0 10 32 * ? *)", "day-of-month: 32 is out of range 1-31")]
    [InlineData("cron(0 10 32W * ? *)", "day-of-month: 32 is out of range 1-31")]
    [InlineData("cron(0 10 * 13 ? *)", "month: 13 is out of range 1-12 (JAN-DEC)")]
    [InlineData("cron(0 10 * 0 ? *)", "month: 0 is out of range 1-12 (JAN-DEC)")]
    [InlineData("cron(0 10 ? * 0 *)", "day-of-week: 0 is out of range 1-7 (SUN-SAT)")]
    [InlineData("cron(0 10 ? * 8 *)", "day-of-week: 8 is out of range 1-7 (SUN-SAT)")]
    [InlineData("cron(0 10 ? * 8L *)", "day-of-week: 8 is out of range 1-7 (SUN-SAT)")]
    [InlineData("cron(0 10 ? * 0#1 *)", "day-of-week: 0 is out of range 1-7 (SUN-SAT)")]
    [InlineData("cron(0 10 ? * 2#6 *)", "day-of-week: #6 is out of range 1-5")]
    [InlineData("cron(0 10 * * ? 1969)", "year: 1969 is out of range 1970-2199")]
    [InlineData("cron(0 10 * * ? 2200)", "year: 2200 is out of range 1970-2199")]
    [InlineData("cron(0/0 10 * * ? *)", "minutes: step 0 is out of range 1-60")]
    // cron: syntax a field does not take
    [InlineData("cron(? 10 * * ? *)", "minutes: ? is only allowed in day-of-month or day-of-week")]
    [InlineData("cron(0 10 * * ? ?)", "year: ? is only allowed in day-of-month or day-of-week")]
    [InlineData("cron(0 10 * * ? 2030-2020)", "year: range 2030-2020 runs backwards")]
    [InlineData("cron(0 10 L-3 * ? *)", "day-of-month: 'L-3' is not valid (use 1-31 with , - * /, or one of ?, L, LW, nW)")]
    [InlineData("cron(0 10 1,L * ? *)", "day-of-month: '1,L' is not valid (use 1-31 with , - * /, or one of ?, L, LW, nW)")]
    [InlineData("cron(0 10 * FOO ? *)", "month: 'FOO' is not valid (use 1-12 or JAN-DEC with , - * /)")]
    [InlineData("cron(0 10 ? * MON,FRIL *)",
        "day-of-week: 'MON,FRIL' is not valid (use 1-7 or SUN-SAT with , - * /, or one of ?, L, nL, n#k)")]
    [InlineData("cron(0 10 ? * 3#1,6#3 *)", "day-of-week: '3#1,6#3' combines # with other values; use one n#k per schedule, e.g. 6#3")]
    [InlineData("cron(0 10 1-,5 * ? *)", "day-of-month: '1-,5' is not valid (use 1-31 with , - * /, or one of ?, L, LW, nW)")]
    // cron: valid fields that no date satisfies
    [InlineData("cron(0 0 30 2 ? *)", "cron: no minute from 1970 to 2199 matches all six fields (e.g. 30 in FEB), so it would never run")]
    [InlineData("cron(0 0 29 2 ? 2027/2)",
        "cron: no minute from 1970 to 2199 matches all six fields (e.g. 30 in FEB), so it would never run")]
    // rate
    [InlineData("rate(0 minutes)", "rate: value must be a whole number ≥ 1, got '0'")]
    [InlineData("rate(-1 hours)", "rate: value must be a whole number ≥ 1, got '-1'")]
    [InlineData("rate(1.5 hours)", "rate: value must be a whole number ≥ 1, got '1.5'")]
    [InlineData("rate(5 weeks)", "rate: unknown unit 'weeks' (use seconds, minutes, hours or days)")]
    [InlineData("rate(minutes)", "rate: expected rate(N unit), e.g. rate(5 minutes), got rate(minutes)")]
    [InlineData("rate(5 minutes please)", "rate: expected rate(N unit), e.g. rate(5 minutes), got rate(5 minutes please)")]
    [InlineData("rate(3651 days)", "rate: 3651 days is longer than the 10-year limit (3650 days)")]
    [InlineData("rate(99999999999999999999 seconds)",
        "rate: 99999999999999999999 seconds is longer than the 10-year limit (315360000 seconds)")]
    // at
    [InlineData("at(2026-13-01T00:00:00)",
        "at: '2026-13-01T00:00:00' is not a UTC date and time in the form yyyy-mm-ddThh:mm:ss, e.g. at(2026-11-26T09:30:00)")]
    [InlineData("at(tomorrow)", "at: 'tomorrow' is not a UTC date and time in the form yyyy-mm-ddThh:mm:ss, e.g. at(2026-11-26T09:30:00)")]
    [InlineData("at(2027-02-29T00:00:00)",
        "at: '2027-02-29T00:00:00' is not a UTC date and time in the form yyyy-mm-ddThh:mm:ss, e.g. at(2026-11-26T09:30:00)")]
    [InlineData("at(2026-11-26T09:30:00Z)",
        "at: '2026-11-26T09:30:00Z' is not a UTC date and time in the form yyyy-mm-ddThh:mm:ss, e.g. at(2026-11-26T09:30:00)")]
    [InlineData("at(2026-11-26 09:30:00)",
        "at: '2026-11-26 09:30:00' is not a UTC date and time in the form yyyy-mm-ddThh:mm:ss, e.g. at(2026-11-26T09:30:00)")]
    [InlineData("at(2026-11-26T9:30:00)",
        "at: '2026-11-26T9:30:00' is not a UTC date and time in the form yyyy-mm-ddThh:mm:ss, e.g. at(2026-11-26T09:30:00)")]
    [InlineData("at(2026-11-26T09:30)",
        "at: '2026-11-26T09:30' is not a UTC date and time in the form yyyy-mm-ddThh:mm:ss, e.g. at(2026-11-26T09:30:00)")]
    public void TryParse_Fails_WithAMessageNamingTheProblem(string? text, string expectedError)
    {
        Assert.False(ScheduleExpression.TryParse(text, out var schedule, out var error));
        Assert.Null(schedule);
        Assert.Equal(expectedError, error);
    }
}
