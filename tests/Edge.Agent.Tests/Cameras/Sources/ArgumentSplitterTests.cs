using Edge.Agent.Cameras.Sources.Processes;

namespace Edge.Agent.Tests.Cameras.Sources;

public class ArgumentSplitterTests
{
    [Fact]
    public void Words_are_split_on_any_run_of_white_space()
    {
        Assert.Equal(["-re", "-i", "clip.mp4"], ArgumentSplitter.Split("  -re\t-i   clip.mp4 "));
    }

    [Fact]
    public void Quotes_group_words_as_a_shell_does()
    {
        Assert.Equal(
            ["-i", "my clip.mp4", "a 'b' c", "x\"y", "plain\\text", "joined"],
            ArgumentSplitter.Split("-i 'my clip.mp4' \"a 'b' c\" \"x\\\"y\" 'plain\\text' jo\"in\"ed"));
    }

    [Fact]
    public void A_backslash_outside_quotes_escapes_the_next_character()
    {
        Assert.Equal(["my clip.mp4"], ArgumentSplitter.Split(@"my\ clip.mp4"));
    }

    [Fact]
    public void An_empty_quoted_word_is_kept()
    {
        Assert.Equal(["-x", ""], ArgumentSplitter.Split("-x ''"));
    }

    [Theory]
    [InlineData("-i 'clip.mp4", "single quote at position 3")]
    [InlineData("-i \"clip.mp4", "double quote at position 3")]
    [InlineData("-i clip\\", "lone backslash")]
    public void Unclosed_quotes_are_reported_with_their_position(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ArgumentSplitter.Split(text));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
