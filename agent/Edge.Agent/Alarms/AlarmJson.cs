using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Edge.Detection;

namespace Edge.Agent.Alarms;

/// <summary>
/// The alarm message subscribers depend on: one JSON object with id, event, site, device, camera, time
/// (ISO 8601 UTC of the frame), score, threshold, modelVersion, box [x, y, w, h], snapshot, plus
/// peakScore and startTime, reason on an end the agent made itself, and the scores a person reads (normalizedScore, normalizedPeakScore: the score over the
/// threshold, 1.0 at the threshold, <see cref="NormalizedScore"/>). Keys are written explicitly so that a rename cannot slip in.
/// </summary>
public static class AlarmJson
{
    public static byte[] Serialize(AlarmEvent alarm, string site, string device)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", alarm.Id.ToString("D"));
            json.WriteString("event", EventName(alarm.Kind));
            json.WriteString("site", site);
            json.WriteString("device", device);
            json.WriteString("camera", alarm.Camera);
            json.WriteString("time", Iso8601(alarm.TimeUtc));
            json.WriteNumber("score", Math.Round(alarm.Score, 6));
            json.WriteNumber("threshold", Math.Round(alarm.Threshold, 6));
            json.WriteNumber("peakScore", Math.Round(alarm.PeakScore, 6));
            json.WriteNumber("normalizedScore", Math.Round(NormalizedScore.Of(alarm.Score, alarm.Threshold), 4));
            json.WriteNumber("normalizedPeakScore", Math.Round(NormalizedScore.Of(alarm.PeakScore, alarm.Threshold), 4));
            json.WriteString("startTime", Iso8601(alarm.StartedUtc));
            json.WriteString("modelVersion", alarm.ModelVersion);
            json.WriteStartArray("box");
            json.WriteNumberValue(alarm.Box.X);
            json.WriteNumberValue(alarm.Box.Y);
            json.WriteNumberValue(alarm.Box.Width);
            json.WriteNumberValue(alarm.Box.Height);
            json.WriteEndArray();
            if (alarm.Snapshot is null)
            {
                json.WriteNull("snapshot");
            }
            else
            {
                json.WriteString("snapshot", alarm.Snapshot);
            }
            if (alarm.Reason is not null)
            {
                json.WriteString("reason", alarm.Reason);
            }
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The <c>end</c> of the alarm whose latest message was <paramref name="lastMessage"/> (its start or last update, as
    /// the outbox kept it): the same alarm, <c>time</c> now, and the reason it was ended without a frame to end it.
    /// </summary>
    /// <exception cref="JsonException">The message is not an alarm object (an outbox written by something else).</exception>
    public static byte[] EndOf(ReadOnlySpan<byte> lastMessage, DateTime timeUtc, string reason)
    {
        if (System.Text.Json.Nodes.JsonNode.Parse(lastMessage) is not System.Text.Json.Nodes.JsonObject alarm)
        {
            throw new JsonException("an alarm message must be a JSON object");
        }
        alarm["event"] = EventName(AlarmEventKind.End);
        alarm["time"] = Iso8601(timeUtc);
        alarm["reason"] = reason;
        var buffer = new ArrayBufferWriter<byte>(lastMessage.Length + 64);
        using (var json = new Utf8JsonWriter(buffer))
        {
            alarm.WriteTo(json);
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static string EventName(AlarmEventKind kind) => kind switch
    {
        AlarmEventKind.Start => "start",
        AlarmEventKind.Update => "update",
        _ => "end",
    };

    /// <summary>UTC with milliseconds and a 'Z', e.g. <c>2025-03-01T08:15:02.120Z</c>.</summary>
    public static string Iso8601(DateTime utc) =>
        DateTime.SpecifyKind(utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : utc, DateTimeKind.Utc)
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
