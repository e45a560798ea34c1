namespace Edge.Agent.Interop;

using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class V4l2
    {
        /// <summary>struct v4l2_timecode, part of struct v4l2_buffer.</summary>
        [StructLayout(LayoutKind.Explicit, Size = 16)]
        internal unsafe struct v4l2_timecode
        {
            [FieldOffset(0)] public uint type;
            [FieldOffset(4)] public uint flags;
            [FieldOffset(8)] public byte frames;
            [FieldOffset(9)] public byte seconds;
            [FieldOffset(10)] public byte minutes;
            [FieldOffset(11)] public byte hours;
            [FieldOffset(12)] public fixed byte userbits[4];
        }

        /// <summary>struct timeval on 64-bit Linux.</summary>
        [StructLayout(LayoutKind.Explicit, Size = 16)]
#pragma warning disable CS8981 // The C name, on purpose.
        internal struct timeval
#pragma warning restore CS8981
        {
            [FieldOffset(0)] public long tv_sec;
            [FieldOffset(8)] public long tv_usec;
        }
    }
}
