namespace VoiceFunctions.MediaHost.Agent;

/// <summary>The phrases of one call, in its language: configured text where given, the built-in text otherwise.</summary>
public sealed record AgentPhrases(string Greeting, string Fallback, string Reprompt, string Goodbye, string Transferring, string TransferUnavailable, string NotUnderstood, string TimeUp, string SystemPrompt)
{
    /// <param name="keypadMenu">Said as the greeting when none is configured (the offline agent in a language no
    /// recogniser hears: callers choose by key).</param>
    public static AgentPhrases For(string language, AgentPhrasesOptions configured, string systemPrompt, string? keypadMenu = null)
    {
        var ru = language.StartsWith("ru", StringComparison.OrdinalIgnoreCase);
        static string Pick(string configured, string builtIn) => string.IsNullOrWhiteSpace(configured) ? builtIn : configured;
        return new AgentPhrases(
            Pick(configured.Greeting, keypadMenu ?? (ru ? "Здравствуйте! Чем могу помочь?" : "Hello! How can I help you?")),
            Pick(configured.Fallback, ru ? "Извините, у меня техническая заминка. Повторите, пожалуйста." : "Sorry, I had a technical problem. Could you say that again?"),
            Pick(configured.Reprompt, ru ? "Вы меня слышите? Чем могу помочь?" : "Are you still there? How can I help?"),
            Pick(configured.Goodbye, ru ? "Не слышу вас. До свидания!" : "I can't hear you. Goodbye!"),
            Pick(configured.Transferring, ru ? "Соединяю с оператором." : "Connecting you to an operator."),
            Pick(configured.TransferUnavailable, ru ? "К сожалению, сейчас не могу соединить с оператором." : "Sorry, I can't connect you to an operator right now."),
            Pick(configured.NotUnderstood, ru ? "Извините, не расслышал. Повторите, пожалуйста." : "Sorry, I didn't catch that. Could you repeat?"),
            Pick(configured.TimeUp, ru ? "Извините, время разговора истекло. До свидания!" : "Sorry, this call has reached its time limit. Goodbye!"),
            Pick(systemPrompt, ru
                ? "Ты вежливый голосовой помощник на телефонной линии. Отвечай кратко, одним-двумя предложениями, по-русски. Если просят человека, вызови transfer_to_human; когда разговор окончен, вызови end_call."
                : "You are a polite voice assistant on a phone line. Answer briefly, in one or two sentences. If the caller asks for a person, call transfer_to_human; when the conversation is over, call end_call."));
    }
}
