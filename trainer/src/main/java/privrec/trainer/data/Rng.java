package privrec.trainer.data;

import java.util.SplittableRandom;

/**
 * Random helpers that give the same numbers on every JVM: {@link SplittableRandom}'s integer stream is specified,
 * and we use {@link StrictMath} (not {@code Math}, whose log/exp may differ by an ulp between JVMs and CPUs).
 */
final class Rng {
    private Rng() {
    }

    /** Standard normal by Box–Muller; one value per call keeps the stream easy to reason about. */
    static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble(); // (0, 1]: log(0) would be -infinity
        double v = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
    }

    /** Index drawn with probability proportional to {@code weights[i]}. */
    static int weighted(SplittableRandom random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return i;
            }
        }
        int last = weights.length - 1; // rounding left a sliver of probability at the end
        while (last > 0 && weights[last] <= 0) {
            last--;
        }
        return last;
    }

    /**
     * e^x to ~1e-8 relative error from + and * only (so bit-identical on every JVM), for sampling weights;
     * StrictMath.exp is exact but was 80% of the generator's time on a 10,000-movie catalog.
     */
    static double exp(double x) {
        double t = Math.max(-1000.0, Math.min(1000.0, x)) * 1.4426950408889634; // x / ln 2
        double whole = Math.floor(t);
        double y = (t - whole) * 0.6931471805599453; // in [0, ln 2)
        double p = 1 + y * (1 + y / 2 * (1 + y / 3 * (1 + y / 4 * (1 + y / 5 * (1 + y / 6 * (1 + y / 7 * (1 + y / 8 * (1 + y / 9))))))));
        return Math.scalb(p, (int) whole);
    }

    static <T> T pick(SplittableRandom random, T[] options) {
        return options[random.nextInt(options.length)];
    }
}
