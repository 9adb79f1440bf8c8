package privrec.trainer.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A minimal version of the evaluation protocol (one fold of five, positives >= 4, 80% fold-in) comparing
 * MostPopular with cosine item-kNN. Only for checking that generated data has collaborative structure; the real
 * evaluation lives with the trainer.
 */
final class ItemKnnCheck {
    private ItemKnnCheck() {
    }

    /** {recall@20 of popularity, recall@20 of item-kNN}. Assumes movie ids 1..n (true for generated data). */
    static double[] recallAt20(Dataset data) {
        int movies = data.movies().size();
        int users = data.profiles().size();
        List<List<Integer>> positives = new ArrayList<>();
        for (int u = 0; u <= users; u++) {
            positives.add(new ArrayList<>());
        }
        for (int r = 0; r < data.ratingCount(); r++) {
            if (data.stars()[r] >= 4) {
                positives.get(data.userIds()[r]).add(data.movieIds()[r] - 1);
            }
        }
        float[][] together = new float[movies][movies];
        float[] popularity = new float[movies];
        for (int u = 1; u <= users; u++) {
            if (u % 5 != 0) { // training users
                for (int i : positives.get(u)) {
                    popularity[i]++;
                    for (int j : positives.get(u)) {
                        together[i][j]++;
                    }
                }
            }
        }
        SplittableRandom random = new SplittableRandom(42);
        double popular = 0;
        double knn = 0;
        int tested = 0;
        for (int u = 5; u <= users; u += 5) {
            List<Integer> items = new ArrayList<>(positives.get(u));
            if (items.size() < 5) {
                continue;
            }
            for (int i = items.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                items.set(i, items.set(j, items.get(i)));
            }
            int history = Math.max(1, (int) Math.round(0.8 * items.size()));
            boolean[] seen = new boolean[movies];
            float[] scores = new float[movies];
            for (int i : items.subList(0, history)) {
                seen[i] = true;
                for (int j = 0; j < movies; j++) {
                    if (together[i][j] > 0) {
                        scores[j] += together[i][j] / (float) Math.sqrt(popularity[i] * popularity[j]);
                    }
                }
            }
            List<Integer> targets = items.subList(history, items.size());
            popular += recall(popularity, seen, targets);
            knn += recall(scores, seen, targets);
            tested++;
        }
        return new double[] {popular / tested, knn / tested};
    }

    private static double recall(float[] scores, boolean[] seen, List<Integer> targets) {
        boolean[] taken = seen.clone();
        int hits = 0;
        for (int k = 0; k < 20; k++) {
            int best = -1;
            for (int i = 0; i < scores.length; i++) {
                if (!taken[i] && (best < 0 || scores[i] > scores[best])) {
                    best = i;
                }
            }
            taken[best] = true;
            hits += targets.contains(best) ? 1 : 0;
        }
        return hits / (double) Math.min(20, targets.size());
    }
}
