using Edge.Imaging;
using Edge.Trainer.Data;

namespace Edge.Trainer.Synthesis.Photos;

/// <summary>
/// Cuts one product class in the MVTec AD layout from real photographs of a surface: <c>train/good/</c> holds crops of
/// a part of each photograph, <c>test/good/</c> and <c>test/&lt;defect&gt;/</c> crops of the held-out rest (never a
/// pixel of a training crop's area), the latter with drawn defects and their masks in
/// <c>ground_truth/&lt;defect&gt;/&lt;name&gt;_mask.png</c>. Where each image was cut is written to
/// <see cref="CropsFile"/> (<see cref="PhotoSetRecord"/>). The same photographs and options always give byte-identical files.
/// </summary>
/// <remarks>
/// Each photograph is shrunk (see <see cref="PhotoSetOptions.ShortSide"/>) and laid out in square tiles a quarter
/// larger than a crop; a seeded shuffle holds out a share of every photograph's tiles, and each crop lies inside one
/// tile of its split, so the held-out part is spread over the whole picture instead of being one edge of it.
/// </remarks>
public static class PhotoDataset
{
    public const string CropsFile = "crops.json";

    /// <summary>The defect kinds, each a <c>test/</c> folder: crack, hole, stain, scratch, missing.</summary>
    public static IReadOnlyList<string> DefectKinds => PhotoDefectPainter.Kinds;

    /// <summary>Writes the class into <paramref name="classFolder"/> (its name is the class name) and says where every image came from.</summary>
    public static PhotoSetRecord Write(string classFolder, IReadOnlyList<string> photos, PhotoSetOptions options)
    {
        ArgumentNullException.ThrowIfNull(photos);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (photos.Count == 0)
        {
            throw new ArgumentException("A photo data set needs at least one photograph.", nameof(photos));
        }
        var tileSize = options.CropSize + options.CropSize / 4;
        var classNumber = ClassNumber(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(classFolder))));
        var split = SeededStreams.For(options.Seed, classNumber, 0);
        var pictures = new List<Image>();
        var (trainTiles, heldOutTiles) = (new List<Tile>(), new List<Tile>());
        var sources = new List<PhotoSource>();
        for (var p = 0; p < photos.Count; p++)
        {
            var (picture, scale, width, height) = Load(photos[p], options);
            pictures.Add(picture);
            var tiles = Tiles(p, picture, tileSize);
            if (tiles.Count < 2)
            {
                throw new ArgumentException($"'{photos[p]}' ({width}x{height}, shrunk 1/{scale}) has room for {tiles.Count} tile(s) of {tileSize} px; a photo data set needs at least 2.");
            }
            Shuffle(tiles, split);
            var heldOut = Math.Clamp((int)Math.Round(options.HeldOutShare * tiles.Count), 1, tiles.Count - 1);
            heldOutTiles.AddRange(tiles.Take(heldOut));
            trainTiles.AddRange(tiles.Skip(heldOut));
            sources.Add(new PhotoSource(photos[p], width, height, scale, tiles.Count - heldOut, heldOut));
        }

        var cutter = new Cutter(classFolder, photos, sources, pictures, options.CropSize);
        cutter.Normal(Path.Combine("train", MvtecDataset.Good), options.TrainCount, trainTiles, SeededStreams.For(options.Seed, classNumber, 1));
        cutter.Normal(Path.Combine("test", MvtecDataset.Good), options.TestGoodCount, heldOutTiles, SeededStreams.For(options.Seed, classNumber, 2));
        for (var d = 0; d < PhotoDefectPainter.Kinds.Length; d++)
        {
            cutter.Defective(PhotoDefectPainter.Kinds[d], options.TestCountPerKind, heldOutTiles, SeededStreams.For(options.Seed, classNumber, 3 + d));
        }
        var record = new PhotoSetRecord(sources, cutter.Crops);
        record.Write(classFolder);
        return record;
    }

    /// <summary>A number of the class name that is the same in every process (FNV-1a), so that two classes cut with one seed get different crops and defects.</summary>
    private static int ClassNumber(string className)
    {
        var hash = 2_166_136_261u;
        foreach (var c in className)
        {
            hash = (hash ^ c) * 16_777_619u;
        }
        return (int)(hash % 65_521u);
    }

    /// <summary>The photograph as RGB, shrunk as <see cref="Write"/> shrinks it; the crops' squares are in its pixels.</summary>
    public static Image LoadShrunk(string photo, PhotoSetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Load(photo, options).Picture;
    }

    private static (Image Picture, int Scale, int Width, int Height) Load(string photo, PhotoSetOptions options)
    {
        Image image;
        try
        {
            image = ImageCodec.Load(photo, PixelLayout.Rgb);
        }
        catch (ImagingException e)
        {
            throw new InvalidDataException($"Cannot read photograph '{photo}': {e.Message}", e);
        }
        var scale = Math.Max(1, Math.Min(image.Width, image.Height) / options.ShortSide);
        return (scale == 1 ? image : Shrink(image, scale), scale, image.Width, image.Height);
    }

    /// <summary>Averages each <paramref name="factor"/> x <paramref name="factor"/> block into one pixel (a box filter: no aliasing of fine texture).</summary>
    private static Image Shrink(Image image, int factor)
    {
        var shrunk = new Image(image.Width / factor, image.Height / factor, PixelLayout.Rgb);
        var sums = new int[shrunk.Width * 3];
        for (var y = 0; y < shrunk.Height; y++)
        {
            Array.Clear(sums);
            for (var dy = 0; dy < factor; dy++)
            {
                var row = image.Row(y * factor + dy);
                for (var x = 0; x < shrunk.Width * factor; x++)
                {
                    for (var c = 0; c < 3; c++)
                    {
                        sums[x / factor * 3 + c] += row[x * 3 + c];
                    }
                }
            }
            var output = shrunk.Row(y);
            var area = factor * factor;
            for (var i = 0; i < output.Length; i++)
            {
                output[i] = (byte)((sums[i] + area / 2) / area);
            }
        }
        return shrunk;
    }

    /// <summary>The whole tiles that fit in the picture, the grid centred so the unused border is shared out.</summary>
    private static List<Tile> Tiles(int photo, Image picture, int size)
    {
        var (columns, rows) = (picture.Width / size, picture.Height / size);
        var (left, top) = ((picture.Width - columns * size) / 2, (picture.Height - rows * size) / 2);
        var tiles = new List<Tile>();
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                tiles.Add(new Tile(photo, left + column * size, top + row * size, size));
            }
        }
        return tiles;
    }

    private static void Shuffle(List<Tile> tiles, Random random)
    {
        for (var i = tiles.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (tiles[i], tiles[j]) = (tiles[j], tiles[i]);
        }
    }

    private readonly record struct Tile(int Photo, int X, int Y, int Size);

    /// <summary>Cuts crops out of tiles, paints defects and writes the files, recording every crop.</summary>
    private sealed class Cutter(string classFolder, IReadOnlyList<string> photos, List<PhotoSource> sources, List<Image> pictures, int cropSize)
    {
        public List<PhotoCrop> Crops { get; } = [];

        public void Normal(string folder, int count, List<Tile> tiles, Random random)
        {
            Directory.CreateDirectory(Path.Combine(classFolder, folder));
            for (var i = 0; i < count; i++)
            {
                var name = Path.Combine(folder, $"{i:D3}.png");
                var canvas = Cut(tiles, random, name, defect: null);
                ImageCodec.Save(canvas.ToImage().AsView(), Path.Combine(classFolder, name));
            }
        }

        public void Defective(string kind, int count, List<Tile> tiles, Random random)
        {
            var imageFolder = Path.Combine("test", kind);
            var maskFolder = Path.Combine(classFolder, "ground_truth", kind);
            Directory.CreateDirectory(Path.Combine(classFolder, imageFolder));
            Directory.CreateDirectory(maskFolder);
            for (var i = 0; i < count; i++)
            {
                var name = Path.Combine(imageFolder, $"{i:D3}.png");
                var canvas = Cut(tiles, random, name, kind);
                PhotoDefectPainter.Paint(canvas, kind, random);
                ImageCodec.Save(canvas.ToImage().AsView(), Path.Combine(classFolder, name));
                ImageCodec.Save(canvas.MaskImage().AsView(), Path.Combine(maskFolder, $"{i:D3}_mask.png"));
            }
        }

        private Canvas Cut(List<Tile> tiles, Random random, string name, string? defect)
        {
            var tile = tiles[random.Next(tiles.Count)];
            var x = tile.X + random.Next(tile.Size - cropSize + 1);
            var y = tile.Y + random.Next(tile.Size - cropSize + 1);
            Crops.Add(new PhotoCrop(name.Replace('\\', '/'), photos[tile.Photo], sources[tile.Photo].Scale, x, y, cropSize, defect));
            return Canvas.From(pictures[tile.Photo].AsView().Crop(new PixelRect(x, y, cropSize, cropSize)));
        }
    }
}
