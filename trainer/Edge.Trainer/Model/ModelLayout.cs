namespace Edge.Trainer.Model;

/// <summary>
/// Every weight of the model, by name and PyTorch shape, for a configuration: the single list that the training
/// model, the checkpoint and the ONNX exporter agree on (trainer/MODEL.md describes the layers).
/// </summary>
public static class ModelLayout
{
    public static IReadOnlyList<(string Name, long[] Shape)> Parameters(PvqaeConfig config)
    {
        config.Validate();
        int ci = config.ImageChannels, c = config.BaseWidth, d = config.EmbeddingDim, l = config.Levels;
        var list = new List<(string, long[])>();
        void Conv(string name, int input, int output, int kernel)
        {
            list.Add(($"{name}.weight", [output, input, kernel, kernel]));
            list.Add(($"{name}.bias", [output]));
        }
        void Residual(string name, int width)
        {
            Conv($"{name}.conv1", width, width, 3);
            Conv($"{name}.conv2", width, width, 1);
        }
        void Linear(string name, int input, int output)
        {
            list.Add(($"{name}.weight", [output, input]));
            list.Add(($"{name}.bias", [output]));
        }
        void Attention(string name, int width)
        {
            list.Add(($"{name}.in_proj_weight", [3 * width, width]));
            list.Add(($"{name}.in_proj_bias", [3 * width]));
            Linear($"{name}.out_proj", width, width);
        }
        Conv("enc.stem", ci, c, 3);
        Conv("enc.down1.conv", c, 2 * c, 4);
        Residual("enc.down1.res", 2 * c);
        Conv("enc.down2.conv", 2 * c, 2 * c, 4);
        Residual("enc.down2.res", 2 * c);
        Conv("enc.down3.conv", 2 * c, 4 * c, 4);
        Residual("enc.down3.res", 4 * c);
        Conv("enc.down4.conv", 4 * c, 4 * c, 4);
        Residual("enc.down4.res", 4 * c);
        if (config.Attention)
        {
            Attention("enc.attn", 4 * c);
        }
        Conv("enc.proj0", 2 * c, d, 1);
        Conv("enc.proj1", 4 * c, d, 1);
        Conv("enc.proj2", 4 * c, d, 1);
        Conv("route.fc1", l * d, config.RoutingHidden, 1);
        Conv("route.fc2", config.RoutingHidden, l, 1);
        for (var level = 0; level < l; level++)
        {
            list.Add(($"vq{level}.codes", [config.CodebookSize, d]));
        }
        Conv("dec.in", d, 4 * c, 3);
        Residual("dec.res0", 4 * c);
        if (config.Attention)
        {
            Attention("dec.attn", 4 * c);
        }
        Conv("dec.up1", 4 * c, 2 * c, 3);
        Residual("dec.res1", 2 * c);
        Conv("dec.up2", 2 * c, c, 3);
        Conv("dec.out", c, ci, 3);
        return list;
    }

    /// <summary>The budget prior's weights (trained after the auto-encoder, with it frozen).</summary>
    public static IReadOnlyList<(string Name, long[] Shape)> PriorParameters(PvqaeConfig config)
    {
        config.Validate();
        int p = config.PriorWidth, l = config.Levels;
        return
        [
            ("prior.tokens.weight", [l + 1, p]),
            ("prior.classes.weight", [config.ClassCount, p]),
            ("prior.pos.weight", [config.TokenCount + 1, p]),
            ("prior.block.ln1.weight", [p]), ("prior.block.ln1.bias", [p]),
            ("prior.block.attn.in_proj_weight", [3 * p, p]), ("prior.block.attn.in_proj_bias", [3 * p]),
            ("prior.block.attn.out_proj.weight", [p, p]), ("prior.block.attn.out_proj.bias", [p]),
            ("prior.block.ln2.weight", [p]), ("prior.block.ln2.bias", [p]),
            ("prior.block.mlp.fc1.weight", [4 * p, p]), ("prior.block.mlp.fc1.bias", [4 * p]),
            ("prior.block.mlp.fc2.weight", [p, 4 * p]), ("prior.block.mlp.fc2.bias", [p]),
            ("prior.ln_f.weight", [p]), ("prior.ln_f.bias", [p]),
            ("prior.head.weight", [l, p]), ("prior.head.bias", [l]),
        ];
    }

    /// <summary>Random weights of the right shapes (uniform, scaled by fan-in), for tests and parity checks.</summary>
    public static WeightSet RandomWeights(PvqaeConfig config, int seed)
    {
        var random = new Random(seed);
        var weights = new WeightSet();
        foreach (var (name, shape) in Parameters(config).Concat(PriorParameters(config)))
        {
            var count = (int)shape.Aggregate(1L, (a, b) => a * b);
            var fanIn = shape.Length > 1 ? shape.Skip(1).Aggregate(1L, (a, b) => a * b) : 1;
            var scale = name.EndsWith(".bias", StringComparison.Ordinal) ? 0.1f : 1f / MathF.Sqrt(fanIn);
            var isNormGain = shape.Length == 1 && name.Contains(".ln", StringComparison.Ordinal) && name.EndsWith(".weight", StringComparison.Ordinal);
            var data = new float[count];
            for (var i = 0; i < count; i++)
            {
                data[i] = (isNormGain ? 1f : 0f) + scale * (2f * random.NextSingle() - 1f);
            }
            weights.Add(name, data, shape);
        }
        return weights;
    }
}
