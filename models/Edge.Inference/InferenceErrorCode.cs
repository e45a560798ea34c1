namespace Edge.Inference;

/// <summary>ONNX Runtime's error codes (its <c>OrtErrorCode</c>), public here so callers can act on them.</summary>
public enum InferenceErrorCode
{
    Ok = 0,
    Fail = 1,
    InvalidArgument = 2,
    NoSuchFile = 3,
    NoModel = 4,
    EngineError = 5,
    RuntimeException = 6,
    InvalidProtobuf = 7,
    ModelLoaded = 8,
    NotImplemented = 9,
    InvalidGraph = 10,
    ExecutionProviderFail = 11,
    ProviderUnavailable = 100,
}
