package privrec.trainer.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import privrec.core.Encoder;

/**
 * Users sharing one profile encoding: the profile model's sufficient statistics.
 *
 * @param onehot     the shared profile row
 * @param users      how many users have it
 * @param meanTarget per item, the share of those users who rated it positively
 */
public record ProfileGroup(float[] onehot, int users, double[] meanTarget) {

    /**
     * The group's deviation from {@code overall} expressed in an item basis: {@code (meanTarget − overall) · B} for
     * an n × k row-major basis B with row scales r (k values), which the profile model then learns to predict.
     */
    public ProfileGroup inBasis(float[] basis, float[] rowScale, int rank, int columns, double[] overall) {
        int n = meanTarget.length;
        if (basis.length != n * rank || columns > rank) {
            throw new IllegalArgumentException("basis is not " + n + " x " + rank + " with " + columns + " columns used");
        }
        double[] code = new double[columns];
        for (int j = 0; j < n; j++) {
            double t = meanTarget[j] - overall[j];
            if (t != 0) {
                double scaled = t * rowScale[j];
                for (int i = 0; i < columns; i++) {
                    code[i] += scaled * basis[j * rank + i];
                }
            }
        }
        return new ProfileGroup(onehot, users, code);
    }

    /**
     * {@link #inBasis} on the leading {@link #codeColumns} basis columns for every group, around the rate over all of
     * their users ({@link #overall}).
     */
    public static List<ProfileGroup> inBasis(List<ProfileGroup> groups, CollaborativeFactors basis) {
        double[] overall = overall(groups);
        List<ProfileGroup> out = new ArrayList<>(groups.size());
        for (ProfileGroup group : groups) {
            out.add(group.inBasis(basis.u(), basis.rowScale(), basis.rank(), codeColumns(basis.rank()), overall));
        }
        return out;
    }

    /**
     * Basis columns the profile code uses: at most {@link #MAX_CODE_COLUMNS}. Demographic groups differ along the
     * leading directions of taste; a short code keeps the profile model (re-sent with every model update) small.
     */
    public static int codeColumns(int rank) {
        return Math.min(rank, MAX_CODE_COLUMNS);
    }

    public static final int MAX_CODE_COLUMNS = 64;

    /** Per movie, the share of all the groups' users with a positive on it (MostPopular's scores, as rates). */
    public static double[] overall(List<ProfileGroup> groups) {
        int n = groups.get(0).meanTarget.length;
        double[] sum = new double[n];
        long users = 0;
        for (ProfileGroup group : groups) {
            for (int j = 0; j < n; j++) {
                sum[j] += group.meanTarget[j] * group.users;
            }
            users += group.users;
        }
        for (int j = 0; j < n; j++) {
            sum[j] /= users;
        }
        return sum;
    }

    /** {@link #overall} as floats. */
    public static float[] baseline(List<ProfileGroup> groups) {
        double[] overall = overall(groups);
        float[] out = new float[overall.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = (float) overall[j];
        }
        return out;
    }

    /** Groups in a deterministic order (by encoding). */
    public static List<ProfileGroup> of(List<UserPositives> users, int itemCount) {
        Counts counts = new Counts(itemCount);
        for (UserPositives user : users) {
            counts.add(user);
        }
        return counts.groups();
    }

    /**
     * Per-encoding user and positive counts. Counts of disjoint sets of users {@link #merge} into the counts of
     * their union (integers, so in any order), which lets a distributed trainer count by partition.
     */
    public static final class Counts implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int itemCount;
        private final TreeMap<String, float[]> rows = new TreeMap<>();
        private final TreeMap<String, int[]> counts = new TreeMap<>();
        private final TreeMap<String, Integer> sizes = new TreeMap<>();

        public Counts(int itemCount) {
            this.itemCount = itemCount;
        }

        public Counts add(UserPositives user) {
            float[] onehot = Encoder.encodeProfile(user.profile());
            StringBuilder key = new StringBuilder(onehot.length);
            for (float v : onehot) {
                key.append(v != 0f ? '1' : '0');
            }
            String k = key.toString();
            rows.putIfAbsent(k, onehot);
            int[] count = counts.computeIfAbsent(k, x -> new int[itemCount]);
            for (int column : user.columns()) {
                count[column]++;
            }
            sizes.merge(k, 1, Integer::sum);
            return this;
        }

        /** Adds {@code other}'s counts into this; returns this. */
        public Counts merge(Counts other) {
            if (other.itemCount != itemCount) {
                throw new IllegalArgumentException("profile counts over " + other.itemCount + " and " + itemCount + " items");
            }
            for (Map.Entry<String, int[]> entry : other.counts.entrySet()) {
                String k = entry.getKey();
                rows.putIfAbsent(k, other.rows.get(k));
                int[] mine = counts.computeIfAbsent(k, x -> new int[itemCount]);
                int[] theirs = entry.getValue();
                for (int j = 0; j < itemCount; j++) {
                    mine[j] += theirs[j];
                }
                sizes.merge(k, other.sizes.get(k), Integer::sum);
            }
            return this;
        }

        /** The groups, ordered by encoding. */
        public List<ProfileGroup> groups() {
            List<ProfileGroup> groups = new ArrayList<>(rows.size());
            for (Map.Entry<String, float[]> entry : rows.entrySet()) {
                int size = sizes.get(entry.getKey());
                int[] count = counts.get(entry.getKey());
                double[] mean = new double[itemCount];
                for (int j = 0; j < itemCount; j++) {
                    mean[j] = count[j] / (double) size;
                }
                groups.add(new ProfileGroup(entry.getValue(), size, mean));
            }
            return groups;
        }
    }
}
