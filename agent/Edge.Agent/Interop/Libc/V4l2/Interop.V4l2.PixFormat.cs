namespace Edge.Agent.Interop;

using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class V4l2
    {
        internal const uint V4L2_FIELD_ANY = 0;

        /// <summary>v4l2_fourcc('Y','U','Y','V'): packed 4:2:2, Y0 U Y1 V.</summary>
        internal static readonly uint V4L2_PIX_FMT_YUYV = FourCc("YUYV");

        /// <summary>v4l2_fourcc('M','J','P','G'): one JPEG picture per buffer.</summary>
        internal static readonly uint V4L2_PIX_FMT_MJPEG = FourCc("MJPG");

        /// <summary>Port of v4l2_fourcc(a, b, c, d): the four characters, first in the low byte.</summary>
        internal static uint FourCc(string code) =>
            code.Length == 4 ? code[0] | ((uint)code[1] << 8) | ((uint)code[2] << 16) | ((uint)code[3] << 24)
                             : throw new ArgumentException($"A fourcc has four characters, not '{code}'.", nameof(code));

        /// <summary>The four characters of a fourcc code, for messages.</summary>
        internal static string FourCcText(uint code) => string.Create(4, code, static (chars, c) =>
        {
            for (var i = 0; i < 4; i++)
            {
                chars[i] = (char)((c >> (8 * i)) & 0xff);
            }
        });

        /// <summary>struct v4l2_pix_format, the single-planar image format.</summary>
        [StructLayout(LayoutKind.Explicit, Size = 48)]
        internal struct v4l2_pix_format
        {
            [FieldOffset(0)] public uint width;
            [FieldOffset(4)] public uint height;
            [FieldOffset(8)] public uint pixelformat;
            [FieldOffset(12)] public uint field;
            [FieldOffset(16)] public uint bytesperline;
            [FieldOffset(20)] public uint sizeimage;
            [FieldOffset(24)] public uint colorspace;
            [FieldOffset(28)] public uint priv;
            [FieldOffset(32)] public uint flags;
            [FieldOffset(36)] public uint ycbcr_enc;
            [FieldOffset(40)] public uint quantization;
            [FieldOffset(44)] public uint xfer_func;
        }
    }
}
