package org.hvsim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hvsim} command line. Exit codes: 0 ok, 1 internal error, 2 bad input. */
@Command(name = "hvsim", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Discrete-event performance simulator comparing hosted, monolithic and microkernel "
                + "hypervisors against bare metal.",
        subcommands = {RunCommand.class, ValidateCommand.class, ValidationCommand.class, ExplainCommand.class,
                CompareCommand.class, CapacityCommand.class, BenchCommand.class, MergeCommand.class, ProfileVmCommand.class,
                ListProfilesCommand.class, CompletionCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int BAD_INPUT = 2;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line without exiting, for tests. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /**
     * The configured command line; reusable for many executions (picocli resets options before each),
     * which saves building it again in tests that run thousands of commands.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof Refused refused) {
                return refused.exitCode;
            }
            commandLine.getErr().println("hvsim: internal error: " + ex);
            if (System.getenv("HVSIM_DEBUG") != null) {
                ex.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("(set HVSIM_DEBUG=1 for the stack trace, and please report it)");
            }
            return INTERNAL_ERROR;
        });
        return cl;
    }

    /** A command refused its input; what was wrong is already on stderr. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int exitCode;

        Refused(int exitCode) {
            super(null, null, false, false);
            this.exitCode = exitCode;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"hvsim " + (v == null ? "development build" : v)};
        }
    }
}
