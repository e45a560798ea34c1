using System.Threading.Channels;
using Edge.Agent.Cameras.Frames;

namespace Edge.Agent.Tests.Cameras.Frames;

public class FrameRingTests
{
    private static readonly FrameGeometry Tiny = new(4, 2, FramePixelFormat.Gray8);

    private static void PublishNumbered(FrameRing ring, long sequence)
    {
        var frame = ring.WritableFrame;
        frame.Prepare(Tiny);
        frame.Sequence = sequence;
        frame.Pixels.Fill((byte)sequence);
        ring.Publish();
    }

    [Fact]
    public void A_full_ring_drops_the_oldest_frames_and_counts_them()
    {
        var ring = new FrameRing(capacity: 3);
        for (var i = 0; i < 10; i++)
        {
            PublishNumbered(ring, i);
        }

        Assert.Equal(10, ring.Published);
        Assert.Equal(7, ring.Dropped);
        Assert.Equal(3, ring.Count);
        var read = new List<long>();
        while (ring.TryRead(out var frame))
        {
            read.Add(frame.Sequence);
            Assert.Equal((byte)frame.Sequence, frame.Pixels[0]);
        }
        Assert.Equal([7, 8, 9], read);
    }

    [Fact]
    public void The_frame_being_read_is_never_overwritten_until_the_next_read()
    {
        var ring = new FrameRing(capacity: 2);
        PublishNumbered(ring, 1);
        Assert.True(ring.TryRead(out var held));

        for (var i = 2; i < 50; i++)
        {
            PublishNumbered(ring, i);
        }

        Assert.Equal(1, held.Sequence);
        Assert.All(held.Pixels.ToArray(), b => Assert.Equal(1, b));
        Assert.True(ring.TryRead(out var next));
        Assert.Equal(48, next.Sequence);
    }

    [Fact]
    public void Steady_state_publishing_and_reading_allocates_nothing()
    {
        var ring = new FrameRing(capacity: 3, frameBytes: Tiny.FrameBytes);
        var frames = new HashSet<CameraFrame>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < 100; i++)
        {
            PublishNumbered(ring, i);
            if (i % 3 == 0 && ring.TryRead(out var frame))
            {
                frames.Add(frame);
            }
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            PublishNumbered(ring, i);
            if (i % 3 == 0)
            {
                ring.TryRead(out _);
            }
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(frames.Count <= ring.Capacity + 2, $"{frames.Count} distinct frames for a ring of {ring.Capacity}");
    }

    [Fact]
    public void After_reserving_frame_bytes_even_first_fills_allocate_nothing()
    {
        var ring = new FrameRing(capacity: 3);
        var geometry = new FrameGeometry(64, 48, FramePixelFormat.Rgb24);
        ring.ReserveFrameBytes(geometry.FrameBytes);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 5; i++)
        {
            ring.WritableFrame.Prepare(geometry);
            ring.Publish();
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(2, ring.Dropped);
    }

    [Fact]
    public async Task ReadAsync_waits_for_the_next_published_frame()
    {
        var ring = new FrameRing(capacity: 2);
        var read = ring.ReadAsync().AsTask();
        await Task.Delay(50);
        Assert.False(read.IsCompleted);

        PublishNumbered(ring, 42);

        var frame = await read.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(42, frame.Sequence);
        Assert.Equal(0, ring.Count);
    }

    [Fact]
    public async Task A_pending_read_is_cancelled_by_its_token_and_the_ring_stays_usable()
    {
        var ring = new FrameRing(capacity: 2);
        using var cancel = new CancellationTokenSource();
        var read = ring.ReadAsync(cancel.Token).AsTask();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(TimeSpan.FromSeconds(5)));
        PublishNumbered(ring, 7);
        var frame = await ring.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(7, frame.Sequence);
    }

    [Fact]
    public async Task Complete_ends_a_pending_read_and_later_ones_once_the_queue_is_empty()
    {
        var ring = new FrameRing(capacity: 2);
        var pending = ring.ReadAsync().AsTask();
        ring.Complete();
        await Assert.ThrowsAsync<ChannelClosedException>(() => pending.WaitAsync(TimeSpan.FromSeconds(5)));

        var other = new FrameRing(capacity: 2);
        PublishNumbered(other, 3);
        other.Complete();
        Assert.Equal(3, (await other.ReadAsync()).Sequence);
        await Assert.ThrowsAsync<ChannelClosedException>(() => other.ReadAsync().AsTask());
    }

    [Fact]
    public async Task A_concurrent_consumer_sees_increasing_sequences_and_every_frame_is_read_or_counted_as_dropped()
    {
        var ring = new FrameRing(capacity: 4);
        const int total = 200_000;
        var consumer = Task.Run(async () =>
        {
            long last = -1, read = 0;
            try
            {
                while (true)
                {
                    var frame = await ring.ReadAsync();
                    Assert.True(frame.Sequence > last, $"sequence {frame.Sequence} after {last}");
                    Assert.Equal((byte)frame.Sequence, frame.Pixels[^1]);
                    last = frame.Sequence;
                    read++;
                }
            }
            catch (ChannelClosedException)
            {
                return (read, last);
            }
        });

        for (var i = 0; i < total; i++)
        {
            PublishNumbered(ring, i);
        }
        ring.Complete();
        var (readCount, lastSequence) = await consumer.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(total - 1, lastSequence);
        Assert.Equal(total, readCount + ring.Dropped);
    }
}
