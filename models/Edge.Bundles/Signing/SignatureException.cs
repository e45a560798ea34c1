namespace Edge.Bundles.Signing;

/// <summary>A bundle's signature was refused; <see cref="Error"/> says why in a form a program can act on.</summary>
public sealed class SignatureException : Exception
{
    public SignatureException()
        : this(SignatureError.Malformed, "The bundle signature is invalid.")
    {
    }

    public SignatureException(string message)
        : this(SignatureError.Malformed, message)
    {
    }

    public SignatureException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = SignatureError.Malformed;
    }

    public SignatureException(SignatureError error, string message)
        : base(message)
    {
        Error = error;
    }

    public SignatureError Error { get; }

    /// <summary>The error as a kebab-case code, e.g. <c>unknown-key</c>.</summary>
    public string Code => Error switch
    {
        SignatureError.Unsigned => "unsigned",
        SignatureError.Malformed => "malformed-signature",
        SignatureError.UnknownKey => "unknown-key",
        SignatureError.BadSignature => "bad-signature",
        _ => throw new InvalidOperationException($"Unknown signature error {Error}."),
    };
}
