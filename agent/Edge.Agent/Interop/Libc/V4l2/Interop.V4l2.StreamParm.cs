namespace Edge.Agent.Interop;

using System.Runtime.InteropServices;

internal static partial class Interop
{
    internal static partial class V4l2
    {
        internal const uint V4L2_CAP_TIMEPERFRAME = 0x1000;

        /// <summary>struct v4l2_fract, a frame interval numerator/denominator in seconds.</summary>
        [StructLayout(LayoutKind.Explicit, Size = 8)]
        internal struct v4l2_fract
        {
            [FieldOffset(0)] public uint numerator;
            [FieldOffset(4)] public uint denominator;
        }

        /// <summary>struct v4l2_captureparm.</summary>
        [StructLayout(LayoutKind.Explicit, Size = 40)]
        internal unsafe struct v4l2_captureparm
        {
            [FieldOffset(0)] public uint capability;
            [FieldOffset(4)] public uint capturemode;
            [FieldOffset(8)] public v4l2_fract timeperframe;
            [FieldOffset(16)] public uint extendedmode;
            [FieldOffset(20)] public uint readbuffers;
            [FieldOffset(24)] public fixed uint reserved[4];
        }

        /// <summary>struct v4l2_streamparm (VIDIOC_G_PARM, VIDIOC_S_PARM); its union is 200 bytes of 4-aligned members.</summary>
        [StructLayout(LayoutKind.Explicit, Size = 204)]
        internal struct v4l2_streamparm
        {
            [FieldOffset(0)] public uint type;
            [FieldOffset(4)] public v4l2_captureparm capture;
        }
    }
}
