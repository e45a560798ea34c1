using System.Text;
using Edge.Fleet;

namespace Edge.Fleet.Tests;

public sealed class ChunkManifestTests
{
    private static readonly string Hash = new('c', 64);

    [Fact]
    public void A_manifest_counts_its_chunks_rounding_up_and_only_the_last_one_is_short()
    {
        var manifest = ChunkManifest.For(Hash, (3 * 16384) + 5, 16384);

        Assert.Equal(4, manifest.Count);
        Assert.Equal([16384, 16384, 16384, 5], Enumerable.Range(0, 4).Select(manifest.LengthOf));
        Assert.Equal(manifest, ChunkManifest.Parse(manifest.ToJson()));
        Assert.Equal($$"""{"sha256":"{{Hash}}","size":49157,"chunkBytes":16384,"count":4}""", Encoding.UTF8.GetString(manifest.ToJson()));
    }

    [Fact]
    public void A_manifest_with_a_key_it_does_not_know_is_read_all_the_same()
    {
        var json = $$"""{"sha256":"{{Hash}}","size":16384,"chunkBytes":16384,"count":1,"publishedUtc":"2026-12-03T00:00:00Z"}""";

        Assert.Equal(ChunkManifest.For(Hash, 16384, 16384), ChunkManifest.Parse(Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("""{"size":1,"chunkBytes":16384,"count":1}""", "needs sha256")]
    [InlineData("""{"sha256":"ABC","size":1,"chunkBytes":16384,"count":1}""", "64 lowercase")]
    [InlineData("""{"sha256":"#","size":0,"chunkBytes":16384,"count":0}""", "size must be")]
    [InlineData("""{"sha256":"#","size":"10","chunkBytes":16384,"count":1}""", "needs size")]
    [InlineData("""{"sha256":"#","size":10,"chunkBytes":1024,"count":1}""", "chunkBytes 1024 is outside 16384..4194304")]
    [InlineData("""{"sha256":"#","size":40000,"chunkBytes":16384,"count":2}""", "count 2 does not fit its size and chunkBytes, which make 3")]
    public void A_malformed_manifest_is_refused_with_its_reason(string json, string reason)
    {
        var error = Assert.Throws<FormatException>(() => ChunkManifest.Parse(Encoding.UTF8.GetBytes(json.Replace("#", Hash, StringComparison.Ordinal))));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Chunk_topics_live_under_edge_chunks_and_name_their_index_in_plain_decimal()
    {
        Assert.Equal($"edge/chunks/{Hash}/manifest", ArchiveChunks.ManifestTopic(Hash));
        Assert.Equal(12, ArchiveChunks.IndexOf(Hash, ArchiveChunks.ChunkTopic(Hash, 12)));
        Assert.Null(ArchiveChunks.IndexOf(Hash, $"edge/chunks/{Hash}/012"));
        Assert.Null(ArchiveChunks.IndexOf(Hash, $"edge/chunks/{Hash}/-1"));
        Assert.Null(ArchiveChunks.IndexOf(Hash, $"edge/chunks/{Hash}/1/2"));
        Assert.Null(ArchiveChunks.IndexOf(Hash, $"edge/chunks/{Hash}/manifest"));
        Assert.Null(ArchiveChunks.IndexOf(Hash, $"edge/chunks/{new string('d', 64)}/1"));
        Assert.Null(ArchiveChunks.Sha256Of(new Uri("http://h/" + Hash)));
        Assert.Equal(Hash, ArchiveChunks.Sha256Of(new Uri("MQTT-CHUNKS:" + Hash)));
    }
}
