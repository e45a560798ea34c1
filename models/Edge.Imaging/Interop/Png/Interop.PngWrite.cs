using System.Runtime.InteropServices;
using Edge.Imaging.Png;

namespace Edge.Imaging;

internal static partial class Interop
{
    internal static partial class Png
    {
        /// <summary>With <paramref name="memory"/> null only measures: *memory_bytes receives the size needed.</summary>
        [LibraryImport(NativeLibraries.Png)]
        public static unsafe partial int png_image_write_to_memory(
            PngImageHandle image, void* memory, nuint* memory_bytes, int convert_to_8_bit, void* buffer, int row_stride, void* colormap);

        [LibraryImport(NativeLibraries.Png, StringMarshalling = StringMarshalling.Utf8)]
        public static unsafe partial int png_image_write_to_file(
            PngImageHandle image, string file, int convert_to_8bit, void* buffer, int row_stride, void* colormap);
    }
}
