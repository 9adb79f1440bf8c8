package privrec.spark;

/** Element-wise sums for tree aggregates; each adds its second argument into its first and returns the first. */
final class Sums {
    private Sums() {
    }

    static double[] addVectors(double[] into, double[] other) {
        check(into.length, other.length);
        for (int i = 0; i < into.length; i++) {
            into[i] += other[i];
        }
        return into;
    }

    static double[][] addMatrices(double[][] into, double[][] other) {
        check(into.length, other.length);
        for (int i = 0; i < into.length; i++) {
            addVectors(into[i], other[i]);
        }
        return into;
    }

    static int[] addCounts(int[] into, int[] other) {
        check(into.length, other.length);
        for (int i = 0; i < into.length; i++) {
            into[i] = Math.addExact(into[i], other[i]);
        }
        return into;
    }

    private static void check(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("partial sums of different lengths: " + a + " and " + b);
        }
    }
}
