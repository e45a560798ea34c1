using System.Runtime.CompilerServices;

// The camera tests check the kernel struct layouts against linux/videodev2.h and drive the V4L2 source
// through a simulated device; both need the internal interop types.
[assembly: InternalsVisibleTo("Edge.Agent.Tests")]
