namespace VoiceFunctions.MediaHost.Quality;

/// <summary>
/// A reduced ITU-T G.107 E-model: the transmission rating R of one direction of a call from its packet loss and its
/// one-way delay, and the MOS that R predicts. Everything not measured takes G.107's default (Ro - Is = 93.2, no
/// echo, advantage factor 0), so R depends only on:
/// <list type="bullet">
/// <item>Ie,eff = Ie + (95 - Ie) · Ppl / (Ppl / BurstR + Bpl) — loss impairment (G.107 7-29); BurstR = 1 (random loss).
/// Ie and Bpl per codec from G.113 Appendix I: G.711 with packet-loss concealment Ie 0, Bpl 25.1. G.722 and Opus are
/// scored on the same narrowband scale with G.711's values (our decoders conceal the same way: repeat and fade);
/// the narrowband scale tops out at MOS 4.4, so it understates a wideband call and never overstates one.</item>
/// <item>Id — delay impairment, in the common simplification of G.107's Idd for a one-way delay d in ms
/// (Cole and Rosenbluth, "Voice over IP performance monitoring", 2001): Id = 0.024 d + 0.11 (d - 177.3) H(d - 177.3).</item>
/// </list>
/// MOS = 1 + 0.035 R + 7·10⁻⁶ R (R - 60) (100 - R) for 0 &lt; R &lt; 100 (G.107 annex B).
/// </summary>
public static class EModel
{
    /// <summary>Ro - Is with G.107's default values.</summary>
    public const double BasicRating = 93.2;

    /// <summary>G.113 Appendix I packet-loss robustness of G.711 with concealment (random loss).</summary>
    public const double G711Bpl = 25.1;

    /// <summary>The rating for a loss of <paramref name="lossPercent"/> (0-100) and a one-way delay of <paramref name="oneWayDelayMs"/>.</summary>
    public static double Rating(double lossPercent, double oneWayDelayMs, double ie = 0, double bpl = G711Bpl)
    {
        var ppl = Math.Clamp(lossPercent, 0, 100);
        var ieEff = ie + (95 - ie) * ppl / (ppl + bpl);
        var d = Math.Max(0, oneWayDelayMs);
        var id = 0.024 * d + (d > 177.3 ? 0.11 * (d - 177.3) : 0);
        return Math.Clamp(BasicRating - id - ieEff, 0, 100);
    }

    /// <summary>The MOS a rating predicts (1 to 4.5).</summary>
    public static double Mos(double rating) => rating switch
    {
        <= 0 => 1,
        >= 100 => 4.5,
        _ => 1 + 0.035 * rating + 7e-6 * rating * (rating - 60) * (100 - rating),
    };
}
