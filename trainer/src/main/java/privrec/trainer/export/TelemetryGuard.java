package privrec.trainer.export;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ONNX Runtime 1.29 starts its telemetry system when the native environment is created: it writes a persistent
 * device id and an event database under {@code ~/.cache/Microsoft/DeveloperTools/.onnxruntime/} before
 * {@code OrtEnvironment#setTelemetry(false)} can be called (checked: the files appear with setTelemetry(false)
 * alone, and do not with the variable set). Only the {@code ORT_DISABLE_TELEMETRY=1} environment variable
 * prevents it, and a JVM cannot change its own native environment, so the CLI re-launches itself with the
 * variable set when it is missing. {@link Ort#environment()} still calls setTelemetry(false) as a second line.
 */
public final class TelemetryGuard {
    public static final String VARIABLE = "ORT_DISABLE_TELEMETRY";

    private TelemetryGuard() {
    }

    public static boolean disabledByEnvironment() {
        return "1".equals(System.getenv(VARIABLE));
    }

    /** Runs this JVM's command again with the variable set; returns the child's exit code. */
    public static int relaunch(String mainClass, String[] args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(VARIABLE, "1");
        return builder.start().waitFor();
    }
}
