using Edge.Agent.Cameras.Frames;
using Edge.Agent.Cameras.Sources;
using Edge.Agent.Cameras.Sources.Folder;
using Edge.Imaging;
using Edge.Imaging.Jpeg;
using Edge.Testing;

namespace Edge.Agent.Tests.Cameras.Sources;

public class FolderSourceTests
{
    /// <summary>An 8×6 RGB image whose every byte derives from <paramref name="seed"/>, saved as PNG.</summary>
    private static Image SavePng(string path, int seed, int width = 8, int height = 6)
    {
        var image = new Image(width, height, PixelLayout.Rgb);
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            image.Pixels[i] = (byte)((seed * 37) + (i * 11));
        }
        ImageCodec.Save(image.AsView(), path);
        return image;
    }

    [Fact]
    public void Images_are_replayed_in_name_order_at_the_set_rate_and_looped()
    {
        using var folder = new TempFolder();
        var b = SavePng(folder.File("b.png"), 2);
        var a = SavePng(folder.File("a.png"), 1);
        var c = SavePng(folder.File("c.png"), 3);
        File.WriteAllText(folder.File("notes.txt"), "not an image");
        using var source = new FolderSource(new FolderSourceSettings(folder.Path) { FramesPerSecond = 20 });

        Assert.Equal(new FrameGeometry(8, 6, FramePixelFormat.Rgb24), source.Open(CancellationToken.None));
        var frames = new List<(byte[] Pixels, DateTime Time)>();
        var frame = new CameraFrame();
        for (var i = 0; i < 7; i++)
        {
            Assert.True(source.ReadFrame(frame, CancellationToken.None));
            frames.Add((frame.Pixels.ToArray(), frame.TimestampUtc));
        }

        Image[] expected = [a, b, c, a, b, c, a];
        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(expected[i].Pixels, frames[i].Pixels);
        }
        // Six intervals of 50 ms at 20 frames per second (the clock may round by a millisecond).
        Assert.InRange(frames[6].Time - frames[0].Time, TimeSpan.FromMilliseconds(299), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Without_loop_the_stream_ends_after_the_last_image()
    {
        using var folder = new TempFolder();
        SavePng(folder.File("1.png"), 1);
        SavePng(folder.File("2.png"), 2);
        using var source = new FolderSource(new FolderSourceSettings(folder.Path) { FramesPerSecond = 1000, Loop = false });
        source.Open(CancellationToken.None);

        var frame = new CameraFrame();
        Assert.True(source.ReadFrame(frame, CancellationToken.None));
        Assert.True(source.ReadFrame(frame, CancellationToken.None));
        Assert.False(source.ReadFrame(frame, CancellationToken.None));
    }

    [Fact]
    public void Jpeg_images_are_decoded_into_the_frame_in_the_asked_format()
    {
        using var folder = new TempFolder();
        var picture = SavePng(folder.File("ignored-later.png"), 5, width: 16, height: 8);
        File.Delete(folder.File("ignored-later.png"));
        var jpeg = JpegCodec.Encode(picture.AsView(), quality: 90);
        File.WriteAllBytes(folder.File("shot.JPG"), jpeg);
        using var source = new FolderSource(new FolderSourceSettings(folder.Path) { FramesPerSecond = 1000, PixelFormat = FramePixelFormat.Gray8 });

        Assert.Equal(new FrameGeometry(16, 8, FramePixelFormat.Gray8), source.Open(CancellationToken.None));
        var frame = new CameraFrame();
        Assert.True(source.ReadFrame(frame, CancellationToken.None));

        Assert.Equal(JpegCodec.Decode(jpeg, PixelLayout.Gray).Pixels, frame.Pixels.ToArray());
    }

    [Fact]
    public void A_folder_without_images_is_reported_and_retried()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("readme.txt"), "");
        using var source = new FolderSource(new FolderSourceSettings(folder.Path));

        var error = Assert.Throws<CameraSourceException>(() => source.Open(CancellationToken.None));

        Assert.False(error.IsPermanent);
        Assert.Equal($"folder: {folder.Path} has no .png, .jpg or .jpeg images.", error.Message);
    }

    [Fact]
    public void An_image_of_another_size_is_an_error_that_names_it()
    {
        using var folder = new TempFolder();
        SavePng(folder.File("a.png"), 1);
        SavePng(folder.File("b.png"), 2, width: 9);
        using var source = new FolderSource(new FolderSourceSettings(folder.Path) { FramesPerSecond = 1000 });
        source.Open(CancellationToken.None);
        var frame = new CameraFrame();
        Assert.True(source.ReadFrame(frame, CancellationToken.None));

        var error = Assert.Throws<CameraSourceException>(() => source.ReadFrame(frame, CancellationToken.None));

        Assert.Equal($"folder: {folder.File("b.png")} is 9x6; the folder's first image is 8x6.", error.Message);
    }

    [Fact]
    public void Cancelling_a_slow_replay_ends_the_wait()
    {
        using var folder = new TempFolder();
        SavePng(folder.File("a.png"), 1);
        using var source = new FolderSource(new FolderSourceSettings(folder.Path) { FramesPerSecond = 0.01 });
        source.Open(CancellationToken.None);
        var frame = new CameraFrame();
        Assert.True(source.ReadFrame(frame, CancellationToken.None));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.ThrowsAny<OperationCanceledException>(() => source.ReadFrame(frame, cancel.Token));
    }
}
