package privrec.client.model;

import java.util.List;
import privrec.core.FormatException;
import privrec.core.Manifest;
import privrec.core.Manifest.TensorSpec;

/** Checks the manifest's tensor names and shapes against what {@link SessionScorer} feeds and reads. */
final class ManifestShapes {
    private ManifestShapes() {
    }

    static void check(Manifest manifest, int profileWidth) {
        expect(manifest.inputs(), Manifest.HISTORY_INPUT, manifest.itemCount(), "input");
        expect(manifest.inputs(), Manifest.PROFILE_INPUT, profileWidth, "input");
        expect(manifest.outputs(), Manifest.SCORES_OUTPUT, manifest.itemCount(), "output");
    }

    private static void expect(List<TensorSpec> tensors, String name, int width, String role) {
        for (TensorSpec tensor : tensors) {
            if (tensor.name().equals(name)) {
                int[] shape = tensor.shape();
                // -1 (or any dynamic value) is the batch dimension; only the width is fixed.
                if (shape.length != 2 || shape[1] != width) {
                    throw new FormatException(role + " \"" + name + "\" has shape " + java.util.Arrays.toString(shape)
                            + ", expected [batch, " + width + "]");
                }
                return;
            }
        }
        throw new FormatException("model has no " + role + " named \"" + name + "\"");
    }
}
