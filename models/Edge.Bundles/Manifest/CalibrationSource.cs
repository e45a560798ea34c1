namespace Edge.Bundles.Manifest;

/// <summary>Where <c>edge-train calibrate</c> took its images from (manifest <c>calibration.source</c>).</summary>
public enum CalibrationSource
{
    /// <summary>A seeded share of the data set's <c>test/</c> images, which <c>evaluate</c> then leaves out.</summary>
    Split,

    /// <summary>A separate validation folder in the MVTec AD layout (<c>--validation</c>).</summary>
    ValidationFolder,
}
