package privrec.trainer;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import privrec.core.FormatException;
import privrec.trainer.cli.BadOptionException;
import privrec.trainer.cli.EvaluateCommand;
import privrec.trainer.cli.EvaluateUpdateCommand;
import privrec.trainer.cli.SimulateContributionsCommand;
import privrec.trainer.cli.GenerateCommand;
import privrec.trainer.cli.InspectCommand;
import privrec.trainer.cli.TrainCommand;
import privrec.trainer.cli.UpdateCommand;
import privrec.trainer.data.DataFormatException;
import privrec.trainer.export.TelemetryGuard;
import privrec.trainer.pipeline.VerificationFailedException;

/**
 * The trainer CLI. Exit codes: 0 success, 1 failure (verification, inspect mismatch, unexpected error),
 * 2 bad usage or bad input data, each reported as one line on stderr.
 */
@Command(name = "trainer", mixinStandardHelpOptions = true, version = "privrec trainer 1.0",
        description = "Trains the privacy-preserving movie recommender and exports it to ONNX for the browser.",
        subcommands = {TrainCommand.class, UpdateCommand.class, EvaluateCommand.class, EvaluateUpdateCommand.class,
                SimulateContributionsCommand.class, GenerateCommand.class, InspectCommand.class,
                CommandLine.HelpCommand.class})
public final class TrainerMain implements Runnable {
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required: train, evaluate, generate or inspect");
    }

    public static void main(String[] args) throws Exception {
        if (!TelemetryGuard.disabledByEnvironment()) {
            // ONNX Runtime writes a device id at environment creation unless this variable is set (see TelemetryGuard).
            System.exit(TelemetryGuard.relaunch(TrainerMain.class.getName(), args));
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams; returns the exit code (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new TrainerMain());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(parameterErrors());
        cli.setExecutionExceptionHandler(executionErrors());
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Bad flags: one line naming the problem and where to get help; exit 2. */
    public static IParameterExceptionHandler parameterErrors() {
        return (ParameterException e, String[] args) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println(cmd.getCommandName() + ": " + oneLine(e.getMessage())
                    + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
            return EXIT_USAGE;
        };
    }

    /** Known failures become one line; bad data and unusable files exit 2, other failures 1. */
    public static IExecutionExceptionHandler executionErrors() {
        return (Exception e, CommandLine cmd, ParseResult parsed) -> {
            PrintWriter err = cmd.getErr();
            if (e instanceof DataFormatException || e instanceof FormatException) {
                err.println(oneLine(e.getMessage()));
                return EXIT_USAGE;
            }
            if (e instanceof BadOptionException) {
                err.println(cmd.getCommandName() + ": " + oneLine(e.getMessage()));
                return EXIT_USAGE;
            }
            if (e instanceof IOException io) {
                err.println(describe(io));
                return EXIT_USAGE;
            }
            if (e instanceof VerificationFailedException) {
                err.println(oneLine(e.getMessage()));
                return EXIT_FAILURE;
            }
            err.println(cmd.getCommandName() + ": " + e.getClass().getSimpleName() + ": " + oneLine(String.valueOf(e.getMessage())));
            return EXIT_FAILURE;
        };
    }

    static String describe(IOException e) {
        if (e instanceof NoSuchFileException missing) {
            return missing.getFile() + ": " + (missing.getReason() != null ? missing.getReason() : "no such file or directory");
        }
        if (e instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + ": already exists (use --force to replace)";
        }
        return oneLine(String.valueOf(e.getMessage()));
    }

    private static String oneLine(String message) {
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
