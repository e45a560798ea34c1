using Edge.Torch;

namespace Edge.Trainer.Tests.Training;

/// <summary>A test of what happens where no GPU (or no CUDA libtorch) is present; skipped on a machine that has both.</summary>
public sealed class NoGpuFactAttribute : FactAttribute
{
    public NoGpuFactAttribute()
    {
        if (LibTorch.CudaIsAvailable)
        {
            Skip = "this machine has a GPU and a CUDA libtorch";
        }
    }
}
