using System.Runtime.InteropServices;
using Edge.Imaging.Png;

namespace Edge.Imaging;

internal static partial class Interop
{
    internal static partial class Png
    {
        /// <summary>Reads the header; libpng keeps <paramref name="memory"/> until finish_read or free, so it must stay pinned until then.</summary>
        [LibraryImport(NativeLibraries.Png)]
        public static unsafe partial int png_image_begin_read_from_memory(PngImageHandle image, byte* memory, nuint size);

        [LibraryImport(NativeLibraries.Png, StringMarshalling = StringMarshalling.Utf8)]
        public static partial int png_image_begin_read_from_file(PngImageHandle image, string file_name);

        /// <summary>row_stride is in components (bytes for 8-bit formats, uint16 for linear ones).</summary>
        [LibraryImport(NativeLibraries.Png)]
        public static unsafe partial int png_image_finish_read(PngImageHandle image, void* background, void* buffer, int row_stride, void* colormap);

        /// <summary>Frees image->opaque and sets it to NULL; the struct itself is ours.</summary>
        [LibraryImport(NativeLibraries.Png)]
        public static unsafe partial void png_image_free(png_image* image);
    }
}
