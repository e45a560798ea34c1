using System.Text.Json;
using Edge.Testing;

namespace Edge.Agent.Tests.Support;

/// <summary>Reads alarm messages as a subscriber would.</summary>
public static class AlarmMessages
{
    /// <summary>
    /// "id event" of each alarm message, first arrival only: delivery is at least once (a message whose
    /// PUBACK was lost comes again) and subscribers de-duplicate by id and event.
    /// </summary>
    public static List<string> IdsAndEvents(IEnumerable<MosquittoMessage> messages) => messages
        .Select(m => JsonDocument.Parse(m.Payload).RootElement)
        .Select(j => $"{j.GetProperty("id").GetString()} {j.GetProperty("event").GetString()}")
        .Distinct()
        .ToList();
}
