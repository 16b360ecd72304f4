package org.vae4j.cli;

import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vae4j} command: train variational autoencoders on CSV, ARFF or IDX data and use them to encode,
 * generate, evaluate, reconstruct and traverse; {@code demo} runs the whole story on Fashion-MNIST;
 * {@code np-train} and {@code np-predict} fit and use neural-process regressors; {@code synth-report} measures
 * synthetic rows against real ones.
 */
@Command(name = "vae4j", mixinStandardHelpOptions = true, versionProvider = Vae4j.Version.class,
        description = "Variational autoencoders for tabular and image data on the JVM.",
        subcommands = {TrainCommand.class, EncodeCommand.class, GenerateCommand.class, EvaluateCommand.class,
            ReconstructCommand.class, TraverseCommand.class, InfoCommand.class, DemoCommand.class, BenchCommand.class,
            NpTrainCommand.class, NpPredictCommand.class, SynthReportCommand.class})
public final class Vae4j implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        System.exit(commandLine().execute(args));
    }

    /** The command line, configured (errors reported as one line, enum values in any case). */
    public static CommandLine commandLine() {
        return configure(new CommandLine(new Vae4j()));
    }

    /**
     * A command line set up as vae4j's: every failure of a command, errors such as running out of memory
     * included, goes to the {@link ErrorHandler}; enum values in any case; no empty file names.
     */
    static CommandLine configure(CommandLine commandLine) {
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        return commandLine
                .setExecutionStrategy(parsed -> {
                    try {
                        return run.execute(parsed);
                    } catch (Error e) {
                        List<CommandLine> commands = parsed.asCommandLineList();
                        throw new CommandLine.ExecutionException(commands.get(commands.size() - 1), e.toString(), e);
                    }
                })
                .setExecutionExceptionHandler(new ErrorHandler())
                .setParameterExceptionHandler(Vae4j::optionError)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .registerConverter(Path.class, Vae4j::path);
    }

    /**
     * A command line that cannot be parsed (unknown, missing or malformed options): one line naming the
     * problem and where the options are listed, exit code {@value ErrorHandler#USER_ERROR}; no usage dump.
     */
    private static int optionError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        command.getErr().println(name + ": error: " + e.getMessage() + " (" + name + " --help lists the options)");
        command.getErr().flush();
        return ErrorHandler.USER_ERROR;
    }

    /** A file name given on the command line; an empty one (such as an unset shell variable) is refused. */
    private static Path path(String text) {
        if (text.isEmpty()) {
            throw new CommandLine.TypeConversionException("an empty file name");
        }
        return Path.of(text);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Vae4j.class.getPackage().getImplementationVersion();
            return new String[] {"vae4j " + (version == null ? "(development build)" : version)};
        }
    }
}
