using Edge.Inference.Sessions;
using Edge.Onnx;
using Edge.Testing;

namespace Edge.Inference.Tests;

/// <summary>Saves a built model, checks it with the official checker, and opens it in ONNX Runtime.</summary>
internal sealed class GraphRunner : IDisposable
{
    private readonly TempFolder _folder = new("edge-ort-");

    public GraphRunner(OnnxModel model, SessionSettings? settings = null)
    {
        var path = _folder.File("model.onnx");
        model.Save(path);
        OnnxChecker.Check(path);
        Session = ModelSession.Open(path, settings);
        Binding = Session.CreateBinding();
    }

    public ModelSession Session { get; }

    public InferenceBinding Binding { get; }

    public void Dispose()
    {
        Binding.Dispose();
        Session.Dispose();
        _folder.Dispose();
    }
}
