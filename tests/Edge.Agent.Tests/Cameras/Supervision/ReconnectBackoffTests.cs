using Edge.Agent.Cameras.Supervision;

namespace Edge.Agent.Tests.Cameras.Supervision;

public class ReconnectBackoffTests
{
    [Fact]
    public void Waits_double_from_the_initial_one_and_stop_at_the_cap()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

        var waits = Enumerable.Range(1, 7).Select(n => backoff.DelayAfter(n).TotalSeconds);

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], waits);
        Assert.Equal(TimeSpan.FromSeconds(30), backoff.DelayAfter(10_000));
    }

    [Fact]
    public void A_cap_below_the_initial_wait_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReconnectBackoff(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1)));
    }
}
