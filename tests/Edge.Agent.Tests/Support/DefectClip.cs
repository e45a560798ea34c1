using Edge.Testing;

namespace Edge.Agent.Tests.Support;

/// <summary>A real video for an ffmpeg camera: the trained bundle's normal scene, then its defective one, then normal again, losslessly encoded at 10 fps.</summary>
public static class DefectClip
{
    /// <summary>Writes the clip into the folder; frame i is defective for <paramref name="normalFrames"/> &lt;= i &lt; normal + <paramref name="defectFrames"/>.</summary>
    public static string Make(TempFolder folder, TrainedBundle bundle, int normalFrames, int defectFrames, string name = "clip")
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(bundle);
        var frames = folder.File(name + "-frames");
        Directory.CreateDirectory(frames);
        for (var i = 0; i < normalFrames + defectFrames + normalFrames; i++)
        {
            var defective = i >= normalFrames && i < normalFrames + defectFrames;
            File.Copy(defective ? bundle.DefectImage : bundle.NormalImage, Path.Combine(frames, $"{i:D3}.png"));
        }
        var clip = folder.File(name + ".mkv");
        ExternalTool.Run("ffmpeg", ["-v", "error", "-framerate", "10", "-i", Path.Combine(frames, "%03d.png"), "-c:v", "ffv1", clip]);
        return clip;
    }
}
