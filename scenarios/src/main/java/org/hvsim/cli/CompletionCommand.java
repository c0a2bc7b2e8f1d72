package org.hvsim.cli;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints the shell completion script picocli generates from the command definitions. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a completion script for bash and zsh.",
                "Use: source <(./hvsim completion)   or save it under /etc/bash_completion.d/hvsim"})
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        System.out.print(AutoComplete.bash("hvsim", spec.root().commandLine()));
        System.out.flush();
        return Main.OK;
    }
}
