using VoiceFunctions.Shared.LiveKit.Webhooks;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Shared.Tests.LiveKit.Webhooks;

public sealed class WebhookBodyReaderTests
{
    [Fact]
    public async Task Body_within_the_limit_is_read_whole()
    {
        var bytes = new byte[40_000];
        Random.Shared.NextBytes(bytes);

        var body = await WebhookBodyReader.ReadAsync(new MemoryStream(bytes), null, bytes.Length, CancellationToken.None).DefaultTimeout();

        Assert.Equal(bytes, body);
    }

    [Fact]
    public async Task Body_longer_than_the_limit_is_refused_without_reading_it_all()
    {
        var stream = new CountingStream(new MemoryStream(new byte[10 * 1024 * 1024]));

        var body = await WebhookBodyReader.ReadAsync(stream, null, 64 * 1024, CancellationToken.None).DefaultTimeout();

        Assert.Null(body);
        Assert.True(stream.BytesRead < 200 * 1024, $"read {stream.BytesRead} bytes");
    }

    [Fact]
    public async Task Declared_content_length_over_the_limit_is_refused_before_reading()
    {
        var stream = new CountingStream(new MemoryStream(new byte[10]));

        var body = await WebhookBodyReader.ReadAsync(stream, 2_000_000, 1024 * 1024, CancellationToken.None).DefaultTimeout();

        Assert.Null(body);
        Assert.Equal(0, stream.BytesRead);
    }

    [Fact]
    public async Task Receiver_reads_verifies_and_parses_a_request_stream()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        var credentials = new VoiceFunctions.Shared.LiveKit.Auth.LiveKitCredentials("APIstream", TestJwt.NewSecret());
        var receiver = new WebhookReceiver(credentials, time, new WebhookReceiverOptions { MaxBodyBytes = 4096 });
        var body = WebhookSamples.Read("room_started");
        var authorization = new WebhookSigner(credentials, time).Sign(body);

        var accepted = await receiver.ReceiveAsync(new MemoryStream(body), body.Length, authorization, CancellationToken.None).DefaultTimeout();
        var tooLarge = await receiver.ReceiveAsync(new MemoryStream(new byte[8192]), null, authorization, CancellationToken.None).DefaultTimeout();

        Assert.True(accepted.IsValid, accepted.ToString());
        Assert.Equal("room_started", accepted.Event.Event);
        Assert.Equal(WebhookError.BodyTooLarge, tooLarge.Error);
        Assert.Equal(413, tooLarge.HttpStatus);
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            BytesRead += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
