using Edge.Torch.Modules;

namespace Edge.Trainer.Model;

/// <summary>Reads trained modules into a <see cref="WeightSet"/> for the exporter, checking names and shapes against the layout.</summary>
public static class Weights
{
    public static WeightSet From(Pvqae model, BudgetPrior? prior)
    {
        var weights = new WeightSet();
        Add(weights, model, "", ModelLayout.Parameters(model.Config));
        if (prior is not null)
        {
            Add(weights, prior, "prior.", ModelLayout.PriorParameters(model.Config));
        }
        return weights;
    }

    private static void Add(WeightSet weights, Module module, string prefix, IReadOnlyList<(string Name, long[] Shape)> layout)
    {
        var parameters = module.NamedParameters().ToDictionary(p => prefix + p.Key, p => p.Value, StringComparer.Ordinal);
        foreach (var (name, shape) in layout)
        {
            if (!parameters.Remove(name, out var tensor))
            {
                throw new InvalidOperationException($"The model has no parameter '{name}' that the export layout needs.");
            }
            weights.Add(name, tensor.Detach().Contiguous().ToFloatArray(), shape);
            weights.Expect(name, tensor.Shape);
        }
        if (parameters.Count > 0)
        {
            throw new InvalidOperationException($"The model has parameters the export layout does not know: {string.Join(", ", parameters.Keys)}.");
        }
    }
}
