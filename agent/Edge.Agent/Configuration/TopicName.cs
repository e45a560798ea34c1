namespace Edge.Agent.Configuration;

/// <summary>Names that become one MQTT topic level (site, device, camera): no '/', '+', '#', no control characters.</summary>
internal static class TopicName
{
    public static string? Check(ConfigReader reader, string key)
    {
        var name = reader.String(key, required: true);
        if (name is null)
        {
            return null;
        }
        if (name.Any(c => c is '/' or '+' or '#' || char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            reader.Problem(key, "must be one MQTT topic level: no '/', '+', '#' or spaces");
            return null;
        }
        return name;
    }
}
