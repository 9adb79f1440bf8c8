package privrec.trainer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import privrec.core.Encoder;
import privrec.core.Profile;
import privrec.trainer.data.Dataset;
import privrec.trainer.data.SyntheticData;
import privrec.trainer.model.UserPositives;

/** Small data made by the tests themselves (never the MovieLens files). */
public final class TestData {
    private TestData() {
    }

    /** A small synthetic data set from the project's generator: fast to train, realistic enough to rank. */
    public static Dataset smallSynthetic(long seed) {
        return SyntheticData.generate(seed, 150, 220, 9000);
    }

    /**
     * Random users with clustered tastes: each user likes mostly items of one of a few groups, so item-item models
     * have structure to find. Profiles rotate through ages, genders and occupations.
     */
    public static List<UserPositives> clusteredUsers(int users, int items, int perUser, long seed) {
        Random random = new Random(seed);
        int groups = 4;
        List<UserPositives> result = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            int group = u % groups;
            boolean[] liked = new boolean[items];
            int count = 0;
            while (count < Math.min(perUser, items)) {
                int item = random.nextDouble() < 0.8
                        ? (group * items / groups + random.nextInt(items / groups))
                        : random.nextInt(items);
                if (!liked[item]) {
                    liked[item] = true;
                    count++;
                }
            }
            int[] columns = new int[count];
            int k = 0;
            for (int i = 0; i < items; i++) {
                if (liked[i]) {
                    columns[k++] = i;
                }
            }
            float[] stars = new float[count];
            Arrays.fill(stars, 4f);
            Profile profile = new Profile(15 + (u * 7) % 60, u % 2 == 0 ? "F" : "M",
                    Encoder.OCCUPATIONS.get((u + group) % Encoder.OCCUPATIONS.size()));
            result.add(new UserPositives(u + 1, profile, columns, stars));
        }
        return result;
    }
}
