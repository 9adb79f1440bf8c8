package privrec.trainer.model;

import java.util.List;

import privrec.core.Encoder;

/**
 * A users × items matrix X stored by rows: either the 0/1 matrix of training positives ({@link #positives}, the
 * protocol's exact EASE baseline) or the graded matrix of every rating at its {@link Encoder#historyWeight}
 * ({@link #historyWeighted}, the model's collaborative part, the same weights the browser's history row carries).
 * Only products with X and Xᵀ are offered, which is all that randomized eigen-solvers need: G·M = Xᵀ(X·M) never
 * forms the n × n Gram matrix G = XᵀX, so memory stays O(nnz + n·l) even for a 60,000-movie catalog.
 */
public final class SparseRowMatrix implements GramOperator {
    private final int[][] rows;
    /** Values per row, parallel to {@link #rows}; null for a 0/1 matrix. */
    private final float[][] values;
    private final int columns;

    private SparseRowMatrix(int[][] rows, float[][] values, int columns) {
        this.rows = rows;
        this.values = values;
        this.columns = columns;
    }

    /** The 0/1 matrix of the users' positives. */
    public static SparseRowMatrix positives(List<UserPositives> users, int columns) {
        int[][] rows = new int[users.size()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = users.get(r).columns();
        }
        return new SparseRowMatrix(rows, null, columns);
    }

    /** Every rating of the users at its history weight (ratings weighing 0 are left out). */
    public static SparseRowMatrix historyWeighted(List<UserPositives> users, int columns) {
        return historyWeighted(users, columns, 1f);
    }

    /**
     * Every rating of the users at its history weight raised to {@code power} (ratings weighing 0 are left out);
     * the model applies the same power to the browser's history row ({@link CollaborativeFactors#inputPower}).
     */
    public static SparseRowMatrix historyWeighted(List<UserPositives> users, int columns, float power) {
        int[][] rows = new int[users.size()][];
        float[][] values = new float[users.size()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = users.get(r).weightedColumns();
            float[] weights = users.get(r).weights();
            values[r] = new float[weights.length];
            for (int k = 0; k < weights.length; k++) {
                values[r][k] = power == 1f ? weights[k] : (float) Math.pow(weights[k], power);
            }
        }
        return new SparseRowMatrix(rows, values, columns);
    }

    public int rowCount() {
        return rows.length;
    }

    @Override
    public int columnCount() {
        return columns;
    }

    @Override
    public double[] gramTimes(double[] q, int width) {
        return transposeMultiply(multiply(q, width), width);
    }

    /** (XQ)ᵀ(XQ), accumulated row by row over Z = XQ. */
    @Override
    public double[][] ritz(double[] q, int width) {
        double[] z = multiply(q, width);
        double[][] t = new double[width][width];
        for (int r = 0; r < rows.length; r++) {
            int base = r * width;
            for (int a = 0; a < width; a++) {
                double za = z[base + a];
                if (za == 0) {
                    continue;
                }
                double[] row = t[a];
                for (int b = 0; b < width; b++) {
                    row[b] += za * z[base + b];
                }
            }
        }
        return t;
    }

    private float value(int r, int k) {
        return values == null ? 1f : values[r][k];
    }

    /** X·M for M = columns × width (row-major); result rows × width. */
    public double[] multiply(double[] m, int width) {
        double[] out = new double[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            int base = r * width;
            int[] row = rows[r];
            for (int k = 0; k < row.length; k++) {
                int src = row[k] * width;
                double v = value(r, k);
                for (int j = 0; j < width; j++) {
                    out[base + j] += v * m[src + j];
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
            int[] row = rows[r];
            for (int k = 0; k < row.length; k++) {
                int base = row[k] * width;
                double v = value(r, k);
                for (int j = 0; j < width; j++) {
                    out[base + j] += v * z[src + j];
                }
            }
        }
        return out;
    }

    /** diag(XᵀX): each column's sum of squared values (its positive count for a 0/1 matrix). */
    @Override
    public double[] gramDiagonal() {
        double[] diag = new double[columns];
        for (int r = 0; r < rows.length; r++) {
            int[] row = rows[r];
            for (int k = 0; k < row.length; k++) {
                double v = value(r, k);
                diag[row[k]] += v * v;
            }
        }
        return diag;
    }

    /**
     * The dense Gram matrix XᵀX (columns × columns, row-major), in float: 1.6 GB at 20,000 columns instead of 3.2.
     * Exact for a 0/1 matrix (co-occurrence counts below 2²⁴). Only for the exact-EASE baseline.
     */
    public float[] denseGram() {
        float[] g = new float[Math.multiplyExact(columns, columns)];
        for (int r = 0; r < rows.length; r++) {
            int[] row = rows[r];
            for (int a = 0; a < row.length; a++) {
                int base = row[a] * columns;
                float va = value(r, a);
                for (int b = 0; b < row.length; b++) {
                    g[base + row[b]] += va * value(r, b);
                }
            }
        }
        return g;
    }
}
