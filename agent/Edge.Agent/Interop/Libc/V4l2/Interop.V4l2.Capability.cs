namespace Edge.Agent.Interop;

using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class V4l2
    {
        internal const uint V4L2_CAP_VIDEO_CAPTURE = 0x00000001;
        internal const uint V4L2_CAP_STREAMING = 0x04000000;
        internal const uint V4L2_CAP_DEVICE_CAPS = 0x80000000;

        /// <summary>struct v4l2_capability (linux/videodev2.h), filled by VIDIOC_QUERYCAP.</summary>
        [StructLayout(LayoutKind.Explicit, Size = 104)]
        internal unsafe struct v4l2_capability
        {
            [FieldOffset(0)] public fixed byte driver[16];
            [FieldOffset(16)] public fixed byte card[32];
            [FieldOffset(48)] public fixed byte bus_info[32];
            [FieldOffset(80)] public uint version;
            [FieldOffset(84)] public uint capabilities;
            [FieldOffset(88)] public uint device_caps;
            [FieldOffset(92)] public fixed uint reserved[3];
        }
    }
}
