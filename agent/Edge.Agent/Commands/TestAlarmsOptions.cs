namespace Edge.Agent.Commands;

/// <summary>What <c>test-alarms</c> sends: <see cref="Count"/> alarms on camera <see cref="Camera"/>, one per <see cref="Interval"/>.</summary>
internal sealed record TestAlarmsOptions(int Count, string Camera, TimeSpan Interval);
