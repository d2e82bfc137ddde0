using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VoiceFunctions.Functions.Api;
using VoiceFunctions.Functions.Webhooks;

namespace VoiceFunctions.Functions.Health;

/// <summary>
/// GET /api/health/alerts?limit=20: the last alerts the health checker sent, newest first (time, kind, severity,
/// checks, message, delivery result), behind the same key or token as the rest of the API.
/// </summary>
public sealed class AlertsApiFunctions(ApiAccessGuard guard, AlertLog alerts)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    [Function("HealthAlerts")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health/alerts")] HttpRequest request, CancellationToken ct)
    {
        if (guard.Check(request) is { } refused)
        {
            return refused;
        }
        var limit = DefaultLimit;
        var limitText = request.Query["limit"].ToString();
        if (limitText.Length > 0 && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            return HttpResponseResult.Text(StatusCodes.Status400BadRequest, $"limit must be a whole number from 1 to {MaxLimit}");
        }
        return HttpResponseResult.JsonBody(StatusCodes.Status200OK, new { alerts = await alerts.ListAsync(limit, ct).ConfigureAwait(false) });
    }
}
