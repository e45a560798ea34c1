using Edge.Inference.Sessions;
using Edge.Onnx;
using Edge.Onnx.Building;
using Edge.Testing;

namespace Edge.Inference.Tests;

public sealed class SessionTests
{
    private static OnnxModel AddModel()
    {
        var g = new GraphBuilder("add");
        var a = g.Input("a", ElementType.Float, "N", 4);
        var b = g.Input("b", ElementType.Float, "N", 4);
        g.Output(g.Add(a, b), "sum", ElementType.Float, "N", 4);
        return g.Build();
    }

    [Fact]
    public void Session_describes_inputs_and_outputs_with_symbolic_batch()
    {
        using var run = new GraphRunner(AddModel());

        Assert.Equal(["a", "b"], run.Session.Inputs.Select(i => i.Name));
        var a = run.Session.Inputs[0];
        Assert.Equal(ElementType.Float, a.ElementType);
        Assert.Equal([-1L, 4L], a.Shape);
        Assert.Equal("N", a.Symbols[0]);
        Assert.Equal("sum", Assert.Single(run.Session.Outputs).Name);
        Assert.Equal(ExecutionProvider.Cpu, run.Session.Provider);
    }

    [Fact]
    public void A_binding_for_a_larger_batch_sizes_its_buffers_from_the_symbolic_dimension()
    {
        using var run = new GraphRunner(AddModel());
        using var binding = run.Session.CreateBinding(symbolicDimension: 3);

        binding.Input<float>("a").Fill(1f);
        binding.Input<float>("b").Fill(2f);
        binding.Run();

        Assert.Equal([3L, 4L], binding.OutputShape("sum"));
        Assert.All(binding.Output<float>("sum").ToArray(), v => Assert.Equal(3f, v));
        Assert.Equal(12, binding.Output<float>("sum").Length);
    }

    [Fact]
    public void A_steady_run_loop_allocates_no_managed_memory()
    {
        using var run = new GraphRunner(AddModel());
        var a = run.Binding.Input<float>("a");
        for (var i = 0; i < 50; i++)
        {
            run.Binding.Run();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            a[0] = i;
            run.Binding.Run();
        }
        var perRun = (GC.GetAllocatedBytesForCurrentThread() - before) / 1000.0;

        Assert.Equal(999f, run.Binding.Output<float>("sum")[0]);
        Assert.True(perRun < 1, $"{perRun} bytes allocated per run");
    }

    [Fact]
    public void One_session_serves_several_threads_at_once_with_correct_results()
    {
        using var run = new GraphRunner(AddModel());
        var failures = 0;

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
        {
            using var binding = run.Session.CreateBinding();
            for (var i = 0; i < 200; i++)
            {
                binding.Input<float>("a").Fill(thread);
                binding.Input<float>("b").Fill(i);
                binding.Run();
                if (binding.Output<float>("sum")[3] != thread + i)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });

        Assert.Equal(0, failures);
    }

    [Fact]
    public void Asking_for_cuda_without_fallback_on_a_cpu_build_fails_with_a_clear_message()
    {
        using var folder = new TempFolder();
        var path = folder.File("add.onnx");
        AddModel().Save(path);

        var error = Assert.Throws<InferenceException>(() =>
            ModelSession.Open(path, new SessionSettings { Providers = [ExecutionProvider.Cuda], AllowFallback = false }));

        Assert.Equal(InferenceErrorCode.ProviderUnavailable, error.Code);
        Assert.Contains("Cuda execution provider is not available", error.Message, StringComparison.Ordinal);
        Assert.Contains("CPUExecutionProvider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_fallback_allowed_the_first_available_provider_in_the_configured_order_is_used()
    {
        using var run = new GraphRunner(AddModel(), new SessionSettings
        {
            Providers = [ExecutionProvider.TensorRt, ExecutionProvider.Cuda, ExecutionProvider.Cpu],
            AllowFallback = true,
        });

        Assert.Equal(ExecutionProvider.Cpu, run.Session.Provider);
    }

    [Fact]
    public void A_provider_list_without_any_available_provider_fails_even_with_fallback()
    {
        using var folder = new TempFolder();
        var path = folder.File("add.onnx");
        AddModel().Save(path);

        var error = Assert.Throws<InferenceException>(() =>
            ModelSession.Open(path, new SessionSettings { Providers = [ExecutionProvider.TensorRt], AllowFallback = true }));

        Assert.Contains("add Cpu", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_model_file_is_reported_with_its_path()
    {
        var error = Assert.Throws<InferenceException>(() => ModelSession.Open("/nonexistent/model.onnx"));

        Assert.Equal(InferenceErrorCode.NoSuchFile, error.Code);
        Assert.Contains("/nonexistent/model.onnx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_onnx_is_reported_with_onnx_runtimes_message()
    {
        using var folder = new TempFolder();
        var path = folder.File("notes.onnx");
        File.WriteAllText(path, "not a model");

        var error = Assert.Throws<InferenceException>(() => ModelSession.Open(path));

        Assert.Equal(InferenceErrorCode.InvalidProtobuf, error.Code);
        Assert.Contains("Protobuf parsing failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Asking_for_an_unknown_input_name_lists_the_real_ones()
    {
        using var run = new GraphRunner(AddModel());

        var error = Assert.Throws<ArgumentException>(() => run.Binding.Input<float>("c"));

        Assert.Contains("a, b", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_a_float_tensor_as_int64_is_refused()
    {
        using var run = new GraphRunner(AddModel());

        Assert.Throws<ArgumentException>(() => run.Binding.Input<long>("a"));
    }

    [Fact]
    public void An_optimized_model_file_is_written_when_asked()
    {
        using var folder = new TempFolder();
        var optimized = folder.File("optimized.onnx");

        using (new GraphRunner(AddModel(), new SessionSettings { OptimizedModelPath = optimized }))
        {
        }

        Assert.True(OnnxModel.Load(optimized).Outputs.Count == 1);
    }
}
