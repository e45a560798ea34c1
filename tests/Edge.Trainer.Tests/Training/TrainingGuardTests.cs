using Edge.Testing;
using Edge.Torch;
using Edge.Trainer.Data;
using Edge.Trainer.Model;
using Edge.Trainer.Synthesis;
using Edge.Trainer.Training;
using Edge.Trainer.Training.Guard;

namespace Edge.Trainer.Tests.Training;

public sealed class TrainingGuardTests
{
    [Fact]
    public void The_guard_lets_a_slow_rise_pass_and_names_a_jump_over_the_recent_median()
    {
        var guard = new DivergenceGuard(spikeFactor: 5, window: 10, minimumHistory: 4);
        foreach (var loss in new[] { 1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 2.0, 3.0 })
        {
            Assert.Null(guard.Check(loss));
        }

        // Median of the eight values is (1.3 + 1.4) / 2 = 1.35, so 5 x 1.35 = 6.75 is the bar.
        var reason = guard.Check(6.8);
        Assert.Null(guard.Check(6.7)); // the rejected 6.8 did not enter the history

        Assert.Equal("the loss jumped to 6.8, 5x the median 1.35 of the last 8 steps", reason);
    }

    [Fact]
    public void The_guard_calls_a_loss_that_is_not_a_number_a_divergence_from_the_first_step()
    {
        var guard = new DivergenceGuard(spikeFactor: 5);

        Assert.Equal("the loss is NaN", guard.Check(double.NaN));
        Assert.Equal("the loss is Infinity", guard.Check(double.PositiveInfinity));
    }

    [Fact]
    public void The_guard_does_not_call_a_spike_before_it_has_a_history_and_judges_by_the_last_window_only()
    {
        var guard = new DivergenceGuard(spikeFactor: 2, window: 3, minimumHistory: 3);
        Assert.Null(guard.Check(1));
        Assert.Null(guard.Check(100));
        Assert.Null(guard.Check(1));
        Assert.NotNull(guard.Check(1000)); // median of 1, 100, 1 is 1

        Assert.Null(guard.Check(1.5)); // window 100, 1, 1.5: median 1.5
        Assert.Null(guard.Check(2.9)); // window 1, 1.5, 2.9: median 1.5
        Assert.NotNull(guard.Check(3.1));
    }

    [Fact]
    public void The_training_holdout_holds_back_a_seeded_share_of_each_class_and_keeps_two_to_train_on()
    {
        var samples = Enumerable.Range(0, 20).Select(i => Sample($"a/{i:D2}.png", 0))
            .Concat(Enumerable.Range(0, 3).Select(i => Sample($"b/{i}.png", 1)))
            .Concat(Enumerable.Range(0, 2).Select(i => Sample($"c/{i}.png", 2)))
            .ToList();

        var (train, validation) = TrainingHoldout.Split(samples, 0.25, seed: 4);
        var (train2, validation2) = TrainingHoldout.Split(samples.AsEnumerable().Reverse().ToList(), 0.25, seed: 4);
        var (_, validation3) = TrainingHoldout.Split(samples, 0.25, seed: 5);

        Assert.Equal(5, validation.Count(s => s.ClassIndex == 0)); // 20 x 0.25
        Assert.Equal(1, validation.Count(s => s.ClassIndex == 1)); // round(0.75)
        Assert.Equal(0, validation.Count(s => s.ClassIndex == 2)); // two images: both train
        Assert.Equal(samples.Count, train.Count + validation.Count);
        Assert.Empty(train.Select(s => s.ImagePath).Intersect(validation.Select(s => s.ImagePath)));
        Assert.Equal(validation.Select(s => s.ImagePath).Order(), validation2.Select(s => s.ImagePath).Order());
        Assert.Equal(train.Count, train2.Count);
        Assert.NotEqual(validation.Select(s => s.ImagePath).Order(), validation3.Select(s => s.ImagePath).Order());
    }

    [Fact]
    public void Weights_broken_in_the_middle_of_training_are_rolled_back_at_half_the_rate_and_the_run_finishes()
    {
        using var folder = new TempFolder();
        var data = SmallData(folder);
        var rollbacks = new List<RollbackEvent>();
        var progress = new List<TrainingProgress>();
        var trainer = new PvqaeTrainer(SmallOptions(), data)
        {
            Rolled = rollbacks.Add,
            Progress = progress.Add,
            // Once, after the update of step 33: the decoder's last weights blown up a thousandfold.
            AfterStep = (step, model) =>
            {
                if (step == 33 && rollbacks.Count == 0)
                {
                    Break(model);
                }
            },
        };

        var (model, prior) = trainer.Train();
        using (model)
        using (prior)
        {
            var rollback = Assert.Single(rollbacks);
            Assert.Equal(34, rollback.Step);
            Assert.Equal(30, rollback.BackTo);
            Assert.Equal(SmallOptions().LearningRate / 2, rollback.LearningRate, 12);
            Assert.StartsWith("the loss jumped to ", rollback.Reason, StringComparison.Ordinal);
            var last = progress.Last(p => p.Phase == "autoencoder");
            Assert.Equal(60, last.Step);
            Assert.True(double.IsFinite(last.Loss) && last.Loss < 1, $"loss {last.Loss} after the roll-back");
        }
    }

    [Fact]
    public void A_run_that_keeps_diverging_stops_with_a_one_line_reason_after_its_roll_backs()
    {
        using var folder = new TempFolder();
        var data = SmallData(folder);
        var rollbacks = new List<RollbackEvent>();
        var trainer = new PvqaeTrainer(SmallOptions() with { MaxRollbacks = 2 }, data)
        {
            Rolled = rollbacks.Add,
            AfterStep = (step, model) =>
            {
                if (step >= 33)
                {
                    Break(model);
                }
            },
        };

        var error = Assert.Throws<TrainingDivergedException>(() => trainer.Train());

        Assert.Equal(2, rollbacks.Count);
        Assert.StartsWith("training diverged at auto-encoder step 34: the loss ", error.Message, StringComparison.Ordinal);
        Assert.Contains("2 roll-backs at lower learning rates did not help", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_finished_run_ends_with_the_weights_of_its_best_validation_step()
    {
        using var folder = new TempFolder();
        var data = SmallData(folder);
        var progress = new List<TrainingProgress>();
        // The decoder's output weights after each measured step's update: what that step's snapshot holds. After the
        // last update they are broken on purpose (no later step lets the loss guard see it), so the last measurement is
        // the worst and the run must end on an earlier step's weights.
        var decoderAt = new Dictionary<int, float[]>();
        var trainer = new PvqaeTrainer(SmallOptions(), data)
        {
            Progress = progress.Add,
            AfterStep = (step, model) =>
            {
                if (step % 10 == 0)
                {
                    decoderAt[step] = DecoderOutputWeight(model).ToFloatArray();
                }
                if (step == 60)
                {
                    Break(model);
                }
            },
        };

        var (model, prior) = trainer.Train();
        using (model)
        using (prior)
        {
            var measured = progress.Where(p => p.Phase == "autoencoder" && p.Validation is not null).ToList();
            Assert.Equal([10, 20, 30, 40, 50, 60], measured.Select(p => p.Step));
            var best = measured.MinBy(p => p.Validation)!.Step;
            Assert.NotEqual(60, best);
            Assert.Equal(best, trainer.BestStep);
            Assert.Equal(decoderAt[best], DecoderOutputWeight(model).ToFloatArray());
            Assert.Equal(2, trainer.ValidationImages.Count); // 10 per class x 0.1
        }
    }

    private static Tensor DecoderOutputWeight(Pvqae model) =>
        model.NamedParameters().Last(p => p.Key.StartsWith("dec.", StringComparison.Ordinal) && p.Key.EndsWith(".weight", StringComparison.Ordinal)).Value;

    private static void Break(Pvqae model)
    {
        using var noGrad = LibTorch.NoGrad();
        var weight = DecoderOutputWeight(model);
        using var broken = weight * 1000.0;
        weight.CopyFromInPlace(broken);
    }

    private static MvtecDataset SmallData(TempFolder folder)
    {
        SyntheticDataset.Write(folder.File("data"), new SyntheticDatasetOptions { TrainCount = 10, TestCountPerKind = 1, ImageSize = 32, Seed = 3 });
        return MvtecDataset.Open(folder.File("data"));
    }

    private static TrainingOptions SmallOptions() => new()
    {
        Model = new PvqaeConfig { ImageSize = 32, BaseWidth = 8, EmbeddingDim = 8, CodebookSize = 16, RoutingHidden = 8, PriorWidth = 8, PriorHeads = 2 },
        BatchSize = 4, Steps = 60, PriorSteps = 20, ReseedEvery = 10, WarmupSteps = 5, MaxMinutes = 5,
    };

    private static DatasetSample Sample(string path, int classIndex) => new(path, $"class{classIndex}", classIndex, MvtecDataset.Good, null);
}
