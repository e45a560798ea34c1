namespace Edge.Agent.Interop;

using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class V4l2
    {
        internal const uint V4L2_BUF_FLAG_ERROR = 0x00000040;
        internal const uint V4L2_BUF_FLAG_TIMESTAMP_MASK = 0x0000e000;
        internal const uint V4L2_BUF_FLAG_TIMESTAMP_MONOTONIC = 0x00002000;

        /// <summary>
        /// struct v4l2_buffer (VIDIOC_QUERYBUF, VIDIOC_QBUF, VIDIOC_DQBUF), 64-bit layout: timeval is
        /// 8-aligned (4 bytes of padding after field) and the union m holds an unsigned long.
        /// </summary>
        [StructLayout(LayoutKind.Explicit, Size = 88)]
        internal struct v4l2_buffer
        {
            [FieldOffset(0)] public uint index;
            [FieldOffset(4)] public uint type;
            [FieldOffset(8)] public uint bytesused;
            [FieldOffset(12)] public uint flags;
            [FieldOffset(16)] public uint field;
            [FieldOffset(24)] public timeval timestamp;
            [FieldOffset(40)] public v4l2_timecode timecode;
            [FieldOffset(56)] public uint sequence;
            [FieldOffset(60)] public uint memory;

            /// <summary>m.offset: for MMAP buffers, the offset to pass to mmap.</summary>
            [FieldOffset(64)] public uint m_offset;

            /// <summary>m.userptr, the widest member of the union m.</summary>
            [FieldOffset(64)] public nuint m_userptr;

            [FieldOffset(72)] public uint length;
            [FieldOffset(76)] public uint reserved2;
            [FieldOffset(80)] public int request_fd;
        }
    }
}
