namespace Edge.Detection.Frames;

/// <summary>Looks a product class name up among a bundle's class names (the prior's class tokens).</summary>
public static class ProductClasses
{
    /// <summary>The index of <paramref name="name"/> in <paramref name="classNames"/>; null picks the first class.</summary>
    /// <exception cref="ArgumentException">The class is not one of the bundle's; the message names them.</exception>
    public static int IndexOf(IReadOnlyList<string> classNames, string? name)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        if (name is null)
        {
            return 0;
        }
        for (var i = 0; i < classNames.Count; i++)
        {
            if (string.Equals(classNames[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }
        throw new ArgumentException($"class '{name}' is not one of the bundle's product classes ({string.Join(", ", classNames)})");
    }
}
