using Edge.Trainer.Commands;
using Edge.Trainer.Fleet;

namespace Edge.Trainer.Tests.Fleet;

public sealed class WavePlanTests
{
    // Each case worked out by hand, with n devices, "sent" the devices sent so far, and ceil(p% * n) for a percentage:
    [Theory]
    // 7 devices, 1,10%,100%: 1 device (sent 1); ceil(0.7) = 1 is not beyond 1, so at least one more: 1 (sent 2); the rest: 5.
    [InlineData(7, "1,10%,100%", new[] { 1, 1, 5 })]
    // 20 devices, 1,10%,50%,100%: 1 (sent 1); ceil(2) = 2, so 1 (sent 2); ceil(10) = 10, so 8 (sent 10); the rest: 10.
    [InlineData(20, "1,10%,50%,100%", new[] { 1, 1, 8, 10 })]
    // 30 devices, 10%,100%: 10% of 30 is exactly 3 (a double would make it 3.0000000000000004 and round up to 4); then 27.
    [InlineData(30, "10%,100%", new[] { 3, 27 })]
    // 1 device, 1,10%,100%: the first wave takes it; the next two would be empty and are dropped.
    [InlineData(1, "1,10%,100%", new[] { 1 })]
    // 3 devices, 2,10%,100%: 2 (sent 2); ceil(0.3) = 1 is behind, so one more: 1 (sent 3); nothing left for 100%.
    [InlineData(3, "2,10%,100%", new[] { 2, 1 })]
    // 3 devices, 5,100%: a count beyond the fleet takes what there is.
    [InlineData(3, "5,100%", new[] { 3 })]
    // 10 devices, 100%: everything at once.
    [InlineData(10, "100%", new[] { 10 })]
    // 200 devices, 1,12.5%,100%: 1 (sent 1); ceil(25) = 25, so 24 (sent 25); the rest: 175.
    [InlineData(200, "1, 12.5% ,100%", new[] { 1, 24, 175 })]
    // 0 devices: no wave.
    [InlineData(0, "1,10%,100%", new int[0])]
    public void Waves_take_counts_and_cumulative_percentages_rounded_up_with_at_least_one_more_device_each(int devices, string waves, int[] sizes) =>
        Assert.Equal(sizes, WavePlan.Parse(waves).Sizes(devices));

    [Fact]
    public void Devices_are_assigned_to_waves_in_the_order_given()
    {
        var plan = WavePlan.Parse("1,10%,100%");

        var waves = plan.Assign(["a", "b", "c", "d", "e", "f", "g"]);

        Assert.Equal([["a"], ["b"], ["c", "d", "e", "f", "g"]], waves);
    }

    [Theory]
    [InlineData("0", "'0' is neither a number of devices")]
    [InlineData("150%", "'150%' is not a percentage")]
    [InlineData("0%,100%", "'0%' is not a percentage")]
    [InlineData("abc", "'abc' is neither")]
    [InlineData("-1,100%", "'-1' is neither")]
    [InlineData("", "'' is neither")]
    [InlineData("1,,100%", "'' is neither")]
    [InlineData("1,10%", "the last wave must be 100%")]
    [InlineData("50%,10%,100%", "'10%' does not go beyond the 50%")]
    [InlineData("100%,1", "'1' comes after 100%")]
    public void Waves_that_make_no_sense_are_refused_naming_the_entry(string waves, string message)
    {
        var error = Assert.Throws<UserInputException>(() => WavePlan.Parse(waves));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("--waves ", error.Message, StringComparison.Ordinal);
    }
}
