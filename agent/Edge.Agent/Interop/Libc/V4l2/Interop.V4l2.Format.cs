namespace Edge.Agent.Interop;

using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class V4l2
    {
        internal const uint V4L2_BUF_TYPE_VIDEO_CAPTURE = 1;

        /// <summary>
        /// struct v4l2_format (VIDIOC_G_FMT, VIDIOC_S_FMT). Its union holds struct v4l2_window, which has
        /// pointers, so on 64-bit targets the union is 8-aligned: it starts at 8 and the struct is 208 bytes.
        /// </summary>
        [StructLayout(LayoutKind.Explicit, Size = 208)]
        internal struct v4l2_format
        {
            [FieldOffset(0)] public uint type;
            [FieldOffset(8)] public v4l2_pix_format pix;
        }
    }
}
