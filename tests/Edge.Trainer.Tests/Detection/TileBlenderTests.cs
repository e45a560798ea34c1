using Edge.Detection.Tiling;

namespace Edge.Trainer.Tests.Detection;

public sealed class TileBlenderTests
{
    /// <summary>The window as documented, computed here on its own: floor + (1 - floor) sin^2(pi (i + 0.5) / T) per axis.</summary>
    private static double AxisWeight(int i, int tile)
    {
        var s = Math.Sin(Math.PI * (i + 0.5) / tile);
        return TileBlender.WindowFloor + (1 - TileBlender.WindowFloor) * s * s;
    }

    private static void AddAll(TileBlender blender, Func<int, float[]> tileMap)
    {
        blender.Clear();
        for (var i = 0; i < blender.Grid.Count; i++)
        {
            blender.Add(i, tileMap(i));
        }
        blender.Finish();
    }

    [Theory]
    [InlineData(1280, 720, 0.25, 32, 16)]
    [InlineData(333, 97, 1.0, 24, 7)]
    [InlineData(50, 40, 2.0, 16, 16)]
    public void Tiles_that_all_hold_one_constant_blend_to_that_constant_at_the_frames_own_size(int width, int height, double scale, int tile, int stride)
    {
        var blender = new TileBlender(new TileGrid(width, height, scale, tile, stride));
        var constant = Enumerable.Repeat(0.37f, tile * tile).ToArray();

        AddAll(blender, _ => constant);

        Assert.Equal(width * height, blender.Map.Length);
        Assert.All(blender.Map.ToArray(), v => Assert.Equal(0.37f, v, 1e-6f));
        Assert.All(blender.ScaledMap.ToArray(), v => Assert.Equal(0.37f, v, 1e-6f));
    }

    [Fact]
    public void Two_overlapping_tiles_blend_by_their_window_weights_where_they_overlap_and_keep_their_own_value_elsewhere()
    {
        // A 12x8 frame, 8-pixel tiles 4 apart: tile 0 covers x 0..7 with 1, tile 1 covers x 4..11 with 3.
        var blender = new TileBlender(new TileGrid(12, 8, 1, tileSize: 8, stride: 4));
        Assert.Equal(2, blender.Grid.Count);

        AddAll(blender, i => Enumerable.Repeat(i == 0 ? 1f : 3f, 64).ToArray());

        for (var y = 0; y < 8; y++)
        {
            for (var x = 0; x < 12; x++)
            {
                double expected = x < 4 ? 1 : x >= 8 ? 3
                    : (AxisWeight(x, 8) * 1 + AxisWeight(x - 4, 8) * 3) / (AxisWeight(x, 8) + AxisWeight(x - 4, 8));
                Assert.Equal(expected, blender.Map[y * 12 + x], 1e-5);
            }
        }
        // By hand: at x = 4 tile 0 is near its centre (weight 0.9657) and tile 1 at its edge (0.1343).
        Assert.Equal(1.2441, blender.Map[4], 1e-4);
        Assert.Equal(2.7559, blender.Map[7], 1e-4);
    }

    [Fact]
    public void The_window_is_the_documented_raised_cosine_lifted_to_its_floor()
    {
        for (var x = 0; x < 16; x++)
        {
            var y = x * 5 % 16;
            Assert.Equal(AxisWeight(x, 16) * AxisWeight(y, 16), TileBlender.Weight(x, y, 16), 1e-6);
        }
        // By hand for 16-pixel tiles: a corner 0.108646^2, the centre 0.991354^2.
        Assert.Equal(0.011804, TileBlender.Weight(0, 0, 16), 1e-6);
        Assert.Equal(0.982782, TileBlender.Weight(7, 8, 16), 1e-6);
    }

    [Fact]
    public void A_hot_pixel_in_one_tile_lands_at_its_frame_position_and_nowhere_else()
    {
        var grid = new TileGrid(100, 60, 1, tileSize: 32, stride: 16);
        var blender = new TileBlender(grid);
        var hotTile = 7;
        var hot = new float[32 * 32];
        hot[5 * 32 + 9] = 2f;
        var zero = new float[32 * 32];

        AddAll(blender, i => i == hotTile ? hot : zero);

        var origin = grid.Tile(hotTile);
        var (hx, hy) = (origin.X + 9, origin.Y + 5);
        for (var i = 0; i < blender.Map.Length; i++)
        {
            if (i != hy * 100 + hx)
            {
                Assert.Equal(0f, blender.Map[i]);
            }
        }
        var covering = Enumerable.Range(0, grid.Count).Select(grid.Tile)
            .Where(t => hx >= t.X && hx < t.Right && hy >= t.Y && hy < t.Bottom)
            .Sum(t => AxisWeight(hx - t.X, 32) * AxisWeight(hy - t.Y, 32));
        Assert.Equal(2 * AxisWeight(9, 32) * AxisWeight(5, 32) / covering, blender.Map[hy * 100 + hx], 1e-5);
    }

    [Fact]
    public void A_hot_pixel_of_a_half_scale_tile_peaks_at_the_two_by_two_frame_pixels_it_came_from()
    {
        var grid = new TileGrid(200, 120, 0.5, tileSize: 32, stride: 16);
        var blender = new TileBlender(grid);
        var hot = new float[32 * 32];
        hot[20 * 32 + 3] = 1f;
        var zero = new float[32 * 32];

        AddAll(blender, i => i == 4 ? hot : zero);

        var origin = grid.Tile(4);
        var (sx, sy) = (origin.X + 3, origin.Y + 20);
        var map = blender.Map.ToArray();
        var peak = Array.IndexOf(map, map.Max());
        Assert.InRange(peak % 200, 2 * sx, 2 * sx + 1);
        Assert.InRange(peak / 200, 2 * sy, 2 * sy + 1);
    }

    [Fact]
    public void Blending_a_frame_allocates_nothing()
    {
        var blender = new TileBlender(new TileGrid(640, 360, 1, tileSize: 64, stride: 32));
        var tile = Enumerable.Range(0, 64 * 64).Select(i => i / 4096f).ToArray();
        AddAll(blender, _ => tile);

        var before = GC.GetAllocatedBytesForCurrentThread();
        blender.Clear();
        for (var i = 0; i < blender.Grid.Count; i++)
        {
            blender.Add(i, tile);
        }
        blender.Finish();

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Finishing_before_every_tile_was_added_is_refused()
    {
        var blender = new TileBlender(new TileGrid(64, 32, 1, tileSize: 32, stride: 32));
        blender.Clear();
        blender.Add(0, new float[32 * 32]);

        var error = Assert.Throws<InvalidOperationException>(blender.Finish);

        Assert.Contains("2 tiles; 1 were added", error.Message, StringComparison.Ordinal);
    }
}
