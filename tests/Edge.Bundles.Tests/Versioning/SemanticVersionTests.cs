using Edge.Bundles.Versioning;

namespace Edge.Bundles.Tests.Versioning;

public class SemanticVersionTests
{
    [Fact]
    public void Versions_order_by_the_precedence_examples_of_semver_2()
    {
        string[] ascending =
        [
            "0.9.9", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11",
            "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "1.10.0", "2.0.0",
        ];
        var parsed = ascending.Select(SemanticVersion.Parse).ToArray();
        for (var i = 1; i < parsed.Length; i++)
        {
            Assert.True(parsed[i - 1] < parsed[i], $"{parsed[i - 1]} < {parsed[i]}");
            Assert.True(parsed[i] > parsed[i - 1], $"{parsed[i]} > {parsed[i - 1]}");
        }
        var shuffled = parsed.Reverse().ToList();
        shuffled.Sort();
        Assert.Equal(ascending, shuffled.Select(v => v.ToString()));
    }

    [Fact]
    public void Numeric_identifiers_compare_as_numbers_and_below_alphanumeric_ones()
    {
        Assert.True(SemanticVersion.Parse("1.0.0-2") < SemanticVersion.Parse("1.0.0-10"));
        Assert.True(SemanticVersion.Parse("1.0.0-99999999999999999999") < SemanticVersion.Parse("1.0.0-100000000000000000000"));
        Assert.True(SemanticVersion.Parse("1.0.0-999") < SemanticVersion.Parse("1.0.0-a"));
        Assert.True(SemanticVersion.Parse("1.0.0-Z") < SemanticVersion.Parse("1.0.0-a"));
    }

    [Fact]
    public void Build_metadata_is_kept_but_ignored_by_ordering_and_equality()
    {
        var a = SemanticVersion.Parse("1.2.3+build.5");
        var b = SemanticVersion.Parse("1.2.3+other");
        Assert.Equal(0, a.CompareTo(b));
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("build.5", a.Build);
        Assert.Equal("1.2.3+build.5", a.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.0")]
    [InlineData("1.0.0.0")]
    [InlineData("01.0.0")]
    [InlineData("1.0.0-")]
    [InlineData("1.0.0-01")]
    [InlineData("1.0.0-a..b")]
    [InlineData("1.0.0+")]
    [InlineData("1.0.0+a_b")]
    [InlineData("v1.0.0")]
    [InlineData("1.0.-1")]
    [InlineData("99999999999.0.0")]
    public void Malformed_versions_are_refused_with_a_reason(string text)
    {
        Assert.False(SemanticVersion.TryParse(text, out _, out var reason));
        Assert.NotEmpty(reason);
        Assert.Throws<FormatException>(() => SemanticVersion.Parse(text));
    }

    [Theory]
    [InlineData("0.0.0", 0, 0, 0, "")]
    [InlineData("10.20.30-rc.1.x-y", 10, 20, 30, "rc.1.x-y")]
    [InlineData("1.0.0-0A.is.legal", 1, 0, 0, "0A.is.legal")]
    public void Valid_versions_parse_into_their_parts(string text, int major, int minor, int patch, string preRelease)
    {
        var version = SemanticVersion.Parse(text);
        Assert.Equal((major, minor, patch), (version.Major, version.Minor, version.Patch));
        Assert.Equal(preRelease, string.Join('.', version.PreRelease));
        Assert.Equal(text, version.ToString());
    }
}
