using Edge.Testing;
using Edge.Torch;
using Edge.Torch.Optim;

namespace Edge.Torch.Tests;

public class TrainingTests
{
    [Fact]
    public void Small_conv_net_learns_the_toy_task()
    {
        using var training = new ToyTraining(seed: 11);
        var losses = Enumerable.Range(0, ToyTraining.TotalSteps).Select(_ => training.Step()).ToList();
        var first = losses.Take(10).Average();
        var last = losses.TakeLast(20).Average();
        Assert.True(first > 0.6, $"the untrained loss should be near ln 2, was {first}");
        Assert.True(last < 0.1, $"mean loss over the last 20 steps is {last} (first 10: {first})");
        Assert.True(training.Accuracy() >= 0.97, $"accuracy {training.Accuracy()}");
    }

    [Fact]
    public void Same_seed_gives_the_same_loss_curve_twice()
    {
        float[] Run()
        {
            using var training = new ToyTraining(seed: 5);
            return Enumerable.Range(0, 60).Select(_ => training.Step()).ToArray();
        }
        var first = Run();
        var second = Run();
        Assert.Equal(first, second);
        using var other = new ToyTraining(seed: 6);
        Assert.NotEqual(first[..10], Enumerable.Range(0, 10).Select(_ => other.Step()).ToArray());
    }

    [Fact]
    public void Resumed_training_gives_the_same_losses_as_an_uninterrupted_run()
    {
        const int stopAt = 40;
        const int total = 80;
        float[] uninterrupted;
        using (var training = new ToyTraining(seed: 21))
        {
            uninterrupted = Enumerable.Range(0, total).Select(_ => training.Step()).ToArray();
        }

        using var folder = new TempFolder();
        var path = folder.File("checkpoint.safetensors");
        using (var first = new ToyTraining(seed: 21))
        {
            var before = Enumerable.Range(0, stopAt).Select(_ => first.Step()).ToArray();
            Assert.Equal(uninterrupted[..stopAt], before);
            Checkpoint.Save(path, first.Model, first.Optimizer, new Dictionary<string, string> { ["epoch"] = "3" });
        }

        // A different seed: nothing but the checkpoint can make the continuation match.
        using var resumed = new ToyTraining(seed: 999);
        var extra = Checkpoint.Load(path, resumed.Model, resumed.Optimizer);
        Assert.Equal("3", extra["epoch"]);
        Assert.Equal(stopAt, resumed.Optimizer.StepCount);
        var after = Enumerable.Range(stopAt, total - stopAt).Select(_ => resumed.Step()).ToArray();
        Assert.Equal(uninterrupted[stopAt..], after);
    }

    [Fact]
    public void Checkpoint_refuses_an_optimizer_of_another_type()
    {
        using var folder = new TempFolder();
        using var training = new ToyTraining(seed: 1);
        training.Step();
        Checkpoint.Save(folder.File("c"), training.Model, training.Optimizer);
        using var adam = new Adam(training.Model.NamedParameters());
        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(folder.File("c"), training.Model, adam));
        Assert.Contains("AdamW", error.Message, StringComparison.Ordinal);
    }
}
