using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Edge.Bundles.Versioning;

/// <summary>
/// A version per Semantic Versioning 2.0.0 (semver.org): <c>MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]</c>.
/// Ordering follows the specification's precedence rules: numeric core first; a pre-release sorts below
/// the same core without one; pre-release identifiers compare one by one (numeric ones numerically and
/// below alphanumeric ones, alphanumeric ones by ASCII order, a shorter list first when all shared ones are equal).
/// Build metadata is kept for display but ignored by ordering AND by equality, so that <c>a == b</c>
/// exactly when <c>a.CompareTo(b) == 0</c>.
/// </summary>
public sealed class SemanticVersion : IComparable<SemanticVersion>, IEquatable<SemanticVersion>
{
    private readonly string[] _preRelease;

    private SemanticVersion(int major, int minor, int patch, string[] preRelease, string build)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        _preRelease = preRelease;
        Build = build;
    }

    public int Major { get; }

    public int Minor { get; }

    public int Patch { get; }

    /// <summary>The dot-separated pre-release identifiers; empty for a release.</summary>
    public IReadOnlyList<string> PreRelease => _preRelease;

    /// <summary>The build metadata after <c>+</c>, or an empty string.</summary>
    public string Build { get; }

    public bool IsPreRelease => _preRelease.Length > 0;

    public static SemanticVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var version, out var reason)
            ? version
            : throw new FormatException($"'{text}' is not a semantic version: {reason}.");
    }

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SemanticVersion? version) =>
        TryParse(text, out version, out _);

    public static bool TryParse(
        [NotNullWhen(true)] string? text,
        [NotNullWhen(true)] out SemanticVersion? version,
        out string reason)
    {
        version = null;
        if (string.IsNullOrEmpty(text))
        {
            reason = "it is empty";
            return false;
        }

        var rest = text;
        var build = "";
        var plus = rest.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            build = rest[(plus + 1)..];
            rest = rest[..plus];
            if (!AreValidIdentifiers(build, numericMustNotHaveLeadingZero: false))
            {
                reason = "the build metadata must be non-empty dot-separated identifiers of [0-9A-Za-z-]";
                return false;
            }
        }

        string[] preRelease = [];
        var dash = rest.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            var pre = rest[(dash + 1)..];
            rest = rest[..dash];
            if (!AreValidIdentifiers(pre, numericMustNotHaveLeadingZero: true))
            {
                reason = "the pre-release must be non-empty dot-separated identifiers of [0-9A-Za-z-], numeric ones without leading zeros";
                return false;
            }
            preRelease = pre.Split('.');
        }

        var core = rest.Split('.');
        if (core.Length != 3)
        {
            reason = "it needs exactly three numbers MAJOR.MINOR.PATCH";
            return false;
        }
        var numbers = new int[3];
        for (var i = 0; i < 3; i++)
        {
            if (!IsNumericIdentifier(core[i]) || (core[i].Length > 1 && core[i][0] == '0'))
            {
                reason = $"'{core[i]}' is not a number without leading zeros";
                return false;
            }
            if (!int.TryParse(core[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                reason = $"'{core[i]}' is larger than {int.MaxValue}";
                return false;
            }
        }

        version = new SemanticVersion(numbers[0], numbers[1], numbers[2], preRelease, build);
        reason = "";
        return true;
    }

    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
        {
            return 1;
        }
        var core = Major != other.Major ? Major.CompareTo(other.Major)
            : Minor != other.Minor ? Minor.CompareTo(other.Minor)
            : Patch.CompareTo(other.Patch);
        if (core != 0)
        {
            return core;
        }
        // A release has higher precedence than any of its pre-releases.
        if (_preRelease.Length == 0 || other._preRelease.Length == 0)
        {
            return other._preRelease.Length.CompareTo(0) - _preRelease.Length.CompareTo(0);
        }
        var shared = Math.Min(_preRelease.Length, other._preRelease.Length);
        for (var i = 0; i < shared; i++)
        {
            var c = ComparePreReleaseIdentifiers(_preRelease[i], other._preRelease[i]);
            if (c != 0)
            {
                return c;
            }
        }
        return _preRelease.Length.CompareTo(other._preRelease.Length);
    }

    public bool Equals(SemanticVersion? other) => other is not null && CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is SemanticVersion other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Major);
        hash.Add(Minor);
        hash.Add(Patch);
        foreach (var identifier in _preRelease)
        {
            hash.Add(identifier, StringComparer.Ordinal);
        }
        return hash.ToHashCode();
    }

    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");
        if (_preRelease.Length > 0)
        {
            text += "-" + string.Join('.', _preRelease);
        }
        return Build.Length > 0 ? text + "+" + Build : text;
    }

    public static bool operator ==(SemanticVersion? left, SemanticVersion? right) =>
        left is null ? right is null : left.Equals(right);

    public static bool operator !=(SemanticVersion? left, SemanticVersion? right) => !(left == right);

    public static bool operator <(SemanticVersion? left, SemanticVersion? right) => Compare(left, right) < 0;

    public static bool operator <=(SemanticVersion? left, SemanticVersion? right) => Compare(left, right) <= 0;

    public static bool operator >(SemanticVersion? left, SemanticVersion? right) => Compare(left, right) > 0;

    public static bool operator >=(SemanticVersion? left, SemanticVersion? right) => Compare(left, right) >= 0;

    private static int Compare(SemanticVersion? left, SemanticVersion? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    private static int ComparePreReleaseIdentifiers(string a, string b)
    {
        var aNumeric = IsNumericIdentifier(a);
        var bNumeric = IsNumericIdentifier(b);
        if (aNumeric && bNumeric)
        {
            // No leading zeros, so a longer digit string is a larger number; no overflow for huge identifiers.
            return a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
        }
        if (aNumeric != bNumeric)
        {
            return aNumeric ? -1 : 1;
        }
        return Math.Sign(string.CompareOrdinal(a, b));
    }

    private static bool AreValidIdentifiers(string text, bool numericMustNotHaveLeadingZero)
    {
        foreach (var identifier in text.Split('.'))
        {
            if (identifier.Length == 0 || !identifier.All(IsIdentifierChar))
            {
                return false;
            }
            if (numericMustNotHaveLeadingZero && IsNumericIdentifier(identifier) && identifier.Length > 1 && identifier[0] == '0')
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '-';

    private static bool IsNumericIdentifier(string identifier) => identifier.Length > 0 && identifier.All(char.IsAsciiDigit);
}
