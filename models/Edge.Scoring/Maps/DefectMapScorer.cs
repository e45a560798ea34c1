namespace Edge.Scoring.Maps;

/// <summary>
/// Turns one model input's graph outputs into its raw defect map (input size), by any scoring method. The map is not
/// smoothed yet: regions of interest, smoothing and the image score come after, on the frame's map
/// (<see cref="ImageScorer"/>). Holds every buffer it needs: after construction, building a map allocates nothing.
/// One instance per thread.
/// </summary>
public sealed class DefectMapScorer
{
    private readonly DefectMapOptions _options;
    private readonly int _size;
    private readonly float[] _cells;
    private readonly float[] _upsampled;
    private readonly float[] _scratch;
    private readonly SsimMap _ssim;

    /// <param name="imageSize">Width and height of the model's input and of the map.</param>
    /// <param name="channels">Image channels (1 or 3).</param>
    /// <param name="cellGrid">Side of the coarsest routing grid (budget scoring) and maximum latent grid (alignment scoring).</param>
    /// <param name="dilation">Grey dilation window for the alignment and SSIM maps, in pixels.</param>
    public DefectMapScorer(int imageSize, int channels, int cellGrid, int dilation = 7)
        : this(new DefectMapOptions { ImageSize = imageSize, Channels = channels, CellGrid = cellGrid, Dilation = dilation })
    {
    }

    public DefectMapScorer(DefectMapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _size = options.ImageSize;
        _cells = new float[options.CellGrid * options.CellGrid];
        _upsampled = new float[_size * _size];
        _scratch = new float[_size * _size];
        _ssim = new SsimMap(_size, _size, options.SsimWindow, options.SsimC1, options.SsimC2);
    }

    public DefectMapOptions Options => _options;

    public int MapLength => _size * _size;

    /// <summary>
    /// Budget scoring: per coarsest cell, the cross entropy -log p̂(chosen level) of the input's own routing under the
    /// prior, upsampled to pixels, times the squared error of the reconstruction made with the PRIOR's allocation.
    /// </summary>
    public void BudgetMap(
        ReadOnlySpan<long> chosenLevels, ReadOnlySpan<float> priorProbabilities, int levels, int grid,
        ReadOnlySpan<float> image, ReadOnlySpan<float> priorReconstruction, Span<float> map)
    {
        var cells = grid * grid;
        if (chosenLevels.Length < cells || priorProbabilities.Length < cells * levels || cells > _cells.Length)
        {
            throw new ArgumentException($"Budget scoring needs {cells} routing choices and {cells * levels} prior probabilities, on a grid of at most {_options.CellGrid}.");
        }
        for (var i = 0; i < cells; i++)
        {
            var level = (int)chosenLevels[i];
            if ((uint)level >= (uint)levels)
            {
                throw new ArgumentOutOfRangeException(nameof(chosenLevels), level, $"routing level of cell {i} is outside 0..{levels - 1}");
            }
            _cells[i] = -MathF.Log(Math.Max(priorProbabilities[i * levels + level], _options.ProbabilityFloor));
        }
        MapOps.ResizeBilinear(_cells.AsSpan(0, cells), grid, grid, _upsampled, _size, _size);
        ReconstructionError(image, priorReconstruction, map[..MapLength]);
        MapOps.MultiplyInPlace(map[..MapLength], _upsampled);
    }

    /// <summary>Reconstruction-only scoring (the plain-VQ baseline and the "no prior" ablation): the squared error map.</summary>
    public void ReconstructionMap(ReadOnlySpan<float> image, ReadOnlySpan<float> reconstruction, Span<float> map) =>
        ReconstructionError(image, reconstruction, map[..MapLength]);

    /// <summary>
    /// Inner-metrics scoring (seed 003): the alignment map (squared distance to the nearest code per latent cell)
    /// upsampled and grey-dilated, times the (optionally dilated) 1 - SSIM map. Images are CHW in [0, 1].
    /// </summary>
    public void SsimAlignmentMap(
        ReadOnlySpan<float> alignment, int grid, ReadOnlySpan<float> image01, ReadOnlySpan<float> reconstruction01, Span<float> map)
    {
        MapOps.ResizeBilinear(alignment, grid, grid, _upsampled, _size, _size);
        MapOps.Dilate(_upsampled, _size, _size, _options.Dilation, _scratch);
        _ssim.Compute(image01, reconstruction01, _options.Channels, map);
        if (_options.DilateSsim)
        {
            MapOps.Dilate(map[..MapLength], _size, _size, _options.Dilation, _scratch);
        }
        MapOps.MultiplyInPlace(map[..MapLength], _upsampled);
    }

    private void ReconstructionError(ReadOnlySpan<float> image, ReadOnlySpan<float> reconstruction, Span<float> map)
    {
        MapOps.SquaredError(image, reconstruction, _options.Channels, map);
        if (_options.MeanOverChannels && _options.Channels > 1)
        {
            MapOps.Scale(map, 1f / _options.Channels);
        }
    }
}
