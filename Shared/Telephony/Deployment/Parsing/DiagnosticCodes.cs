namespace VoiceFunctions.Shared.Telephony.Deployment.Parsing;

/// <summary>Stable codes of the deployment-file checks; tests and users can refer to them. Never reuse one.</summary>
public static class DiagnosticCodes
{
    public const string YamlSyntax = "VC001";
    public const string UnknownKey = "VC002";
    public const string WrongType = "VC003";
    public const string MissingKey = "VC004";
    public const string MissingVariable = "VC005";
    public const string InlineSecret = "VC006";
    public const string InvalidAddress = "VC007";
    public const string InvalidNumber = "VC008";
    public const string DuplicateInboundNumber = "VC009";
    public const string NumberNotDispatched = "VC010";
    public const string RuleNeverMatches = "VC011";
    public const string RulesOverlap = "VC012";
    public const string OpenTrunkWithoutAuth = "VC013";
    public const string OutboundWithoutCredentials = "VC014";
    public const string InsecureWebhook = "VC015";
    public const string UnsupportedCodec = "VC016";
    public const string BridgeIgnoresKey = "VC017";
    public const string DuplicateName = "VC018";
    public const string InvalidValue = "VC019";
    public const string UnknownReference = "VC020";
    public const string NumberShownNormalised = "VC021";
    public const string VariableNotSet = "VC022";
    public const string ExactDispatchNumber = "VC023";
    public const string UnknownProvider = "VC024";
    public const string UnknownTool = "VC025";
    public const string EmptyPrompt = "VC026";
    public const string NumberHasTwoAgents = "VC027";
    public const string InvalidLanguage = "VC028";
    public const string UndeclaredPlaceholder = "VC029";
}
