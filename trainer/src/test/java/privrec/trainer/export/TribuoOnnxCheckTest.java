package privrec.trainer.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import privrec.core.Profile;
import privrec.trainer.TestData;
import privrec.trainer.model.ProfileRegression;
import privrec.trainer.model.UserPositives;

/** tribuo-onnx's ONNXExternalModel reproduces the in-memory Tribuo profile model, and would notice if it did not. */
class TribuoOnnxCheckTest {
    private static final OffsetDateTime WHEN = OffsetDateTime.parse("2001-01-01T00:00:00Z");

    private static ProfileRegression.Trained train(long seed) {
        List<UserPositives> users = TestData.clusteredUsers(80, 40, 6, seed);
        return ProfileRegression.train(users, 40, ProfileRegression.Settings.DEFAULT, "test", WHEN);
    }

    @Test
    void theExportedProfileModelPredictsLikeTheInMemoryOne() throws Exception {
        ProfileRegression.Trained trained = train(11);
        List<Profile> profiles = List.of(new Profile(30, "F", "writer"), new Profile(60, "M", null),
                new Profile(0, null, "student"));
        double diff = TribuoOnnxCheck.maxAbsDiff(trained.model(), profiles, 16, 1);
        assertTrue(diff <= Verifier.TOLERANCE, "ONNXExternalModel vs in-memory Tribuo: " + diff);
    }

    @Test
    void aDifferentModelIsNoticed() throws Exception {
        ProfileRegression.Trained a = train(11);
        ProfileRegression.Trained b = train(12);
        List<Profile> profiles = List.of(new Profile(30, "F", "writer"), new Profile(60, "M", null));
        double diff = TribuoOnnxCheck.maxAbsDiff(a.model(), b.model(), profiles, 8, 1);
        assertTrue(diff > 1e-3, "exporting another model must fail the check: " + diff);
    }
}
