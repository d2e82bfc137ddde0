using VoiceFunctions.MediaHost.Quality;

namespace VoiceFunctions.MediaHost.Tests.Quality;

/// <summary>The reduced G.107 E-model against the values the recommendation and G.113 give.</summary>
public sealed class EModelTests
{
    [Fact]
    public void No_loss_and_no_delay_rates_93_2_which_is_MOS_4_41()
    {
        var r = EModel.Rating(lossPercent: 0, oneWayDelayMs: 0);

        Assert.Equal(93.2, r, 1);
        Assert.Equal(4.41, EModel.Mos(r), 2);
    }

    [Theory]
    [InlineData(1, 89.56)]  // Ie,eff = 95 · 1 / 26.1 = 3.64
    [InlineData(5, 77.42)]  // 95 · 5 / 30.1 = 15.78
    [InlineData(20, 51.07)] // 95 · 20 / 45.1 = 42.13
    public void Loss_impairment_follows_G107_with_G711s_packet_loss_robustness(double lossPercent, double expected)
    {
        Assert.Equal(expected, EModel.Rating(lossPercent, 0), 2);
    }

    [Fact]
    public void Delay_costs_little_below_177_ms_and_much_more_above()
    {
        var at150 = 93.2 - EModel.Rating(0, 150);
        var at300 = 93.2 - EModel.Rating(0, 300);

        Assert.Equal(3.6, at150, 1);                     // 0.024 · 150
        Assert.Equal(0.024 * 300 + 0.11 * 122.7, at300, 1); // the knee at 177.3 ms
    }

    [Theory]
    [InlineData(-5, 1.0)]
    [InlineData(0, 1.0)]
    [InlineData(50, 2.575)]
    [InlineData(80, 4.024)]
    [InlineData(100, 4.5)]
    public void MOS_maps_the_rating_by_G107_annex_B(double rating, double mos)
    {
        Assert.Equal(mos, EModel.Mos(rating), 3);
    }

    [Fact]
    public void Rating_stays_between_0_and_100_for_any_loss_or_delay()
    {
        Assert.Equal(0, EModel.Rating(100, 5000));
        Assert.InRange(EModel.Rating(-3, -10), 93.1, 93.3);
    }
}
