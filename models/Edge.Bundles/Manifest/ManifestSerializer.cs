using System.Globalization;
using System.Text;
using System.Text.Json;
using Edge.Bundles.Json;
using Edge.Bundles.Validation;
using Edge.Bundles.Versioning;

namespace Edge.Bundles.Manifest;

/// <summary>
/// Reads and writes <c>manifest.json</c>. Reading checks in two stages and reports every problem of a stage
/// at once, each with its JSON path: first each value on its own (presence, type, range, unknown keys),
/// then, when that stage is clean, the rules that tie sections together (<see cref="ManifestRules"/>).
/// An unknown <c>formatVersion</c> stops reading at once: the rest may mean something else in that format.
/// </summary>
public static class ManifestSerializer
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    public static BundleManifest Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    /// <exception cref="BundleException">The manifest is not valid JSON or breaks a rule; lists every problem.</exception>
    public static BundleManifest Parse(ReadOnlySpan<byte> utf8Json)
    {
        var problems = new ProblemList();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), DocumentOptions);
        }
        catch (JsonException e)
        {
            problems.Add(JsonPaths.Root, $"is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}");
            problems.ThrowIfAny("The manifest is invalid");
            throw;
        }
        using (document)
        {
            var root = JsonObjectReader.ForObject(document.RootElement, JsonPaths.Root, problems);
            problems.ThrowIfAny("The manifest is invalid");
            var formatVersion = root!.Int("formatVersion");
            problems.ThrowIfAny("The manifest is invalid");
            if (formatVersion != BundleManifest.CurrentFormatVersion)
            {
                problems.Add(root.PathOf("formatVersion"), $"format version {formatVersion} is unknown; this code reads version {BundleManifest.CurrentFormatVersion}");
                problems.ThrowIfAny("The manifest is invalid");
            }
            var manifest = ReadRoot(root, formatVersion);
            root.ReportUnknownProperties();
            problems.ThrowIfAny("The manifest is invalid");
            ManifestRules.Check(manifest, problems);
            problems.ThrowIfAny("The manifest is invalid");
            return manifest;
        }
    }

    /// <summary>Checks a manifest built in code with the same rules as <see cref="Parse(ReadOnlySpan{byte})"/>.</summary>
    /// <exception cref="BundleException">Lists every problem.</exception>
    public static void Validate(BundleManifest manifest)
    {
        byte[] json;
        try
        {
            json = Serialize(manifest);
        }
        catch (ArgumentException e)
        {
            // Utf8JsonWriter refuses NaN and infinities, which JSON cannot carry.
            throw new BundleException("The manifest is invalid", [new BundleProblem(JsonPaths.Root, e.Message)]);
        }
        Parse(json);
    }

    /// <summary>Indented UTF-8 JSON with a final newline; map keys in ordinal order, so equal manifests give equal bytes.</summary>
    public static byte[] Serialize(BundleManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("formatVersion", manifest.FormatVersion);
            w.WriteString("modelVersion", manifest.ModelVersion.ToString());
            w.WriteString("createdUtc", manifest.CreatedUtc.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            w.WriteString("producer", manifest.Producer);
            w.WritePropertyName("input");
            manifest.Input.Write(w);
            w.WritePropertyName("architecture");
            manifest.Architecture.Write(w);
            w.WriteStartArray("classNames");
            foreach (var name in manifest.ClassNames)
            {
                w.WriteStringValue(name);
            }
            w.WriteEndArray();
            w.WritePropertyName("scoring");
            manifest.Scoring.Write(w);
            WriteOptional(w, "thresholds", manifest.Thresholds, (writer, t) => t.Write(writer));
            WriteOptional(w, "normalStatistics", manifest.NormalStatistics, (writer, s) => s.Write(writer));
            WriteOptional(w, "calibration", manifest.Calibration, (writer, c) => c.Write(writer));
            WriteOptional(w, "validation", manifest.Validation, (writer, v) => v.Write(writer));
            w.WritePropertyName("trainingData");
            manifest.TrainingData.Write(w);
            w.WriteMap("files", manifest.Files, (writer, entry) => entry.Write(writer));
            w.WritePropertyName("golden");
            manifest.Golden.Write(w);
            w.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static BundleManifest ReadRoot(JsonObjectReader r, int formatVersion) => new()
    {
        FormatVersion = formatVersion,
        ModelVersion = ReadVersion(r),
        CreatedUtc = ReadCreated(r),
        Producer = r.String("producer"),
        Input = r.Object("input", InputSpec.Read)!,
        Architecture = r.Object("architecture", ArchitectureSpec.Read)!,
        ClassNames = ReadClassNames(r),
        Scoring = r.Object("scoring", ScoringSpec.Read)!,
        Thresholds = r.Has("thresholds") ? r.Object("thresholds", ThresholdSet.Read) : null,
        NormalStatistics = r.Has("normalStatistics") ? r.Object("normalStatistics", NormalStatistics.Read) : null,
        Calibration = r.Has("calibration") ? r.Object("calibration", CalibrationData.Read) : null,
        Validation = r.Has("validation") ? r.Object("validation", ValidationMetrics.Read) : null,
        TrainingData = r.Object("trainingData", TrainingDataInfo.Read)!,
        Files = r.Map("files", (e, p) =>
            JsonObjectReader.ForObject(e, p, r.Problems) is { } entry ? FileEntry.Read(entry) : new FileEntry { Sha256 = "", Size = 0 }),
        Golden = r.Object("golden", GoldenSpec.Read)!,
    };

    private static SemanticVersion ReadVersion(JsonObjectReader r)
    {
        var text = r.String("modelVersion");
        if (SemanticVersion.TryParse(text, out var version, out var reason))
        {
            return version;
        }
        if (text.Length > 0)
        {
            r.Problems.Add(r.PathOf("modelVersion"), $"is not a semantic version: {reason}");
        }
        return SemanticVersion.Parse("0.0.0");
    }

    private static DateTimeOffset ReadCreated(JsonObjectReader r)
    {
        var text = r.String("createdUtc");
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var created)
            && created.Offset == TimeSpan.Zero && text.EndsWith('Z'))
        {
            return created;
        }
        if (text.Length > 0)
        {
            r.Problems.Add(r.PathOf("createdUtc"), $"must be an ISO 8601 UTC time ending in Z, found \"{text}\"");
        }
        return DateTimeOffset.UnixEpoch;
    }

    private static IReadOnlyList<string> ReadClassNames(JsonObjectReader r)
    {
        var names = r.Array("classNames", (e, p) => JsonObjectReader.ReadString(e, p, r.Problems), minCount: 1);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Length > 0 && !seen.Add(names[i]))
            {
                r.Problems.Add(JsonPaths.Index(r.PathOf("classNames"), i), $"\"{names[i]}\" appears more than once");
            }
        }
        return names;
    }

    private static void WriteOptional<T>(Utf8JsonWriter w, string name, T? value, Action<Utf8JsonWriter, T> write)
        where T : class
    {
        if (value is not null)
        {
            w.WritePropertyName(name);
            write(w, value);
        }
    }
}
