namespace Edge.Agent.Interop;

using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class V4l2
    {
        internal const uint V4L2_MEMORY_MMAP = 1;

        /// <summary>struct v4l2_requestbuffers (VIDIOC_REQBUFS).</summary>
        [StructLayout(LayoutKind.Explicit, Size = 20)]
        internal unsafe struct v4l2_requestbuffers
        {
            [FieldOffset(0)] public uint count;
            [FieldOffset(4)] public uint type;
            [FieldOffset(8)] public uint memory;
            [FieldOffset(12)] public uint capabilities;
            [FieldOffset(16)] public byte flags;
            [FieldOffset(17)] public fixed byte reserved[3];
        }
    }
}
