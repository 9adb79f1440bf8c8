package privrec.trainer.model;

/**
 * Inverse of a symmetric positive definite matrix, written back into the array (row-major float, n × n) by Cholesky: A = LLᵀ, then
 * L⁻¹, then A⁻¹ = L⁻ᵀL⁻¹ (n³/2 multiply-adds, half of a Gauss–Jordan sweep that ignores symmetry, which measured
 * twice as slow). Plain float arrays because the exact-EASE baseline inverts a full catalog-sized matrix per
 * grid point and fold (up to {@link ExactEase#MAX_ITEMS} items: 1.6 GB per n² array; L⁻¹ takes a second one while this runs), where
 * row-major loops are several times faster than a generic matrix type. Dot products accumulate in double; the
 * result matches Tribuo's double Cholesky solve within 1e-4 of the largest entry (LowRankEaseTest).
 */
public final class SpdInverse {
    private SpdInverse() {
    }

    public static void invertInPlace(float[] a, int n) {
        if (a.length != (long) n * n) {
            throw new IllegalArgumentException("array of " + a.length + " is not " + n + " x " + n);
        }
        // Cholesky, lower triangle (row-major, inner loops over contiguous rows).
        for (int j = 0; j < n; j++) {
            int rowJ = j * n;
            double diag = a[rowJ + j];
            for (int p = 0; p < j; p++) {
                diag -= a[rowJ + p] * a[rowJ + p];
            }
            if (!(diag > 0)) {
                throw new IllegalArgumentException("matrix is not positive definite (pivot " + j + ")");
            }
            double ljj = Math.sqrt(diag);
            a[rowJ + j] = (float) ljj;
            for (int i = j + 1; i < n; i++) {
                int rowI = i * n;
                double sum = a[rowI + j];
                for (int p = 0; p < j; p++) {
                    sum -= a[rowI + p] * a[rowJ + p];
                }
                a[rowI + j] = (float) (sum / ljj);
            }
        }
        // L⁻¹ row by row: row_i = (e_i − Σ_{p<i} L_ip · row_p) / L_ii, contiguous row updates (axpy).
        float[] inv = new float[n * n];
        for (int i = 0; i < n; i++) {
            int rowI = i * n;
            inv[rowI + i] = 1;
            for (int p = 0; p < i; p++) {
                float lip = a[rowI + p];
                if (lip == 0) {
                    continue;
                }
                int rowP = p * n;
                for (int j = 0; j <= p; j++) {
                    inv[rowI + j] -= lip * inv[rowP + j];
                }
            }
            float lii = a[rowI + i];
            for (int j = 0; j <= i; j++) {
                inv[rowI + j] /= lii;
            }
        }
        // A⁻¹ = L⁻ᵀ L⁻¹: (A⁻¹)_ij = Σ_{p ≥ max(i,j)} Linv_pi Linv_pj.
        java.util.Arrays.fill(a, 0);
        for (int p = 0; p < n; p++) {
            int rowP = p * n;
            for (int i = 0; i <= p; i++) {
                float lpi = inv[rowP + i];
                if (lpi == 0) {
                    continue;
                }
                int rowI = i * n;
                for (int j = 0; j <= i; j++) {
                    a[rowI + j] += lpi * inv[rowP + j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                a[j * n + i] = a[i * n + j];
            }
        }
    }
}
