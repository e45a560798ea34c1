using Edge.Torch;
using Xunit.Sdk;

namespace Edge.Torch.Tests;

public class GradCheckTests
{
    [Fact]
    public void Gradcheck_rejects_a_function_whose_autograd_gradient_is_wrong()
    {
        // x * detach(x) has derivative 2x, but autograd only sees the first factor and reports x.
        using var x = GradCheck.Random(1, [4], 0.5, 1);
        Assert.ThrowsAny<XunitException>(() => GradCheck.Check(t => t[0] * t[0].Detach(), [x]));
    }

    [Fact]
    public void Gradcheck_accepts_the_same_function_written_correctly()
    {
        using var x = GradCheck.Random(1, [4], 0.5, 1);
        GradCheck.Check(t => t[0] * t[0], [x]);
    }
}
