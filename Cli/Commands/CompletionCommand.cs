using System.CommandLine;

namespace VoiceFunctions.Cli.Commands;

/// <summary>
/// `voicectl completion bash|zsh|fish|pwsh`: a script that makes the shell complete voicectl's commands, options
/// and values by asking voicectl itself through System.CommandLine's [suggest:POSITION] directive, so the
/// completions never drift from the command tree. Install: `source &lt;(voicectl completion bash)` in ~/.bashrc.
/// </summary>
public static class CompletionCommand
{
    public static readonly IReadOnlyList<string> Shells = ["bash", "zsh", "fish", "pwsh"];

    public static Command Create(CliContext context)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh, fish or pwsh." };
        shell.AcceptOnlyFromAmong([.. Shells]);
        var command = new Command("completion", "Print the shell completion script (bash: source <(voicectl completion bash)).") { shell };
        command.SetAction(parse =>
        {
            context.Terminal.Out.Write(Script(parse.GetValue(shell)!));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static string Script(string shell) => shell switch
    {
        "bash" => """
            # voicectl completion for bash: source <(voicectl completion bash)
            _voicectl_complete() {
                local IFS=$'\n'
                COMPREPLY=( $(compgen -W "$(voicectl "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}") )
            }
            complete -o default -F _voicectl_complete voicectl

            """,
        "zsh" => """
            # voicectl completion for zsh: source <(voicectl completion zsh)
            _voicectl_complete() {
                local -a completions
                completions=("${(@f)$(voicectl "[suggest:${#BUFFER}]" "${BUFFER}" 2>/dev/null)}")
                compadd -- "${completions[@]}"
            }
            compdef _voicectl_complete voicectl

            """,
        "fish" => """
            # voicectl completion for fish: voicectl completion fish | source
            complete -c voicectl -f -a '(set -l line (commandline -cp); voicectl "[suggest:"(string length -- $line)"]" "$line" 2>/dev/null)'

            """,
        _ => """
            # voicectl completion for PowerShell: voicectl completion pwsh | Out-String | Invoke-Expression
            Register-ArgumentCompleter -Native -CommandName voicectl -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                voicectl "[suggest:$cursorPosition]" "$commandAst" 2>$null | Where-Object { $_ -like "$wordToComplete*" } |
                    ForEach-Object { [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_) }
            }

            """,
    };
}
