package privrec.trainer.export;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.VariableInfo;
import org.tribuo.impl.ArrayExample;
import org.tribuo.interop.onnx.DenseTransformer;
import org.tribuo.interop.onnx.ONNXExternalModel;
import org.tribuo.interop.onnx.RegressorTransformer;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDModel;
import privrec.core.Encoder;
import privrec.core.Profile;

/**
 * The profile part checked the Tribuo way: the Tribuo model is exported by Tribuo ({@code exportONNXModel}), loaded
 * back as a Tribuo {@link ONNXExternalModel} (tribuo-onnx, which runs it with ONNX Runtime Java), and must predict
 * what the in-memory Tribuo model predicts on real users' profiles, within {@link Verifier#TOLERANCE}. This is on top
 * of {@link Verifier}, which checks the whole served graph (collaborative + profile part) with a raw ONNX Runtime
 * session: ONNXExternalModel takes one input tensor, and the served graph has two.
 */
public final class TribuoOnnxCheck {
    private TribuoOnnxCheck() {
    }

    /** Largest |in-memory − ONNXExternalModel| over every output of {@code rows} profiles. */
    public static double maxAbsDiff(LinearSGDModel model, List<Profile> profiles, int rows, long seed)
            throws OrtException {
        return maxAbsDiff(model, model, profiles, rows, seed);
    }

    /** {@code inMemory}'s predictions against {@code exported}'s ONNX export run by tribuo-onnx (tests: a mismatch shows). */
    static double maxAbsDiff(LinearSGDModel inMemory, LinearSGDModel exported, List<Profile> profiles, int rows,
                             long seed) throws OrtException {
        Ort.environment(); // telemetry off before tribuo-onnx creates its session
        Path file;
        try {
            file = Files.createTempFile("privrec-profile-", ".onnx");
            Files.write(file, exported.exportONNXModel("privrec", 1).toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the profile model for the tribuo-onnx check", e);
        }
        try {
            // The external model owns the session options from here on and closes them with itself.
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            ONNXExternalModel<Regressor> external;
            try {
                external = ONNXExternalModel.createOnnxModel(new RegressionFactory(),
                        featureMapping(exported.getFeatureIDMap()), outputMapping(exported.getOutputIDInfo()),
                        new DenseTransformer(), new RegressorTransformer(), options, file, "input");
            } catch (OrtException | RuntimeException e) {
                options.close();
                throw e;
            }
            try {
                Random random = new Random(seed);
                String[] names = Encoder.PROFILE_FEATURES.toArray(new String[0]);
                double max = 0;
                for (int r = 0; r < rows; r++) {
                    Profile p = r == 0 || profiles.isEmpty() ? Profile.EMPTY
                            : profiles.get(random.nextInt(profiles.size()));
                    float[] onehot = Encoder.encodeProfile(p);
                    double[] values = new double[onehot.length];
                    for (int f = 0; f < values.length; f++) {
                        values[f] = onehot[f];
                    }
                    Example<Regressor> example = new ArrayExample<>(new Regressor("unknown", Double.NaN), names,
                            values);
                    double[] expected = inMemory.predict(example).getOutput().getValues();
                    double[] actual = external.predict(example).getOutput().getValues();
                    if (expected.length != actual.length) {
                        throw new IllegalStateException("tribuo-onnx returned " + actual.length + " outputs, expected "
                                + expected.length);
                    }
                    for (int i = 0; i < expected.length; i++) {
                        double diff = Math.abs(expected[i] - actual[i]);
                        max = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : Math.max(max, diff);
                    }
                }
                return max;
            } finally {
                external.close();
            }
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind holds only model weights
            }
        }
    }

    private static Map<String, Integer> featureMapping(ImmutableFeatureMap features) {
        Map<String, Integer> mapping = new HashMap<>();
        for (VariableInfo info : features) {
            mapping.put(info.getName(), features.getID(info.getName()));
        }
        return mapping;
    }

    private static Map<Regressor, Integer> outputMapping(ImmutableOutputInfo<Regressor> outputs) {
        Map<Regressor, Integer> mapping = new HashMap<>();
        for (var pair : outputs) {
            mapping.put(pair.getB(), pair.getA());
        }
        return mapping;
    }
}
