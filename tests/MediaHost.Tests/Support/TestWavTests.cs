namespace VoiceFunctions.MediaHost.Tests.Support;

public sealed class TestWavTests
{
    [Fact]
    public void A_written_tone_reads_back_with_its_rate_and_samples()
    {
        var path = Path.GetTempFileName();
        try
        {
            TestWav.WriteTone(path, hz: 1000, seconds: 0.5, rate: 8000);
            var (samples, rate) = TestWav.Read(path);

            Assert.Equal(8000, rate);
            Assert.Equal(4000, samples.Length);
            Assert.Equal((short)(8000 * Math.Sin(2 * Math.PI * 1000 * 3 / 8000)), samples[3]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_recording_whose_data_size_was_never_filled_in_is_read_to_its_end()
    {
        var path = Path.GetTempFileName();
        try
        {
            TestWav.Write(path, [1, 2, 3, 4], 16000);
            var bytes = File.ReadAllBytes(path);
            BitConverter.GetBytes(0).CopyTo(bytes, 40); // the data chunk's size, as an unfinished recorder leaves it
            File.WriteAllBytes(path, bytes);

            var (samples, rate) = TestWav.Read(path);

            Assert.Equal(16000, rate);
            Assert.Equal([1, 2, 3, 4], samples);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
