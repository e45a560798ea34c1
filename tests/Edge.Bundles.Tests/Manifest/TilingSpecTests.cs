using System.Text.Json.Nodes;
using Edge.Bundles.Manifest;
using Edge.Bundles.Tests.Support;
using Edge.Bundles.Validation;

namespace Edge.Bundles.Tests.Manifest;

public class TilingSpecTests
{
    private static BundleManifest Tiled(int stride = 128, double scale = 0.5) => SampleBundles.ListedManifest() with
    {
        Input = SampleBundles.Manifest().Input with { Tiling = new TilingSpec { Stride = stride, Scale = scale } },
    };

    private static JsonNode TiledJson() => JsonNode.Parse(ManifestSerializer.Serialize(Tiled()))!;

    private static BundleException Refused(JsonNode json) =>
        Assert.Throws<BundleException>(() => ManifestSerializer.Parse(json.ToJsonString()));

    [Fact]
    public void Tiling_is_written_under_input_with_its_stride_and_scale()
    {
        var json = TiledJson();

        Assert.Equal(128, (int)json["input"]!["tiling"]!["stride"]!);
        Assert.Equal(0.5, (double)json["input"]!["tiling"]!["scale"]!);
        Assert.Equal(2, json["input"]!["tiling"]!.AsObject().Count);
    }

    [Fact]
    public void A_tiled_manifest_survives_a_round_trip_byte_for_byte_and_value_for_value()
    {
        var json = ManifestSerializer.Serialize(Tiled(stride: 96, scale: 1.25));

        var parsed = ManifestSerializer.Parse(json);

        Assert.Equal(new TilingSpec { Stride = 96, Scale = 1.25 }, parsed.Input.Tiling);
        Assert.Equal(json, ManifestSerializer.Serialize(parsed));
    }

    [Fact]
    public void A_manifest_without_tiling_reads_as_whole_image_mode_and_writes_no_tiling_key()
    {
        var json = JsonNode.Parse(ManifestSerializer.Serialize(SampleBundles.ListedManifest()))!;

        var parsed = ManifestSerializer.Parse(json.ToJsonString());

        Assert.Null(parsed.Input.Tiling);
        Assert.False(json["input"]!.AsObject().ContainsKey("tiling"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.5)]
    [InlineData(4.01)]
    public void A_scale_outside_zero_to_four_is_refused_at_its_path(double scale)
    {
        var json = TiledJson();
        json["input"]!["tiling"]!["scale"] = scale;

        var problem = Assert.Single(Refused(json).Problems);

        Assert.Equal("$.input.tiling.scale", problem.Path);
        Assert.Contains("must be in (0, 4]", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "must be between 1 and 16384")]
    [InlineData(257, "must be at most the tile size 256")]
    public void A_stride_outside_one_to_the_tile_size_is_refused_at_its_path(int stride, string message)
    {
        var json = TiledJson();
        json["input"]!["tiling"]!["stride"] = stride;

        var problem = Assert.Single(Refused(json).Problems);

        Assert.Equal("$.input.tiling.stride", problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_closed_ends_a_scale_of_four_and_a_stride_of_a_whole_tile_are_accepted()
    {
        var json = TiledJson();
        json["input"]!["tiling"]!["scale"] = 4;
        json["input"]!["tiling"]!["stride"] = 256;

        Assert.Equal(new TilingSpec { Stride = 256, Scale = 4 }, ManifestSerializer.Parse(json.ToJsonString()).Input.Tiling);
    }

    [Fact]
    public void Tiling_of_a_non_square_input_is_refused_naming_both_sides()
    {
        var json = TiledJson();
        json["input"]!["height"] = 128;

        var error = Refused(json);

        var problem = Assert.Single(error.Problems, p => p.Path == "$.input.tiling");
        Assert.Contains("square input", problem.Message, StringComparison.Ordinal);
        Assert.Contains("256x128", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_missing_and_mistyped_tiling_keys_are_all_reported_at_once()
    {
        var json = TiledJson();
        var tiling = json["input"]!["tiling"]!.AsObject();
        tiling.Remove("stride");
        tiling["scale"] = "half";
        tiling["overlap"] = 0.5;

        var paths = Refused(json).Problems.Select(p => p.Path).ToList();

        Assert.Equal(["$.input.tiling.overlap", "$.input.tiling.scale", "$.input.tiling.stride"], paths.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Tiling_that_is_not_an_object_is_refused()
    {
        var json = TiledJson();
        json["input"]!["tiling"] = true;

        var problem = Assert.Single(Refused(json).Problems);

        Assert.Equal("$.input.tiling", problem.Path);
        Assert.Contains("expected an object", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_built_in_code_with_a_bad_tiling_is_refused_by_validation()
    {
        var error = Assert.Throws<BundleException>(() => ManifestSerializer.Validate(Tiled(stride: 300, scale: 5)));

        Assert.Equal(["$.input.tiling.scale", "$.input.tiling.stride"], error.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }
}
