using CsCheck;
using Edge.Bundles.Manifest;
using Edge.Detection.Tiling;

namespace Edge.Trainer.Tests.Detection;

public sealed class TileGridTests
{
    /// <summary>A tile size, a stride, a scale and a frame at least one tile large once rescaled.</summary>
    private static Gen<(int Width, int Height, double Scale, int Tile, int Stride)> Frames(int maxExtra) =>
        from tile in Gen.Int[1, 64]
        from stride in Gen.Int[1, tile]
        from scale in Gen.Double[0.05, 4.0]
        from extraWidth in Gen.Int[0, maxExtra]
        from extraHeight in Gen.Int[0, maxExtra]
        let smallest = (int)Math.Ceiling(tile / scale)
        select (smallest + extraWidth, smallest + extraHeight, scale, tile, stride);

    [Fact]
    public void A_720p_frame_at_half_scale_is_cut_into_19_by_11_tiles_the_last_ones_at_the_far_edges()
    {
        var grid = new TileGrid(1280, 720, 0.5, tileSize: 64, stride: 32);

        Assert.Equal((640, 360), (grid.ScaledWidth, grid.ScaledHeight));
        Assert.Equal(19, grid.Columns);
        Assert.Equal(11, grid.Rows);
        Assert.Equal(209, grid.Count);
        Assert.Equal([0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 296], grid.RowOrigins.ToArray());
        Assert.Equal(576, grid.ColumnOrigins[^1]);
        Assert.Equal(new Edge.Imaging.PixelRect(576, 296, 64, 64), grid.Tile(208));
        Assert.Equal(new Edge.Imaging.PixelRect(32, 32, 64, 64), grid.Tile(20));
    }

    [Fact]
    public void The_grid_of_a_bundle_takes_its_scale_and_stride_from_the_manifest()
    {
        var grid = TileGrid.For(new TilingSpec { Stride = 48, Scale = 1.5 }, 64, 101, 64);

        Assert.Equal((152, 96), (grid.ScaledWidth, grid.ScaledHeight));
        Assert.Equal([0, 48, 88], grid.ColumnOrigins.ToArray());
        Assert.Equal([0, 32], grid.RowOrigins.ToArray());
    }

    [Fact]
    public void A_frame_exactly_one_tile_large_has_one_tile()
    {
        var grid = new TileGrid(128, 128, 0.25, tileSize: 32, stride: 16);

        Assert.Equal(1, grid.Count);
        Assert.Equal(new Edge.Imaging.PixelRect(0, 0, 32, 32), grid.Tile(0));
    }

    [Fact]
    public void A_frame_smaller_than_a_tile_once_rescaled_is_refused_naming_the_sizes_and_the_scale_needed()
    {
        var error = Assert.Throws<ArgumentException>(() => new TileGrid(1280, 100, 0.5, tileSize: 64, stride: 32));

        Assert.Contains("1280x100 frame at tiling scale 0.5 is 640x50", error.Message, StringComparison.Ordinal);
        Assert.Contains("64x64 tile", error.Message, StringComparison.Ordinal);
        Assert.Contains("at least 0.64", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 32)]
    [InlineData(65, 32)]
    public void A_stride_outside_one_to_the_tile_is_refused(int stride, int tile)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TileGrid(640, 480, 1, tile, stride));
    }

    [Fact]
    public void The_rescaled_size_is_the_frame_size_times_the_scale_rounded()
    {
        Frames(maxExtra: 3000).Sample(f =>
        {
            var grid = new TileGrid(f.Width, f.Height, f.Scale, f.Tile, f.Stride);
            Assert.Equal((int)Math.Round(f.Width * f.Scale, MidpointRounding.AwayFromZero), grid.ScaledWidth);
            Assert.Equal((int)Math.Round(f.Height * f.Scale, MidpointRounding.AwayFromZero), grid.ScaledHeight);
        });
    }

    [Fact]
    public void Each_axis_has_ceil_side_minus_tile_over_stride_plus_one_origins_in_regular_steps_ending_at_the_far_edge()
    {
        Frames(maxExtra: 3000).Sample(f =>
        {
            var grid = new TileGrid(f.Width, f.Height, f.Scale, f.Tile, f.Stride);
            foreach (var (origins, side) in new[] { (grid.ColumnOrigins.ToArray(), grid.ScaledWidth), (grid.RowOrigins.ToArray(), grid.ScaledHeight) })
            {
                Assert.Equal((int)Math.Ceiling((side - f.Tile) / (double)f.Stride) + 1, origins.Length);
                for (var i = 0; i < origins.Length - 1; i++)
                {
                    Assert.Equal(i * f.Stride, origins[i]);
                }
                Assert.Equal(side - f.Tile, origins[^1]);
                Assert.True(origins.Length == 1 || origins[^1] > origins[^2], "origins must increase");
            }
            Assert.Equal(grid.Columns * grid.Rows, grid.Count);
        });
    }

    [Fact]
    public void Every_pixel_of_the_rescaled_frame_is_covered_and_every_tile_lies_inside_it()
    {
        Frames(maxExtra: 120).Sample(f =>
        {
            var grid = new TileGrid(f.Width, f.Height, f.Scale, f.Tile, f.Stride);
            var covered = new int[grid.ScaledWidth * grid.ScaledHeight];
            for (var i = 0; i < grid.Count; i++)
            {
                var tile = grid.Tile(i);
                Assert.Equal((f.Tile, f.Tile), (tile.Width, tile.Height));
                Assert.InRange(tile.X, 0, grid.ScaledWidth - f.Tile);
                Assert.InRange(tile.Y, 0, grid.ScaledHeight - f.Tile);
                for (var y = tile.Y; y < tile.Bottom; y++)
                {
                    for (var x = tile.X; x < tile.Right; x++)
                    {
                        covered[y * grid.ScaledWidth + x]++;
                    }
                }
            }
            Assert.DoesNotContain(0, covered);
        }, iter: 200);
    }
}
