using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using Edge.Agent.Interop;
using Native = Edge.Agent.Interop.Interop;
using Edge.Agent.Tests.Cameras.Support;
using Edge.Testing;

namespace Edge.Agent.Tests.Cameras.V4l2;

public class V4l2LayoutTests
{
    /// <summary>Compiles and runs v4l2_layout.c, which prints what the kernel headers define.</summary>
    private static Dictionary<string, long> FromKernelHeaders()
    {
        CameraTools.Require("cc", "A C compiler is missing: apt-get install gcc (the V4L2 layout check compiles a small program against linux/videodev2.h).");
        using var folder = new TempFolder();
        var program = folder.File("v4l2_layout");
        var source = CameraTools.SourceFile("tests/Edge.Agent.Tests/Cameras/V4l2/v4l2_layout.c");
        CameraTools.Run("cc", "-Wall", "-Werror", "-o", program, source);
        var output = System.Text.Encoding.ASCII.GetString(CameraTools.Run(program));
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .ToDictionary(parts => parts[0], parts => long.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <summary>Every struct size, field offset and integer constant the C# interop declares.</summary>
    private static Dictionary<string, long> FromInterop()
    {
        var declared = new Dictionary<string, long>();
        Type[] holders = [typeof(Native.V4l2), typeof(Native.Libc), typeof(Native.Libc.Errno)];
        foreach (var holder in holders)
        {
            foreach (var type in holder.GetNestedTypes(BindingFlags.NonPublic | BindingFlags.Public).Where(t => t.IsValueType))
            {
                declared[$"sizeof({type.Name})"] = Marshal.SizeOf(type);
                foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public))
                {
                    declared[$"offsetof({type.Name}.{field.Name})"] = Marshal.OffsetOf(type, field.Name);
                }
            }
            foreach (var field in holder.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public))
            {
                declared[field.Name] = field.GetValue(null) switch
                {
                    uint u => u,
                    int i => i,
                    short s => s,
                    nuint n => (long)(ulong)n,
                    nint n => n,
                    var other => throw new InvalidOperationException($"{field.Name} has an unexpected type {other?.GetType()}"),
                };
            }
        }
        return declared;
    }

    [Fact]
    public void Struct_layouts_ioctl_numbers_and_constants_match_the_kernel_headers()
    {
        var kernel = FromKernelHeaders();
        var ours = FromInterop();

        // Both lists must name the same things: a declaration the C program does not check fails too.
        Assert.Equal(kernel.Keys.Order(StringComparer.Ordinal), ours.Keys.Order(StringComparer.Ordinal));
        var mismatches = kernel.Where(k => ours[k.Key] != k.Value).Select(k => $"{k.Key}: kernel {k.Value}, ours {ours[k.Key]}").ToList();
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.Equal(88, kernel["sizeof(v4l2_buffer)"]);
    }

    [Fact]
    public void The_ported_ioctl_macros_encode_direction_size_type_and_number()
    {
        // _IOWR('V', 5, 208 bytes): read|write (3) << 30 | 208 << 16 | 'V' (0x56) << 8 | 5.
        Assert.Equal((nuint)((3u << 30) | (208u << 16) | (0x56u << 8) | 5), Native.V4l2.VIDIOC_S_FMT);
        Assert.Equal((nuint)((1u << 30) | (4u << 16) | (0x56u << 8) | 18), Native.V4l2.VIDIOC_STREAMON);
        Assert.Equal((nuint)0x5601, IoctlRequest.Io('V', 1));
    }
}
