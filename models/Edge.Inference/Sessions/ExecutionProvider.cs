namespace Edge.Inference.Sessions;

/// <summary>Where a session's graph runs. TensorRT and CUDA need an ONNX Runtime built with them (on a Jetson: the device's).</summary>
public enum ExecutionProvider
{
    TensorRt,
    Cuda,
    Cpu,
}
