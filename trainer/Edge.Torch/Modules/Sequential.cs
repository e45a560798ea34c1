namespace Edge.Torch.Modules;

/// <summary>Layers applied one after another; they are registered as "0", "1", ... unless named.</summary>
public sealed class Sequential : Layer
{
    private readonly List<Layer> layers = [];

    public Sequential(params Layer[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        foreach (var layer in layers)
        {
            Add(layer);
        }
    }

    public IReadOnlyList<Layer> Layers => layers;

    /// <summary>Appends a layer under <paramref name="name"/> (its index when null).</summary>
    public Sequential Add(Layer layer, string? name = null)
    {
        RegisterModule(name ?? layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), layer);
        layers.Add(layer);
        return this;
    }

    /// <summary>Runs the layers in order; intermediate results are disposed as soon as the next one is computed.</summary>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var current = input;
        foreach (var layer in layers)
        {
            var next = layer.Forward(current);
            if (!ReferenceEquals(current, input) && !ReferenceEquals(current, next))
            {
                current.Dispose();
            }
            current = next;
        }
        return current;
    }
}
