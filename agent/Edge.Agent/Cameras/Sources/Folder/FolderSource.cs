using Edge.Agent.Cameras.Frames;
using Edge.Imaging;
using Edge.Imaging.Jpeg;
using Edge.Imaging.Png;

namespace Edge.Agent.Cameras.Sources.Folder;

/// <summary>
/// Replays the PNG and JPEG images of a folder as frames, in ordinal file-name order, at
/// <see cref="FolderSourceSettings.FramesPerSecond"/>, looping if asked. The folder is listed when the
/// source opens; every image must have the first one's size. Files are read into one reused buffer and
/// JPEGs decoded straight into the frame; a PNG is decoded into its own image, then copied.
/// </summary>
public sealed class FolderSource : ICameraSource
{
    private readonly FolderSourceSettings _settings;
    private readonly FramePacer _pacer;
    private readonly FrameImageCache _frameImages = new();
    private readonly JpegDecoder _jpeg = new();
    private string[] _files = [];
    private FrameGeometry _geometry;
    private byte[] _fileBuffer = [];
    private int _next;

    public FolderSource(FolderSourceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!(settings.FramesPerSecond > 0) || double.IsInfinity(settings.FramesPerSecond))
        {
            _jpeg.Dispose();
            throw new CameraSourceException("folder: framesPerSecond must be a positive number.", isPermanent: true);
        }
        _settings = settings;
        _pacer = new FramePacer(settings.FramesPerSecond);
    }

    public string Description => $"folder {_settings.Directory}";

    /// <summary>The images played, in order (listed by <see cref="Open"/>).</summary>
    public IReadOnlyList<string> Files => _files;

    public FrameGeometry Open(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!Directory.Exists(_settings.Directory))
        {
            // It may be a mount that is not there yet: worth retrying.
            throw new CameraSourceException($"folder: {_settings.Directory} does not exist.");
        }
        _files = Directory.EnumerateFiles(_settings.Directory)
            .Where(f => ImageCodec.FormatOfPath(f) != ImageFormat.Unknown)
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (_files.Length == 0)
        {
            throw new CameraSourceException($"folder: {_settings.Directory} has no .png, .jpg or .jpeg images.");
        }
        var (width, height) = ImageSize(_files[0]);
        _geometry = new FrameGeometry(width, height, _settings.PixelFormat);
        return _geometry;
    }

    public bool ReadFrame(CameraFrame frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (_files.Length == 0)
        {
            throw new InvalidOperationException("Open the source before reading frames.");
        }
        if (_next == _files.Length)
        {
            if (!_settings.Loop)
            {
                return false;
            }
            _next = 0;
        }
        var path = _files[_next++];
        var data = ReadFile(path);
        frame.Prepare(_geometry);
        try
        {
            Decode(data, frame, path);
        }
        catch (ImagingException e)
        {
            throw new CameraSourceException($"folder: cannot decode {path}: {e.Message}", e);
        }
        _pacer.WaitForNext(cancellationToken);
        frame.TimestampUtc = DateTime.UtcNow;
        return true;
    }

    public void Dispose() => _jpeg.Dispose();

    private void Decode(ReadOnlySpan<byte> data, CameraFrame frame, string path)
    {
        if (ImageCodec.DetectFormat(data) == ImageFormat.Jpeg)
        {
            var header = _jpeg.ReadHeader(data);
            CheckSize(header.Width, header.Height, path);
            _jpeg.DecodeInto(data, _frameImages.For(frame));
            return;
        }
        var image = ImageCodec.Decode(data, _geometry.Layout);
        CheckSize(image.Width, image.Height, path);
        var pixels = frame.Pixels;
        for (var y = 0; y < image.Height; y++)
        {
            image.Row(y).CopyTo(pixels.Slice(y * _geometry.RowBytes, _geometry.RowBytes));
        }
    }

    private (int Width, int Height) ImageSize(string path)
    {
        var data = ReadFile(path);
        try
        {
            switch (ImageCodec.DetectFormat(data))
            {
                case ImageFormat.Png:
                    var info = PngCodec.ReadInfo(data);
                    return (info.Width, info.Height);
                case ImageFormat.Jpeg:
                    var header = _jpeg.ReadHeader(data);
                    return (header.Width, header.Height);
                default:
                    throw new CameraSourceException($"folder: {path} is not a PNG or JPEG.");
            }
        }
        catch (ImagingException e)
        {
            throw new CameraSourceException($"folder: cannot read the header of {path}: {e.Message}", e);
        }
    }

    private void CheckSize(int width, int height, string path)
    {
        if (width != _geometry.Width || height != _geometry.Height)
        {
            throw new CameraSourceException($"folder: {path} is {width}x{height}; the folder's first image is {_geometry.Width}x{_geometry.Height}.");
        }
    }

    // Read into one buffer that only grows; a file that vanished or changed is a lost camera, retried.
    private ReadOnlySpan<byte> ReadFile(string path)
    {
        try
        {
            using var handle = File.OpenHandle(path);
            var length = RandomAccess.GetLength(handle);
            if (length > Array.MaxLength)
            {
                throw new CameraSourceException($"folder: {path} is too large to be an image.");
            }
            if (_fileBuffer.Length < length)
            {
                _fileBuffer = new byte[length];
            }
            var span = _fileBuffer.AsSpan(0, (int)length);
            var read = 0;
            while (read < span.Length)
            {
                var n = RandomAccess.Read(handle, span[read..], read);
                if (n == 0)
                {
                    break;
                }
                read += n;
            }
            return span[..read];
        }
        catch (IOException e)
        {
            throw new CameraSourceException($"folder: cannot read {path}: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new CameraSourceException($"folder: cannot read {path}: {e.Message}", e);
        }
    }
}
