package privrec.trainer.model;

import privrec.core.Encoder;

/**
 * A Tribuo linear model's weights in output column order: {@code profile · W + b}, float32 as exported. The shipped
 * profile part has one column per leading basis coordinate ({@link HybridModel}); {@code itemCount} is the number
 * of columns.
 *
 * @param w         profileWidth × columns row-major
 * @param b         one bias per column
 * @param itemCount columns
 */
public record ProfileWeights(float[] w, float[] b, int itemCount) {
    public ProfileWeights {
        if (w.length != Encoder.profileWidth() * itemCount || b.length != itemCount) {
            throw new IllegalArgumentException("profile weights do not match " + itemCount + " items");
        }
    }

    /**
     * What ships: W as int8 codes with one float16 scale per column, {@code W'[f][j] = q[f][j] · c_j}
     * rounded to float32 like the graph's Mul ({@link Int8#columns}), and b as float16 ({@link Half}). The export
     * stores Tribuo's weight tensor the same way, from the same float32 values.
     */
    public ProfileWeights quantized() {
        return new ProfileWeights(Int8.columns(w, Encoder.profileWidth(), itemCount).dequantized(), Half.round(b),
                itemCount);
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
