namespace Edge.Fleet;

/// <summary>A model command that cannot be accepted; the message is the reason a device reports back.</summary>
public sealed class ModelCommandException(string message) : Exception(message);
