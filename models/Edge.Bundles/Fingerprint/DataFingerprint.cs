namespace Edge.Bundles.Fingerprint;

/// <summary>The fingerprint of a folder of images and how many images it covers.</summary>
/// <param name="Sha256">Lowercase hex SHA-256 (see <see cref="TrainingDataFingerprint"/> for the exact definition).</param>
/// <param name="ImageCount">Number of image files hashed.</param>
public sealed record DataFingerprint(string Sha256, int ImageCount);
