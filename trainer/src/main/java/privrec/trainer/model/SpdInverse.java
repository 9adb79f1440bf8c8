package privrec.trainer.model;

/**
 * In-place inverse of a symmetric positive definite matrix (row-major, n × n) by Cholesky: A = LLᵀ, then L⁻¹,
 * then A⁻¹ = L⁻ᵀL⁻¹ (about n³ flops). Plain double arrays because the exact-EASE baseline inverts a full
 * catalog-sized matrix per fold, where row-major loops are several times faster than a generic matrix type.
 */
public final class SpdInverse {
    private SpdInverse() {
    }

    public static void invertInPlace(double[] a, int n) {
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
            a[rowJ + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                int rowI = i * n;
                double sum = a[rowI + j];
                for (int p = 0; p < j; p++) {
                    sum -= a[rowI + p] * a[rowJ + p];
                }
                a[rowI + j] = sum / ljj;
            }
        }
        // L⁻¹ row by row: row_i = (e_i − Σ_{p<i} L_ip · row_p) / L_ii, contiguous row updates (axpy).
        double[] inv = new double[n * n];
        for (int i = 0; i < n; i++) {
            int rowI = i * n;
            inv[rowI + i] = 1;
            for (int p = 0; p < i; p++) {
                double lip = a[rowI + p];
                if (lip == 0) {
                    continue;
                }
                int rowP = p * n;
                for (int j = 0; j <= p; j++) {
                    inv[rowI + j] -= lip * inv[rowP + j];
                }
            }
            double lii = a[rowI + i];
            for (int j = 0; j <= i; j++) {
                inv[rowI + j] /= lii;
            }
        }
        // A⁻¹ = L⁻ᵀ L⁻¹: (A⁻¹)_ij = Σ_{p ≥ max(i,j)} Linv_pi Linv_pj.
        java.util.Arrays.fill(a, 0);
        for (int p = 0; p < n; p++) {
            int rowP = p * n;
            for (int i = 0; i <= p; i++) {
                double lpi = inv[rowP + i];
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
