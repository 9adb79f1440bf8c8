package privrec.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import privrec.core.Profile;

class ValidationSplitTest {
    private static InMemoryUsers users(int count) {
        List<UserPositives> users = new ArrayList<>(count);
        for (int u = 0; u < count; u++) {
            int[] columns = {u % 50, 50 + u % 7, 60 + u % 3, 70, 80 + u % 11, 95};
            java.util.Arrays.sort(columns);
            float[] stars = {4, 5, 4, 5, 4, 4};
            users.add(new UserPositives(u + 1, Profile.EMPTY, columns, stars));
        }
        return new InMemoryUsers(users, 100);
    }

    @Test
    void onlyManyUsersShareOneTuningFit() {
        assertFalse(ValidationSplit.canShareFit(users(1_000), 0.1), "the default data set keeps one fit per hold-out");
        assertFalse(ValidationSplit.canShareFit(users(20_000), 0.1), "3,000 of 20,000 users is too large a share");
        assertTrue(ValidationSplit.canShareFit(users(60_000), 0.1));
    }

    @Test
    void holdOutsAreCappedAndDisjointFromTheirFit() {
        InMemoryUsers many = users(60_000);
        ValidationSplit split = ValidationSplit.of(many, 0.1, 42, 0);
        assertEquals(ValidationSplit.MAX_VALIDATION_USERS, split.validation().size());
        Set<Integer> held = new HashSet<>();
        split.validation().forEach(u -> held.add(u.userId()));
        assertEquals(60_000 - held.size(), split.fit().size());
    }
}
