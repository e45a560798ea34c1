namespace Edge.Agent.Interop;

internal static partial class Interop
{
    internal static partial class V4l2
    {
        // Request numbers as linux/videodev2.h defines them, computed by the ported macros.
        internal static readonly nuint VIDIOC_QUERYCAP = IoctlRequest.Ior<v4l2_capability>('V', 0);
        internal static readonly nuint VIDIOC_ENUM_FMT = IoctlRequest.Iowr<v4l2_fmtdesc>('V', 2);
        internal static readonly nuint VIDIOC_G_FMT = IoctlRequest.Iowr<v4l2_format>('V', 4);
        internal static readonly nuint VIDIOC_S_FMT = IoctlRequest.Iowr<v4l2_format>('V', 5);
        internal static readonly nuint VIDIOC_REQBUFS = IoctlRequest.Iowr<v4l2_requestbuffers>('V', 8);
        internal static readonly nuint VIDIOC_QUERYBUF = IoctlRequest.Iowr<v4l2_buffer>('V', 9);
        internal static readonly nuint VIDIOC_QBUF = IoctlRequest.Iowr<v4l2_buffer>('V', 15);
        internal static readonly nuint VIDIOC_DQBUF = IoctlRequest.Iowr<v4l2_buffer>('V', 17);
        internal static readonly nuint VIDIOC_STREAMON = IoctlRequest.Iow<int>('V', 18);
        internal static readonly nuint VIDIOC_STREAMOFF = IoctlRequest.Iow<int>('V', 19);
        internal static readonly nuint VIDIOC_G_PARM = IoctlRequest.Iowr<v4l2_streamparm>('V', 21);
        internal static readonly nuint VIDIOC_S_PARM = IoctlRequest.Iowr<v4l2_streamparm>('V', 22);
    }
}
