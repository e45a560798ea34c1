using Edge.Agent.Tests.Support;

namespace Edge.Agent.Tests.Pipeline;

/// <summary>The inference test classes share one trained bundle (training it takes seconds; once is enough).</summary>
[CollectionDefinition(Name)]
public sealed class TrainedBundleCollection : ICollectionFixture<TrainedBundle>
{
    public const string Name = "trained bundle";
}
