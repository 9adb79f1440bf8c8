package privrec.trainer.model;

import java.util.List;

/**
 * The users × items 0/1 matrix X of training positives, stored by rows. Only products with X and Xᵀ are offered,
 * which is all that randomized eigen-solvers need: G·M = Xᵀ(X·M) never forms the n × n Gram matrix G = XᵀX,
 * so memory stays O(nnz + n·l) even for a 60,000-movie catalog.
 */
public final class SparseBinaryMatrix {
    private final int[][] rows;
    private final int columns;

    public SparseBinaryMatrix(List<UserPositives> users, int columns) {
        this.rows = new int[users.size()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = users.get(r).columns();
        }
        this.columns = columns;
    }

    public int rowCount() {
        return rows.length;
    }

    public int columnCount() {
        return columns;
    }

    /** X·M for M = columns × width (row-major); result rows × width. */
    public double[] multiply(double[] m, int width) {
        double[] out = new double[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            int base = r * width;
            for (int c : rows[r]) {
                int src = c * width;
                for (int j = 0; j < width; j++) {
                    out[base + j] += m[src + j];
                }
            }
        }
        return out;
    }

    /** Xᵀ·Z for Z = rows × width (row-major); result columns × width. */
    public double[] transposeMultiply(double[] z, int width) {
        double[] out = new double[columns * width];
        for (int r = 0; r < rows.length; r++) {
            int src = r * width;
            for (int c : rows[r]) {
                int base = c * width;
                for (int j = 0; j < width; j++) {
                    out[base + j] += z[src + j];
                }
            }
        }
        return out;
    }

    /** diag(XᵀX): the positive count of each column. */
    public double[] gramDiagonal() {
        double[] diag = new double[columns];
        for (int[] row : rows) {
            for (int c : row) {
                diag[c] += 1;
            }
        }
        return diag;
    }

    /** The dense Gram matrix XᵀX (columns × columns, row-major). Only for small catalogs (exact EASE baseline). */
    public double[] denseGram() {
        double[] g = new double[columns * columns];
        for (int[] row : rows) {
            for (int a : row) {
                int base = a * columns;
                for (int b : row) {
                    g[base + b] += 1;
                }
            }
        }
        return g;
    }
}
