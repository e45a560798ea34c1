/* Prints the layouts and numbers the C# V4L2 interop declares, as the kernel headers define them.
   Compiled and run by V4l2LayoutTests; each line is "key value". Keys use the C# field names. */
#include <errno.h>
#include <fcntl.h>
#include <linux/videodev2.h>
#include <poll.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/mman.h>
#include <time.h>

#define SIZE(t) printf("sizeof(%s) %zu\n", #t, sizeof(struct t))
#define OFF(t, f) printf("offsetof(%s.%s) %zu\n", #t, #f, offsetof(struct t, f))
#define OFF_AS(t, name, member) printf("offsetof(%s.%s) %zu\n", #t, name, offsetof(struct t, member))
#define CONST(c) printf("%s %lld\n", #c, (long long)(c))

int main(void)
{
    SIZE(v4l2_capability);
    OFF(v4l2_capability, driver); OFF(v4l2_capability, card); OFF(v4l2_capability, bus_info);
    OFF(v4l2_capability, version); OFF(v4l2_capability, capabilities); OFF(v4l2_capability, device_caps);
    OFF(v4l2_capability, reserved);

    SIZE(v4l2_fmtdesc);
    OFF(v4l2_fmtdesc, index); OFF(v4l2_fmtdesc, type); OFF(v4l2_fmtdesc, flags); OFF(v4l2_fmtdesc, description);
    OFF(v4l2_fmtdesc, pixelformat); OFF(v4l2_fmtdesc, mbus_code); OFF(v4l2_fmtdesc, reserved);

    SIZE(v4l2_pix_format);
    OFF(v4l2_pix_format, width); OFF(v4l2_pix_format, height); OFF(v4l2_pix_format, pixelformat);
    OFF(v4l2_pix_format, field); OFF(v4l2_pix_format, bytesperline); OFF(v4l2_pix_format, sizeimage);
    OFF(v4l2_pix_format, colorspace); OFF(v4l2_pix_format, priv); OFF(v4l2_pix_format, flags);
    OFF(v4l2_pix_format, ycbcr_enc); OFF(v4l2_pix_format, quantization); OFF(v4l2_pix_format, xfer_func);

    SIZE(v4l2_format);
    OFF(v4l2_format, type); OFF_AS(v4l2_format, "pix", fmt.pix);

    SIZE(v4l2_requestbuffers);
    OFF(v4l2_requestbuffers, count); OFF(v4l2_requestbuffers, type); OFF(v4l2_requestbuffers, memory);
    OFF(v4l2_requestbuffers, capabilities); OFF(v4l2_requestbuffers, flags); OFF(v4l2_requestbuffers, reserved);

    SIZE(v4l2_timecode);
    OFF(v4l2_timecode, type); OFF(v4l2_timecode, flags); OFF(v4l2_timecode, frames); OFF(v4l2_timecode, seconds);
    OFF(v4l2_timecode, minutes); OFF(v4l2_timecode, hours); OFF(v4l2_timecode, userbits);

    SIZE(timeval);
    OFF(timeval, tv_sec); OFF(timeval, tv_usec);

    SIZE(v4l2_buffer);
    OFF(v4l2_buffer, index); OFF(v4l2_buffer, type); OFF(v4l2_buffer, bytesused); OFF(v4l2_buffer, flags);
    OFF(v4l2_buffer, field); OFF(v4l2_buffer, timestamp); OFF(v4l2_buffer, timecode); OFF(v4l2_buffer, sequence);
    OFF(v4l2_buffer, memory); OFF_AS(v4l2_buffer, "m_offset", m.offset); OFF_AS(v4l2_buffer, "m_userptr", m.userptr);
    OFF(v4l2_buffer, length); OFF(v4l2_buffer, reserved2); OFF(v4l2_buffer, request_fd);

    SIZE(v4l2_fract);
    OFF(v4l2_fract, numerator); OFF(v4l2_fract, denominator);

    SIZE(v4l2_captureparm);
    OFF(v4l2_captureparm, capability); OFF(v4l2_captureparm, capturemode); OFF(v4l2_captureparm, timeperframe);
    OFF(v4l2_captureparm, extendedmode); OFF(v4l2_captureparm, readbuffers); OFF(v4l2_captureparm, reserved);

    SIZE(v4l2_streamparm);
    OFF(v4l2_streamparm, type); OFF_AS(v4l2_streamparm, "capture", parm.capture);

    SIZE(pollfd);
    OFF(pollfd, fd); OFF(pollfd, events); OFF(pollfd, revents);

    SIZE(timespec);
    OFF(timespec, tv_sec); OFF(timespec, tv_nsec);

    CONST(VIDIOC_QUERYCAP); CONST(VIDIOC_ENUM_FMT); CONST(VIDIOC_G_FMT); CONST(VIDIOC_S_FMT);
    CONST(VIDIOC_REQBUFS); CONST(VIDIOC_QUERYBUF); CONST(VIDIOC_QBUF); CONST(VIDIOC_DQBUF);
    CONST(VIDIOC_STREAMON); CONST(VIDIOC_STREAMOFF); CONST(VIDIOC_G_PARM); CONST(VIDIOC_S_PARM);

    CONST(V4L2_CAP_VIDEO_CAPTURE); CONST(V4L2_CAP_STREAMING); CONST(V4L2_CAP_DEVICE_CAPS); CONST(V4L2_CAP_TIMEPERFRAME);
    CONST(V4L2_BUF_TYPE_VIDEO_CAPTURE); CONST(V4L2_MEMORY_MMAP); CONST(V4L2_FIELD_ANY);
    CONST(V4L2_BUF_FLAG_ERROR); CONST(V4L2_BUF_FLAG_TIMESTAMP_MASK); CONST(V4L2_BUF_FLAG_TIMESTAMP_MONOTONIC);
    CONST(V4L2_PIX_FMT_YUYV); CONST(V4L2_PIX_FMT_MJPEG);

    CONST(O_RDONLY); CONST(O_RDWR); CONST(O_NONBLOCK); CONST(O_CLOEXEC);
    CONST(PROT_READ); CONST(PROT_WRITE); CONST(MAP_SHARED);
    printf("MAP_FAILED %lld\n", (long long)(long)MAP_FAILED);
    CONST(POLLIN); CONST(POLLERR); CONST(POLLHUP); CONST(POLLNVAL);
    CONST(CLOCK_MONOTONIC);
    CONST(EINTR); CONST(EAGAIN); CONST(EINVAL);
    return 0;
}
