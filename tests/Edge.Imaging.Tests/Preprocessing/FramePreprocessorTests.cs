using Edge.Imaging.Preprocessing;
using Edge.Imaging.Tests.Support;

namespace Edge.Imaging.Tests.Preprocessing;

public sealed class FramePreprocessorTests
{
    [Fact]
    public void Normalization_gives_hand_computed_values()
    {
        // (pixel / 255 - mean) / std: red (1 - 0.5) / 0.25 = 2, green (0.2 - 0.5) / 0.5 = -0.6, blue (0 - 0.5) / 0.1 = -5.
        var frame = new Image([255, 51, 0], 1, 1, PixelLayout.Rgb);
        var preprocessor = new FramePreprocessor(new PreprocessOptions
        {
            Width = 1,
            Height = 1,
            Normalization = new ChannelNormalization([0.5f, 0.5f, 0.5f], [0.25f, 0.5f, 0.1f]),
        });
        var output = new float[3];

        preprocessor.Run(frame.AsView(), output);

        Assert.Equal(2f, output[0], 1e-5);
        Assert.Equal(-0.6f, output[1], 1e-5);
        Assert.Equal(-5f, output[2], 1e-5);
    }

    [Fact]
    public void ImageNet_normalization_of_mid_gray_gives_hand_computed_values()
    {
        // 128 / 255 = 0.501961; (0.501961 - 0.485) / 0.229 = 0.074065, (- 0.456) / 0.224 = 0.205182, (- 0.406) / 0.225 = 0.426492.
        var frame = new Image([128], 1, 1, PixelLayout.Gray);
        var preprocessor = new FramePreprocessor(new PreprocessOptions { Width = 1, Height = 1, Normalization = ChannelNormalization.ImageNet });
        var output = new float[3];

        preprocessor.Run(frame.AsView(), output);

        Assert.Equal(0.074065f, output[0], 1e-5);
        Assert.Equal(0.205182f, output[1], 1e-5);
        Assert.Equal(0.426492f, output[2], 1e-5);
    }

    [Fact]
    public void Output_is_planar_channel_then_row_then_column()
    {
        // 17 wide so the SIMD loop and its scalar tail both run.
        int width = 17, height = 3;
        var frame = new Image(width, height, PixelLayout.Rgb);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                frame.Row(y)[3 * x] = (byte)(x * 10);
                frame.Row(y)[3 * x + 1] = (byte)(y * 50);
                frame.Row(y)[3 * x + 2] = 77;
            }
        }
        var preprocessor = new FramePreprocessor(new PreprocessOptions { Width = width, Height = height });
        var output = new float[preprocessor.OutputLength];

        preprocessor.Run(frame.AsView(), output);

        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                Assert.Equal(x * 10 / 255f, output[y * width + x], 1e-6);
                Assert.Equal(y * 50 / 255f, output[width * height + y * width + x], 1e-6);
                Assert.Equal(77 / 255f, output[2 * width * height + y * width + x], 1e-6);
            }
        }
    }

    [Theory]
    [InlineData(PixelLayout.Rgb, 3)]
    [InlineData(PixelLayout.Gray, 1)]
    [InlineData(PixelLayout.Rgb, 1)]
    [InlineData(PixelLayout.Gray, 3)]
    public void Resized_output_matches_the_scalar_reference(PixelLayout frameLayout, int modelChannels)
    {
        var frame = Pixels.RandomImage(101, 67, frameLayout, seed: 9);
        var preprocessor = new FramePreprocessor(new PreprocessOptions { Width = 37, Height = 29, Channels = modelChannels });
        var output = new float[preprocessor.OutputLength];

        preprocessor.Run(frame.AsView(), output);

        var reference = ReferenceBilinear.Resize(frame, 37, 29);
        for (var c = 0; c < modelChannels; c++)
        {
            for (var y = 0; y < 29; y++)
            {
                for (var x = 0; x < 37; x++)
                {
                    var expected = (modelChannels, frame.Channels) switch
                    {
                        (3, 3) => reference[y, x, c],
                        (1, 3) => 0.299 * reference[y, x, 0] + 0.587 * reference[y, x, 1] + 0.114 * reference[y, x, 2],
                        _ => reference[y, x, 0],
                    };
                    Assert.Equal(expected / 255, output[(c * 29 + y) * 37 + x], 1e-5);
                }
            }
        }
    }

    [Fact]
    public void Alpha_in_the_frame_is_ignored()
    {
        var rgba = Pixels.RandomImage(40, 30, PixelLayout.Rgba, seed: 4);
        var preprocessor = new FramePreprocessor(new PreprocessOptions { Width = 16, Height = 16 });
        var fromRgba = new float[preprocessor.OutputLength];
        var fromRgb = new float[preprocessor.OutputLength];

        preprocessor.Run(rgba.AsView(), fromRgba);
        preprocessor.Run(rgba.ToRgb().AsView(), fromRgb);

        Assert.Equal(fromRgb, fromRgba);
    }

    [Fact]
    public void The_crop_from_the_options_equals_preprocessing_a_copy_of_that_region()
    {
        var frame = Pixels.RandomImage(120, 90, PixelLayout.Rgb, seed: 12);
        var region = new PixelRect(17, 9, 64, 50);
        var cropping = new FramePreprocessor(new PreprocessOptions { Width = 32, Height = 32, Crop = region });
        var plain = new FramePreprocessor(new PreprocessOptions { Width = 32, Height = 32 });
        var cropped = new float[cropping.OutputLength];
        var copied = new float[plain.OutputLength];
        var explicitCrop = new float[plain.OutputLength];

        cropping.Run(frame.AsView(), cropped);
        plain.Run(frame.Crop(region).AsView(), copied);
        plain.Run(frame.AsView(), region, explicitCrop);

        Assert.Equal(copied, cropped);
        Assert.Equal(copied, explicitCrop);
    }

    [Fact]
    public void A_steady_preprocessing_loop_allocates_nothing()
    {
        var frame = Pixels.RandomImage(1920, 1080, PixelLayout.Rgb, seed: 1);
        var preprocessor = new FramePreprocessor(new PreprocessOptions
        {
            Width = 256,
            Height = 256,
            Normalization = ChannelNormalization.ImageNet,
            Crop = new PixelRect(100, 50, 1600, 1000),
        });
        var output = new float[preprocessor.OutputLength];
        for (var i = 0; i < 3; i++)
        {
            preprocessor.Run(frame.AsView(), output);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20; i++)
        {
            preprocessor.Run(frame.AsView(), output);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Contains(output, v => v != output[0]);
    }

    [Fact]
    public void A_destination_too_short_is_refused_with_the_length_needed()
    {
        var preprocessor = new FramePreprocessor(new PreprocessOptions { Width = 4, Height = 4 });

        var error = Assert.Throws<ArgumentException>(() => preprocessor.Run(new Image(8, 8, PixelLayout.Rgb).AsView(), new float[47]));

        Assert.Contains("48", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_options_are_refused_naming_the_setting()
    {
        var channels = Assert.Throws<ArgumentException>(() => new FramePreprocessor(new PreprocessOptions { Width = 4, Height = 4, Channels = 2 }));
        var normalization = Assert.Throws<ArgumentException>(() => new FramePreprocessor(new PreprocessOptions
        {
            Width = 4,
            Height = 4,
            Channels = 1,
            Normalization = ChannelNormalization.ImageNet,
        }));
        var size = Assert.Throws<ArgumentException>(() => new FramePreprocessor(new PreprocessOptions { Width = 0, Height = 4 }));

        Assert.StartsWith("Channels", channels.Message, StringComparison.Ordinal);
        Assert.StartsWith("Normalization", normalization.Message, StringComparison.Ordinal);
        Assert.StartsWith("Width", size.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChannelNormalization([0f], [0f]));
    }
}
