namespace Edge.Agent.Cameras.Sources.V4l2;

/// <summary>What VIDIOC_QUERYCAP says about a device.</summary>
/// <param name="Driver">Driver name, e.g. <c>uvcvideo</c>.</param>
/// <param name="Card">Device name, e.g. the camera's model.</param>
/// <param name="BusInfo">Where it is attached, e.g. <c>usb-0000:00:14.0-1</c>.</param>
/// <param name="Capabilities">The device's capability bits (device_caps when the driver fills it).</param>
internal readonly record struct V4l2DeviceInfo(string Driver, string Card, string BusInfo, uint Capabilities);
