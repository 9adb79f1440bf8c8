package privrec.spark;

import org.apache.spark.util.AccumulatorV2;

/** The largest value added on any executor (the newest rating's timestamp), read once the pass is done. */
final class MaxAccumulator extends AccumulatorV2<Long, Long> {
    private static final long serialVersionUID = 1L;
    private long max = Long.MIN_VALUE;

    @Override
    public boolean isZero() {
        return max == Long.MIN_VALUE;
    }

    @Override
    public AccumulatorV2<Long, Long> copy() {
        MaxAccumulator copy = new MaxAccumulator();
        copy.max = max;
        return copy;
    }

    @Override
    public void reset() {
        max = Long.MIN_VALUE;
    }

    @Override
    public void add(Long value) {
        max = Math.max(max, value);
    }

    @Override
    public void merge(AccumulatorV2<Long, Long> other) {
        max = Math.max(max, other.value());
    }

    @Override
    public Long value() {
        return max;
    }
}
