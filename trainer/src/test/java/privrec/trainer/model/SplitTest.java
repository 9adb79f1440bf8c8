package privrec.trainer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import privrec.core.Profile;
import privrec.trainer.TestData;
import privrec.trainer.model.UserPositives;

class SplitTest {
    private static UserPositives user(int id, int positives) {
        int[] columns = new int[positives];
        float[] stars = new float[positives];
        for (int i = 0; i < positives; i++) {
            columns[i] = i * 2;
            stars[i] = 5f;
        }
        return new UserPositives(id, Profile.EMPTY, columns, stars);
    }

    @Test
    void foldInIsRoundedEightyPercentAndAtLeastOne() {
        assertEquals(1, Split.foldInSize(1));
        assertEquals(2, Split.foldInSize(2)); // round(1.6)
        assertEquals(2, Split.foldInSize(3)); // round(2.4)
        assertEquals(4, Split.foldInSize(5));
        assertEquals(6, Split.foldInSize(7)); // round(5.6)
        assertEquals(10, Split.foldInSize(13)); // round(10.4)
        assertEquals(80, Split.foldInSize(100));
    }

    @Test
    void usersWithFewerThanFivePositivesAreDropped() {
        List<UserPositives> users = List.of(user(1, 4), user(2, 5), user(3, 12), user(4, 1));
        List<UserPositives> kept = Split.eligible(users);
        assertEquals(List.of(2, 3), kept.stream().map(UserPositives::userId).toList());
        List<Split.Fold> folds = Split.folds(users, 2, 42);
        int tested = folds.stream().mapToInt(f -> f.test().size()).sum();
        assertEquals(2, tested);
    }

    @Test
    void everyEligibleUserIsTestedExactlyOnceAndNeverTrainsOnItsOwnFold() {
        List<UserPositives> users = TestData.clusteredUsers(53, 40, 8, 1);
        List<Split.Fold> folds = Split.folds(users, 5, 42);
        Set<Integer> tested = new HashSet<>();
        for (Split.Fold fold : folds) {
            Set<Integer> training = new HashSet<>();
            fold.training().forEach(u -> training.add(u.userId()));
            for (Split.TestUser test : fold.test()) {
                assertTrue(tested.add(test.user().userId()), "tested twice: " + test.user().userId());
                assertFalse(training.contains(test.user().userId()));
                assertEquals(Split.foldInSize(test.user().size()), test.foldIn().length);
                assertEquals(test.user().size(), test.foldIn().length + test.targets().length);
                assertEquals(test.foldIn().length, test.foldInStars().length);
                for (float stars : test.foldInStars()) {
                    assertEquals(4f, stars, "positives split: fold-in stars are the user's positives");
                }
                Set<Integer> union = new HashSet<>();
                for (int c : test.foldIn()) {
                    union.add(c);
                }
                for (int c : test.targets()) {
                    assertTrue(union.add(c), "fold-in and targets overlap");
                }
            }
            assertEquals(users.size() - fold.test().size(), fold.training().size());
            // Folds are balanced: 53 users in 5 folds -> 10 or 11 each.
            assertTrue(fold.test().size() == 10 || fold.test().size() == 11);
        }
        assertEquals(users.size(), tested.size());
    }

    @Test
    void foldAssignmentIsDeterminedBySeed() {
        int[] a = Split.foldOf(100, 5, new Random(42));
        int[] b = Split.foldOf(100, 5, new Random(42));
        int[] c = Split.foldOf(100, 5, new Random(7));
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));
        List<UserPositives> users = TestData.clusteredUsers(30, 40, 8, 2);
        assertEquals(testedIds(Split.folds(users, 5, 42)), testedIds(Split.folds(users, 5, 42)));
        assertNotEquals(testedIds(Split.folds(users, 5, 42)), testedIds(Split.folds(users, 5, 43)));
    }

    private static List<List<Integer>> testedIds(List<Split.Fold> folds) {
        List<List<Integer>> ids = new ArrayList<>();
        for (Split.Fold fold : folds) {
            List<Integer> fid = new ArrayList<>();
            for (Split.TestUser t : fold.test()) {
                fid.add(t.user().userId());
                for (int c : t.foldIn()) {
                    fid.add(-c);
                }
            }
            ids.add(fid);
        }
        return ids;
    }
}
