package privrec.trainer.model;

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
record ProfileGroup(float[] onehot, int users, double[] meanTarget) {

    /** Groups in a deterministic order (by encoding). */
    static List<ProfileGroup> of(List<UserPositives> users, int itemCount) {
        Map<String, float[]> rows = new TreeMap<>();
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, Integer> sizes = new TreeMap<>();
        for (UserPositives user : users) {
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
        }
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
