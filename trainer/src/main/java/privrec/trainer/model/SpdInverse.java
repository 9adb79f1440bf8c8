package privrec.trainer.model;

import java.util.stream.IntStream;

/**
 * In-place inverse of a symmetric positive definite matrix (row-major float, n × n) by blocked Gauss–Jordan
 * elimination without pivoting (stable for SPD matrices: every pivot block is itself SPD). For a pivot block K and
 * the rest O, with M = A_KK⁻¹:
 * <pre>
 *   A_KK ← M,   A_KO ← M·A_KO,   A_OK ← −A_OK·M,   A_OO ← A_OO − A_OK·(M·A_KO)
 * </pre>
 * After all blocks the array holds A⁻¹. Why this shape: the exact-EASE baseline inverts catalog-sized matrices (up
 * to 20,000 items, {@link ExactEase#MAX_ITEMS}); one array of floats (1.6 GB at 20,000) is all the memory it needs,
 * and the O(n³) work is rank-{@link #BLOCK} updates of contiguous row tiles, which the JIT vectorizes and which stay
 * in cache. Rows are split over the available cores; every row is computed the same way whatever the split, so the
 * result is deterministic. The small pivot blocks are inverted in double.
 */
public final class SpdInverse {
    static final int BLOCK = 64;
    /** Columns per tile of a row update: BLOCK rows of this many floats (256 KB) stay in L2. */
    private static final int TILE = 1024;

    private SpdInverse() {
    }

    public static void invertInPlace(float[] a, int n) {
        if (a.length != (long) n * n) {
            throw new IllegalArgumentException("array of " + a.length + " is not " + n + " x " + n);
        }
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), n / 256));
        for (int k0 = 0; k0 < n; k0 += BLOCK) {
            int k1 = Math.min(n, k0 + BLOCK);
            int w = k1 - k0;
            double[] m = pivotInverse(a, n, k0, w);
            // Rows K become M·A_K· (with A_KK first set to I, the K columns come out as M itself).
            for (int r = 0; r < w; r++) {
                for (int c = 0; c < w; c++) {
                    a[(k0 + r) * n + k0 + c] = r == c ? 1f : 0f;
                }
            }
            float[] kRows = new float[w * n];
            for (int r = 0; r < w; r++) {
                int out = r * n;
                for (int s = 0; s < w; s++) {
                    float f = (float) m[r * w + s];
                    int src = (k0 + s) * n;
                    for (int c = 0; c < n; c++) {
                        kRows[out + c] += f * a[src + c];
                    }
                }
            }
            System.arraycopy(kRows, 0, a, k0 * n, w * n);
            int first = k0;
            IntStream.range(0, threads).parallel().forEach(t -> {
                int from = (int) ((long) n * t / threads);
                int to = (int) ((long) n * (t + 1) / threads);
                updateRows(a, n, first, w, kRows, from, to);
            });
        }
    }

    /** Rows i in [from, to) outside K: u = A_iK, A_iK ← 0, then A_i· −= u·kRows (so A_iK ends as −u·M). */
    private static void updateRows(float[] a, int n, int k0, int w, float[] kRows, int from, int to) {
        float[] u = new float[w];
        for (int i = from; i < to; i++) {
            if (i >= k0 && i < k0 + w) {
                continue;
            }
            int row = i * n;
            for (int s = 0; s < w; s++) {
                u[s] = a[row + k0 + s];
                a[row + k0 + s] = 0f;
            }
            for (int c0 = 0; c0 < n; c0 += TILE) {
                int c1 = Math.min(n, c0 + TILE);
                for (int s = 0; s < w; s++) {
                    float f = u[s];
                    if (f == 0f) {
                        continue;
                    }
                    int src = s * n;
                    for (int c = c0; c < c1; c++) {
                        a[row + c] -= f * kRows[src + c];
                    }
                }
            }
        }
    }

    /** The w × w pivot block A_KK inverted in double (Gauss–Jordan, no pivoting: the block is SPD). */
    private static double[] pivotInverse(float[] a, int n, int k0, int w) {
        double[] m = new double[w * w];
        for (int r = 0; r < w; r++) {
            for (int c = 0; c < w; c++) {
                m[r * w + c] = a[(k0 + r) * n + k0 + c];
            }
        }
        for (int k = 0; k < w; k++) {
            double pivot = m[k * w + k];
            if (!(pivot > 0)) {
                throw new IllegalArgumentException("matrix is not positive definite (pivot " + (k0 + k) + ")");
            }
            m[k * w + k] = 1;
            for (int c = 0; c < w; c++) {
                m[k * w + c] /= pivot;
            }
            for (int r = 0; r < w; r++) {
                if (r == k) {
                    continue;
                }
                double f = m[r * w + k];
                m[r * w + k] = 0;
                for (int c = 0; c < w; c++) {
                    m[r * w + c] -= f * m[k * w + c];
                }
            }
        }
        return m;
    }
}
