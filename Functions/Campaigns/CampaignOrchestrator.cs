using Microsoft.DurableTask;
using VoiceFunctions.Shared.Campaigns;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>
/// A campaign: starts one <see cref="CampaignAttemptOrchestrator"/> per attempt (an orchestration of its own, see
/// <see cref="StartCampaignAttemptsActivity"/>) while fewer than the concurrency run,
/// no faster than the pacing (<see cref="CallPacing"/>) and only inside each callee's calling hours, each attempt
/// reporting back by an event; a retry waits in the state until it is due. Pause stops new starts, resume restarts
/// them, cancel marks every number not yet called as cancelled and ends once the running calls have. The history
/// stays small: the numbers are read from the table a batch at a time, and after <see cref="CampaignSettings.StepsPerGeneration"/>
/// steps the orchestration continues as new with its state (events not yet taken are kept for the next generation).
/// Attempts are not awaited, so a generation never waits for calls to drain. The output (and the
/// custom status while it runs) is a <see cref="CampaignSnapshot"/>.
/// </summary>
public sealed class CampaignOrchestrator : TaskOrchestrator<CampaignRunState, CampaignSnapshot>
{
    public const string AttemptEndedEvent = "AttemptEnded";
    public const string ControlEvent = "Control";
    public const int LoadBatch = 50;

    /// <summary>At most this many start decisions in one episode, so one episode stays short.</summary>
    private const int StartsPerEpisode = 100;

    private static readonly TaskOptions Retried = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(1), 2.0));

    public override async Task<CampaignSnapshot> RunAsync(TaskOrchestrationContext context, CampaignRunState state)
    {
        var steps = 0;
        Task<AttemptEnded>? ended = null;
        Task<string>? control = null;
        if (state.Generation == 0 && state.PacingNext == default)
        {
            state.PacingNext = context.CurrentUtcDateTime + CallPacing.Tolerance(state.Settings.CallsPerSecond);
        }
        while (true)
        {
            if (steps >= state.Settings.StepsPerGeneration)
            {
                // At the top of an episode's work, before anything new is scheduled, and only between waits: an event
                // already taken is applied, the ones not taken yet are kept for the next generation.
                state.Generation++;
                context.ContinueAsNew(state, preserveUnprocessedEvents: true);
                return new CampaignSnapshot(state.Status, state.Progress());
            }
            if (state.Status == CampaignStatus.Cancelling && (!state.AllLoaded || state.Waiting.Count > 0))
            {
                await CancelRemainingAsync(context, state);
            }
            if (state.Status == CampaignStatus.Running && state.Fresh.Count == 0 && state.NextIndex < state.Total && state.Waiting.Count < CampaignRunState.MaxWaiting)
            {
                var count = Math.Min(LoadBatch, state.Total - state.NextIndex);
                state.Fresh = await context.CallActivityAsync<List<CampaignWork>>(CampaignActivityNames.LoadCampaignWork,
                    new LoadWorkInput(state.CampaignId, state.NextIndex, count), Retried);
                state.NextIndex += count;
                steps++;
            }
            steps += await StartDueAttemptsAsync(context, state);
            if (state.Finished)
            {
                state.Status = state.Status == CampaignStatus.Cancelling ? CampaignStatus.Cancelled : CampaignStatus.Completed;
                var final = new CampaignSnapshot(state.Status, state.Progress());
                context.SetCustomStatus(final);
                return final;
            }
            context.SetCustomStatus(new CampaignSnapshot(state.Status, state.Progress()));

            ended ??= context.WaitForExternalEvent<AttemptEnded>(AttemptEndedEvent);
            control ??= context.WaitForExternalEvent<string>(ControlEvent);
            using var timerCancel = new CancellationTokenSource();
            var wake = NextWake(state);
            var timer = wake is { } at ? context.CreateTimer(at, timerCancel.Token) : null;
            await (timer is null ? Task.WhenAny(ended, control) : Task.WhenAny(ended, control, timer));
            if (timer is { IsCompleted: false })
            {
                timerCancel.Cancel();
            }
            if (ended.IsCompleted)
            {
                await TakeAsync(context, state, await ended);
                ended = null;
                steps++;
            }
            if (control.IsCompleted)
            {
                Apply(context, state, await control);
                control = null;
                steps++;
            }
        }
    }

    /// <summary>Starts every attempt the concurrency, pacing and calling hours allow now (one activity); returns how many steps that took.</summary>
    private static async Task<int> StartDueAttemptsAsync(TaskOrchestrationContext context, CampaignRunState state)
    {
        var now = context.CurrentUtcDateTime;
        var settings = state.Settings;
        var starts = new List<CampaignAttemptInput>();
        for (var i = 0; i < StartsPerEpisode && state.Status == CampaignStatus.Running && state.InFlight.Count < settings.Concurrency
             && now >= CallPacing.EarliestStart(state.PacingNext, settings.CallsPerSecond); i++)
        {
            if (TakeNext(state, now) is not { } work)
            {
                break;
            }
            var opens = CallingWindow.NextStart(now, TimeZoneInfo.FindSystemTimeZoneById(work.TimeZone), settings.HoursStart, settings.HoursEnd);
            if (opens > now)
            {
                state.Waiting.Add(work with { DueAt = opens });
                continue;
            }
            state.InFlight.Add(work.Index);
            state.Attempts++;
            state.PacingNext = CallPacing.AfterStart(state.PacingNext, now, settings.CallsPerSecond);
            starts.Add(new CampaignAttemptInput(state.CampaignId, context.InstanceId, work, settings));
        }
        if (starts.Count > 0)
        {
            await context.CallActivityAsync<int>(CampaignActivityNames.StartCampaignAttempts, starts, Retried);
        }
        return starts.Count;
    }

    /// <summary>The next number to call: a due retry or deferred number first, else the next fresh one; null when none is ready.</summary>
    private static CampaignWork? TakeNext(CampaignRunState state, DateTime now)
    {
        var due = state.Waiting.Where(w => w.DueAt <= now).OrderBy(w => w.DueAt).ThenBy(w => w.Index).FirstOrDefault();
        if (due is not null)
        {
            state.Waiting.Remove(due);
            return due;
        }
        if (state.Fresh.Count > 0 && state.Waiting.Count < CampaignRunState.MaxWaiting)
        {
            var next = state.Fresh[0];
            state.Fresh.RemoveAt(0);
            return next;
        }
        return null;
    }

    /// <summary>When to look again without an event: the pacing's next start or the first waiting number's due time.</summary>
    private static DateTime? NextWake(CampaignRunState state)
    {
        if (state.Status != CampaignStatus.Running || state.InFlight.Count >= state.Settings.Concurrency)
        {
            return null; // an event (an attempt ended, resume) is what changes that
        }
        DateTime? ready = state.Fresh.Count > 0 || state.NextIndex < state.Total ? DateTime.MinValue : null;
        if (state.Waiting.Count > 0)
        {
            var due = state.Waiting.Min(w => w.DueAt);
            ready = ready is { } r && r < due ? r : due;
        }
        if (ready is not { } when)
        {
            return null;
        }
        var paced = CallPacing.EarliestStart(state.PacingNext, state.Settings.CallsPerSecond);
        return when > paced ? when : paced;
    }

    private static async Task TakeAsync(TaskOrchestrationContext context, CampaignRunState state, AttemptEnded e)
    {
        if (!state.InFlight.Remove(e.Work.Index))
        {
            return; // a repeated event of an attempt already taken
        }
        if (e.RetryAt is not { } retryAt)
        {
            state.Done++;
            state.Outcomes[e.Outcome.ToString()] = state.Outcomes.GetValueOrDefault(e.Outcome.ToString()) + 1;
            return;
        }
        if (state.Status is CampaignStatus.Cancelling)
        {
            state.Cancelled += await context.CallActivityAsync<int>(CampaignActivityNames.CancelCampaignNumbers,
                new CancelNumbersInput(state.CampaignId, state.Total, state.Total, [e.Work.Index]), Retried);
            return;
        }
        state.Waiting.Add(e.Work with { Attempt = e.Work.Attempt + 1, DueAt = retryAt });
    }

    private static void Apply(TaskOrchestrationContext context, CampaignRunState state, string action)
    {
        switch (action)
        {
            case CampaignControl.Pause when state.Status == CampaignStatus.Running:
                state.Status = CampaignStatus.Paused;
                break;
            case CampaignControl.Resume when state.Status == CampaignStatus.Paused:
                state.Status = CampaignStatus.Running;
                // A paused campaign saved no calls up: the pacing starts afresh.
                state.PacingNext = context.CurrentUtcDateTime + CallPacing.Tolerance(state.Settings.CallsPerSecond);
                break;
            case CampaignControl.Cancel when state.Status is CampaignStatus.Running or CampaignStatus.Paused:
                state.Status = CampaignStatus.Cancelling;
                break;
        }
    }

    private static async Task CancelRemainingAsync(TaskOrchestrationContext context, CampaignRunState state)
    {
        var indexes = state.Fresh.Select(w => w.Index).Concat(state.Waiting.Select(w => w.Index)).ToList();
        state.Cancelled += await context.CallActivityAsync<int>(CampaignActivityNames.CancelCampaignNumbers,
            new CancelNumbersInput(state.CampaignId, state.NextIndex, state.Total, indexes), Retried);
        state.NextIndex = state.Total;
        state.Fresh = [];
        state.Waiting = [];
    }
}
