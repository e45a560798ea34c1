using Edge.Agent.Cameras.Sources.V4l2;
using Edge.Agent.Tests.Cameras.Support;
using Edge.Testing;

namespace Edge.Agent.Tests.Cameras.V4l2;

public class YuyvConverterTests
{
    [Theory]
    [InlineData(16, 128, 128, 0, 0, 0)]        // limited-range black
    [InlineData(235, 128, 128, 255, 255, 255)] // limited-range white
    [InlineData(126, 128, 128, 128, 128, 128)] // mid grey: 298 × 110 / 256 = 128
    [InlineData(82, 90, 240, 255, 0, 0)]       // BT.601 red
    [InlineData(41, 240, 110, 0, 0, 255)]      // BT.601 blue
    public void Known_colours_convert_to_their_rgb_values(byte y, byte u, byte v, byte r, byte g, byte b)
    {
        var rgb = new byte[6];
        YuyvConverter.ToRgb24([y, u, y, v], 4, 2, 1, rgb);

        Assert.InRange(rgb[0], r - 1, r + 1);
        Assert.InRange(rgb[1], g - 1, g + 1);
        Assert.InRange(rgb[2], b - 1, b + 1);
        Assert.Equal(rgb.AsSpan(0, 3).ToArray(), rgb.AsSpan(3, 3).ToArray());
    }

    [Fact]
    public void Every_yuv_combination_matches_the_bt601_equations_clamped()
    {
        // Extremes included: Y 255 with U 255 gives blue far above 255, Y 0 with U 0 far below 0.
        var rgb = new byte[6];
        for (var y = 0; y < 256; y += 5)
        {
            for (var u = 0; u < 256; u += 5)
            {
                for (var v = 0; v < 256; v += 5)
                {
                    YuyvConverter.ToRgb24([(byte)y, (byte)u, (byte)y, (byte)v], 4, 2, 1, rgb);
                    var c = 298 * (y - 16);
                    Assert.Equal(Math.Clamp((c + (409 * (v - 128)) + 128) >> 8, 0, 255), rgb[0]);
                    Assert.Equal(Math.Clamp((c - (100 * (u - 128)) - (208 * (v - 128)) + 128) >> 8, 0, 255), rgb[1]);
                    Assert.Equal(Math.Clamp((c + (516 * (u - 128)) + 128) >> 8, 0, 255), rgb[2]);
                }
            }
        }
    }

    [Fact]
    public void A_test_picture_converts_like_ffmpeg_with_shared_chroma()
    {
        using var folder = new TempFolder();
        var yuyvFile = folder.File("picture.yuyv");
        CameraTools.Require("ffmpeg", CameraTools.FfmpegInstallHint);
        File.WriteAllBytes(yuyvFile, CameraTools.Run("ffmpeg", "-hide_banner", "-loglevel", "error",
            "-f", "lavfi", "-i", "testsrc=size=64x48", "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "yuyv422", "-"));
        // Nearest-neighbour chroma and exact rounding: each pixel pair shares its chroma, as here.
        var expected = CameraTools.Run("ffmpeg", "-hide_banner", "-loglevel", "error",
            "-f", "rawvideo", "-pix_fmt", "yuyv422", "-video_size", "64x48", "-i", yuyvFile,
            "-sws_flags", "neighbor+accurate_rnd+full_chroma_int+bitexact", "-f", "rawvideo", "-pix_fmt", "rgb24", "-");

        var rgb = new byte[64 * 48 * 3];
        YuyvConverter.ToRgb24(File.ReadAllBytes(yuyvFile), 128, 64, 48, rgb);

        var worst = expected.Zip(rgb, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst <= 1, $"largest difference from ffmpeg: {worst}");
    }

    [Fact]
    public void Grey_output_is_luma_stretched_to_full_range_and_padding_is_skipped()
    {
        // Two rows of 2 pixels, each row padded to 6 bytes with junk.
        byte[] yuyv = [16, 0, 235, 0, 0xEE, 0xEE, 126, 255, 126, 255, 0xEE, 0xEE];
        var grey = new byte[4];

        YuyvConverter.ToGray8(yuyv, 6, 2, 2, grey);

        Assert.Equal([0, 255, 128, 128], grey);
    }

    [Fact]
    public void A_source_shorter_than_the_picture_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => YuyvConverter.ToRgb24(new byte[10], 8, 4, 2, new byte[24]));

        Assert.Contains("needs 16 bytes, not 10", error.Message, StringComparison.Ordinal);
    }
}
