namespace Edge.Bundles.Signing;

/// <summary>Why a bundle's signature was refused; stable codes that an update report can carry.</summary>
public enum SignatureError
{
    /// <summary>The bundle has no <c>manifest.sig</c>.</summary>
    Unsigned,

    /// <summary><c>manifest.sig</c> is not the documented JSON, or names another algorithm.</summary>
    Malformed,

    /// <summary>The signing key is not among the trusted public keys.</summary>
    UnknownKey,

    /// <summary>The key is trusted but the signature does not match <c>manifest.json</c>'s bytes (changed manifest or forged signature).</summary>
    BadSignature,
}
