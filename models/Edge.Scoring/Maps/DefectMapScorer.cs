namespace Edge.Scoring.Maps;

/// <summary>
/// Turns one image's graph outputs into its defect map (image size) and image score, by either scoring method.
/// Holds every buffer it needs: after construction, scoring allocates nothing. One instance per thread.
/// </summary>
public sealed class DefectMapScorer
{
    private const float MinProbability = 1e-6f;

    private readonly int _size;
    private readonly int _channels;
    private readonly float[] _cells;
    private readonly float[] _upsampled;
    private readonly float[] _scratch;
    private readonly GaussianBlur _smoothing;
    private readonly SsimMap _ssim;
    private readonly int _dilation;

    /// <param name="imageSize">Width and height of the model's input and of the map.</param>
    /// <param name="channels">Image channels (1 or 3).</param>
    /// <param name="cellGrid">Side of the coarsest routing grid (budget scoring) and maximum latent grid (alignment scoring).</param>
    /// <param name="smoothingSigma">Gaussian smoothing of the final map, in pixels (0 = none).</param>
    /// <param name="dilation">Grey dilation window for the alignment and SSIM maps, in pixels.</param>
    public DefectMapScorer(int imageSize, int channels, int cellGrid, float smoothingSigma = 4f, int dilation = 7)
    {
        _size = imageSize;
        _channels = channels;
        _cells = new float[cellGrid * cellGrid];
        _upsampled = new float[imageSize * imageSize];
        _scratch = new float[imageSize * imageSize];
        _smoothing = new GaussianBlur(imageSize, imageSize, smoothingSigma);
        _ssim = new SsimMap(imageSize, imageSize);
        _dilation = dilation;
    }

    public int MapLength => _size * _size;

    /// <summary>
    /// Budget scoring: per coarsest cell, the cross entropy -log p̂(chosen level) of the input's own routing under the
    /// prior, upsampled to pixels, times the squared error of the reconstruction made with the PRIOR's allocation.
    /// Returns the image score (the smoothed map's maximum).
    /// </summary>
    public float ScoreBudget(
        ReadOnlySpan<long> chosenLevels, ReadOnlySpan<float> priorProbabilities, int levels, int grid,
        ReadOnlySpan<float> image, ReadOnlySpan<float> priorReconstruction, Span<float> map)
    {
        var cells = grid * grid;
        if (chosenLevels.Length < cells || priorProbabilities.Length < cells * levels)
        {
            throw new ArgumentException($"Budget scoring needs {cells} routing choices and {cells * levels} prior probabilities.");
        }
        for (var i = 0; i < cells; i++)
        {
            var level = (int)chosenLevels[i];
            if ((uint)level >= (uint)levels)
            {
                throw new ArgumentOutOfRangeException(nameof(chosenLevels), level, $"routing level of cell {i} is outside 0..{levels - 1}");
            }
            _cells[i] = -MathF.Log(Math.Max(priorProbabilities[i * levels + level], MinProbability));
        }
        MapOps.ResizeBilinear(_cells.AsSpan(0, cells), grid, grid, _upsampled, _size, _size);
        MapOps.SquaredError(image, priorReconstruction, _channels, map[..MapLength]);
        MapOps.MultiplyInPlace(map[..MapLength], _upsampled);
        _smoothing.Apply(map);
        return MapOps.Max(map[..MapLength]);
    }

    /// <summary>
    /// Inner-metrics scoring (seed 003): the alignment map (squared distance to the nearest code per latent cell)
    /// upsampled and grey-dilated, times the dilated (1 - SSIM) map. Images are CHW in [0, 1]. Returns the image score.
    /// </summary>
    public float ScoreSsimAlignment(
        ReadOnlySpan<float> alignment, int grid, ReadOnlySpan<float> image01, ReadOnlySpan<float> reconstruction01, Span<float> map)
    {
        MapOps.ResizeBilinear(alignment, grid, grid, _upsampled, _size, _size);
        MapOps.Dilate(_upsampled, _size, _size, _dilation, _scratch);
        _ssim.Compute(image01, reconstruction01, _channels, map);
        MapOps.Dilate(map[..MapLength], _size, _size, _dilation, _scratch);
        MapOps.MultiplyInPlace(map[..MapLength], _upsampled);
        _smoothing.Apply(map);
        return MapOps.Max(map[..MapLength]);
    }
}
