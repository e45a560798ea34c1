namespace Edge.Agent.Interop;

using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class V4l2
    {
        /// <summary>struct v4l2_fmtdesc, one pixel format a device offers (VIDIOC_ENUM_FMT).</summary>
        [StructLayout(LayoutKind.Explicit, Size = 64)]
        internal unsafe struct v4l2_fmtdesc
        {
            [FieldOffset(0)] public uint index;
            [FieldOffset(4)] public uint type;
            [FieldOffset(8)] public uint flags;
            [FieldOffset(12)] public fixed byte description[32];
            [FieldOffset(44)] public uint pixelformat;
            [FieldOffset(48)] public uint mbus_code;
            [FieldOffset(52)] public fixed uint reserved[3];
        }
    }
}
