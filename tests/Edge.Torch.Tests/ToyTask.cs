using Edge.Torch;

namespace Edge.Torch.Tests;

/// <summary>
/// A toy image task: 16x16 noisy images holding a short horizontal bar (class 0) or a vertical one (class 1)
/// at a random place. Batch <c>n</c> is a pure function of its index, so runs and resumed runs see the same data.
/// </summary>
internal static class ToyTask
{
    public const int Size = 16;

    public static (Tensor Images, Tensor Labels) Batch(int index, int count = 16)
    {
        var random = new Random(10_000 + index);
        var pixels = new float[count * Size * Size];
        var labels = new long[count];
        for (var n = 0; n < count; n++)
        {
            labels[n] = random.Next(2);
            var row = random.Next(2, Size - 8);
            var column = random.Next(2, Size - 8);
            for (var k = 0; k < 6; k++)
            {
                var (r, c) = labels[n] == 0 ? (row, column + k) : (row + k, column);
                pixels[n * Size * Size + r * Size + c] = 1f;
            }
            for (var i = 0; i < Size * Size; i++)
            {
                pixels[n * Size * Size + i] += (float)(random.NextDouble() * 0.3 - 0.15);
            }
        }
        return (Tensor.FromArray(pixels, [count, 1, Size, Size]), Tensor.FromArray(labels, [count]));
    }
}
