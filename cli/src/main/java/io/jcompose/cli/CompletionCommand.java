package io.jcompose.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose completion bash|zsh}: a completion script for every command and option, generated from the
 * command line's own model (so it cannot drift from it), plus service names read from the compose file. zsh uses
 * the same script through {@code bashcompinit}, which the script loads itself.
 */
@Command(name = "completion", description = {"Print a shell completion script.",
        "bash: source <(jcompose completion bash)   zsh: source <(jcompose completion zsh)",
        "./install.sh installs it for bash in /usr/share/bash-completion/completions/jcompose."})
final class CompletionCommand implements Callable<Integer> {
    enum Shell { bash, zsh }

    @Mixin
    HelpOption helpOption;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        String script = AutoComplete.bash("jcompose", spec.root().commandLine());
        spec.commandLine().getOut().print(ServiceCompletion.addTo(script, spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
