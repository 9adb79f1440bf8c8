package privrec.trainer.model;

import privrec.core.Encoder;

/**
 * The profile part of the model in catalog column order: {@code profile · W + b}, float32 as exported.
 *
 * @param w         profileWidth × n row-major
 * @param b         n biases
 * @param itemCount n
 */
public record ProfileWeights(float[] w, float[] b, int itemCount) {
    public ProfileWeights {
        if (w.length != Encoder.profileWidth() * itemCount || b.length != itemCount) {
            throw new IllegalArgumentException("profile weights do not match " + itemCount + " items");
        }
    }

    /**
     * W as int8 codes with one scale per item (column): {@code W'[f][j] = q[f][j] · c_j}, rounded to float32 like
     * the graph's Mul. The export quantizes Tribuo's weight tensor the same way, from the same float32 values.
     */
    public ProfileWeights quantized() {
        int n = itemCount;
        int width = Encoder.profileWidth();
        float[] out = new float[w.length];
        for (int j = 0; j < n; j++) {
            float max = 0f;
            for (int f = 0; f < width; f++) {
                max = Math.max(max, Math.abs(w[f * n + j]));
            }
            float c = Int8.scale(max);
            for (int f = 0; f < width; f++) {
                out[f * n + j] = Int8.code(w[f * n + j], c) * c;
            }
        }
        return new ProfileWeights(out, b, n);
    }

    /** The raw profile scores (before β) for one profile row. */
    float[] scores(float[] profile, int offset) {
        int n = itemCount;
        double[] sum = new double[n];
        for (int f = 0; f < Encoder.profileWidth(); f++) {
            float p = profile[offset + f];
            if (p != 0f) {
                int base = f * n;
                for (int j = 0; j < n; j++) {
                    sum[j] += p * w[base + j];
                }
            }
        }
        float[] out = new float[n];
        for (int j = 0; j < n; j++) {
            out[j] = (float) (sum[j] + b[j]);
        }
        return out;
    }
}
