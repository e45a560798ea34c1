namespace Edge.Agent.Cameras.Sources.V4l2;

/// <summary>The pixel format asked of a V4L2 device.</summary>
public enum V4l2InputFormat
{
    /// <summary>Packed YUV 4:2:2 (Y0 U Y1 V), converted here to RGB24 or GRAY8.</summary>
    Yuyv,

    /// <summary>Motion JPEG: one JPEG per frame, decoded here (USB cameras need it above 640×480 at full rate).</summary>
    Mjpeg,
}
