using System.Text;
using Edge.Fleet;

namespace Edge.Fleet.Tests;

public sealed class ModelCommandJsonTests
{
    private static readonly string Hash = new('a', 64);

    private static ModelCommand Install => new()
    {
        Id = "r1-box1",
        Action = ModelAction.Install,
        IssuedUtc = new DateTimeOffset(2026, 12, 3, 23, 50, 0, TimeSpan.Zero),
        Version = "1.4.0",
        Urls = [new Uri("http://127.0.0.1:8000/edge-1.4.0.zip")],
        Sha256 = Hash,
        Size = 1234,
    };

    [Fact]
    public void An_install_command_survives_a_round_trip_through_its_json()
    {
        var parsed = ModelCommandJson.Parse(ModelCommandJson.Serialize(Install));

        Assert.Equal(Install.Id, parsed.Id);
        Assert.Equal(ModelAction.Install, parsed.Action);
        Assert.Equal(Install.IssuedUtc, parsed.IssuedUtc);
        Assert.Equal("1.4.0", parsed.Version);
        Assert.Equal(Install.Urls, parsed.Urls);
        Assert.Equal(Hash, parsed.Sha256);
        Assert.Equal(1234, parsed.Size);
        Assert.False(parsed.Force);
    }

    [Fact]
    public void A_forced_install_with_several_urls_survives_a_round_trip_and_keeps_the_url_order()
    {
        var forced = Install with
        {
            Force = true,
            Urls = [new Uri("https://a.example/m.zip"), new Uri("http://127.0.0.1:8000/edge-1.4.0.zip")],
            IssuedUtc = new DateTimeOffset(2026, 12, 3, 23, 50, 0, 123, TimeSpan.Zero),
        };

        var parsed = ModelCommandJson.Parse(ModelCommandJson.Serialize(forced));

        Assert.True(parsed.Force);
        Assert.Equal(forced.Urls, parsed.Urls);
        Assert.Equal(forced.IssuedUtc, parsed.IssuedUtc);
        Assert.Equal(forced with { Urls = parsed.Urls }, parsed);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1]", "must be a JSON object")]
    [InlineData("""{"id":"a","action":"install","issuedUtc":"2026-12-03T00:00:00Z","tresholds":1}""", "unknown key 'tresholds'")]
    [InlineData("""{"id":"a","id":"b","action":"report","issuedUtc":"2026-12-03T00:00:00Z"}""", "appears more than once")]
    [InlineData("""{"action":"report","issuedUtc":"2026-12-03T00:00:00Z"}""", "id is required")]
    // A key the action does not read still goes into the signed bytes: a line break there would end its line early.
    [InlineData("""{"id":"a","action":"rollback","issuedUtc":"2026-12-03T00:00:00Z","sha256":"a\nfloor:9.9.9"}""", "sha256 must not hold control characters")]
    [InlineData("""{"id":"a/b","action":"report","issuedUtc":"2026-12-03T00:00:00Z"}""", "id must be")]
    [InlineData("""{"id":"a","action":"format-disk","issuedUtc":"2026-12-03T00:00:00Z"}""", "action 'format-disk'")]
    [InlineData("""{"id":"a","action":"report","issuedUtc":"yesterday"}""", "issuedUtc must be")]
    [InlineData("""{"id":"a","action":"install","issuedUtc":"2026-12-03T00:00:00Z"}""", "install needs version")]
    [InlineData("""{"id":"a","action":"install","issuedUtc":"2026-12-03T00:00:00Z","version":"1.0.0","urls":["file:///etc/passwd"]}""", "not an http or https address, nor mqtt-chunks:<sha256>")]
    [InlineData("""{"id":"a","action":"install","issuedUtc":"2026-12-03T00:00:00Z","version":"1.0.0","urls":["http://h/x.zip"],"sha256":"ABC"}""", "sha256")]
    [InlineData("""{"id":"a","action":"install","issuedUtc":"2026-12-03T00:00:00Z","version":"1.0.0","urls":["http://h/x.zip"],"sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","size":-5}""", "size must be")]
    [InlineData("""{"id":"a","action":"report","issuedUtc":"2026-12-03T00:00:00Z","force":"yes"}""", "force must be")]
    public void A_malformed_command_is_refused_with_its_reason(string json, string reason)
    {
        var error = Assert.Throws<ModelCommandException>(() => ModelCommandJson.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_install_from_mqtt_chunks_naming_the_command_s_sha256_survives_a_round_trip()
    {
        var chunked = Install with { Urls = [ArchiveChunks.Url(Hash)] };

        var json = Encoding.UTF8.GetString(ModelCommandJson.Serialize(chunked));
        var parsed = ModelCommandJson.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Contains($"\"urls\":[\"mqtt-chunks:{Hash}\"]", json, StringComparison.Ordinal);
        Assert.Equal(Hash, ArchiveChunks.Sha256Of(Assert.Single(parsed.Urls)));
    }

    [Theory]
    [InlineData("mqtt-chunks:abc", "nor mqtt-chunks:<sha256>")]
    [InlineData("mqtt-chunks:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "nor mqtt-chunks:<sha256>")]
    [InlineData("mqtt-chunks://host/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "nor mqtt-chunks:<sha256>")]
    [InlineData("mqtt://broker/x.zip", "nor mqtt-chunks:<sha256>")]
    [InlineData("ftp://h/x.zip", "nor mqtt-chunks:<sha256>")]
    [InlineData("mqtt-chunks:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "names another archive than the sha256 aaaa")]
    public void An_install_url_other_than_http_https_or_mqtt_chunks_of_its_own_sha256_is_refused(string url, string reason)
    {
        var json = $$"""{"id":"a","action":"install","issuedUtc":"2026-12-03T00:00:00Z","version":"1.0.0","urls":["{{url}}"],"sha256":"{{Hash}}","size":10}""";

        var error = Assert.Throws<ModelCommandException>(() => ModelCommandJson.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_mqtt_chunks_url_next_to_http_urls_is_refused()
    {
        var json = $$"""{"id":"a","action":"install","issuedUtc":"2026-12-03T00:00:00Z","version":"1.0.0","urls":["http://h/x.zip","mqtt-chunks:{{Hash}}"],"sha256":"{{Hash}}","size":10}""";

        var error = Assert.Throws<ModelCommandException>(() => ModelCommandJson.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Contains("must be the only url", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_oversized_command_is_refused_before_it_is_parsed()
    {
        var json = Encoding.UTF8.GetBytes($$"""{"id":"a","action":"report","issuedUtc":"2026-12-03T00:00:00Z","version":"{{new string('1', ModelCommandJson.MaxBytes)}}"}""");

        var error = Assert.Throws<ModelCommandException>(() => ModelCommandJson.Parse(json));

        Assert.Contains("more than the 16384 allowed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_state_round_trips_and_leaves_out_what_is_null()
    {
        var state = new ModelState { Active = "1.3.0", State = ModelStates.Downloading, Target = "1.4.0", TimeUtc = DateTimeOffset.UnixEpoch };

        var json = Encoding.UTF8.GetString(state.ToJson());

        Assert.DoesNotContain("reason", json, StringComparison.Ordinal);
        Assert.Equal(state, ModelState.Parse(state.ToJson()));
    }

    [Theory]
    [InlineData("plant1/box1", "plant1", "box1", true)]
    [InlineData("plant1/+", "plant1", "box9", true)]
    [InlineData("plant1/+", "plant2", "box1", false)]
    [InlineData("+/+", "any", "thing", true)]
    public void Device_filters_match_like_mqtt_single_level_wildcards(string filter, string site, string device, bool matches)
    {
        var parsed = DeviceFilter.Parse(filter);

        Assert.Equal(matches, parsed.Matches(site, device));
        Assert.Equal($"edge/{filter}/status", parsed.TopicFilter("status"));
    }

    [Theory]
    [InlineData("plant1")]
    [InlineData("plant1/box1/x")]
    [InlineData("plant#/box1")]
    [InlineData("/box1")]
    public void A_filter_that_is_not_site_slash_device_is_refused(string filter) =>
        Assert.Throws<FormatException>(() => DeviceFilter.Parse(filter));

    [Fact]
    public void A_topic_under_edge_names_its_site_and_device()
    {
        Assert.Equal(new FleetTopics("p", "b"), FleetTopics.FromTopic("edge/p/b/model/state"));
        Assert.Null(FleetTopics.FromTopic("other/p/b/status"));
    }
}
