package privrec.core.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import privrec.core.FormatException;
import privrec.core.Json;
import privrec.core.Manifest;

class ContributionReportTest {
    static final ContributionPolicy POLICY = new ContributionPolicy(2, 1e-6, 1.0, 4, 0.5, List.of(0.5, 1.0, 2.0), 100, 60);

    @Test
    void roundTripsAtItsDocumentedSize() {
        ContributionReport r = new ContributionReport("privrec-8c51e0ff46e95c7c", 1f, new float[]{1, -2.5f, 3e-8f, 0});
        byte[] bytes = r.encode();
        assertEquals(56, bytes.length);
        assertEquals(1064, ContributionReport.size(256));
        ContributionReport back = ContributionReport.decode(bytes, 4);
        assertEquals(r.release(), back.release());
        assertEquals(1f, back.epsilon());
        assertArrayEquals(r.values(), back.values());
    }

    @Test
    void malformedBodiesAreRefusedWithTheReason() {
        byte[] good = new ContributionReport("m-1", 1f, new float[]{1, 2, 3, 4}).encode();
        assertTrue(assertThrows(FormatException.class, () -> ContributionReport.decode(new byte[55], 4))
                .getMessage().contains("56 bytes, not 55"));
        byte[] magic = good.clone();
        magic[0] = 'X';
        assertTrue(assertThrows(FormatException.class, () -> ContributionReport.decode(magic, 4)).getMessage()
                .contains("PRC1"));
        byte[] nan = good.clone();
        nan[43] = (byte) 0x7f;
        nan[42] = (byte) 0xc0;
        assertTrue(assertThrows(FormatException.class, () -> ContributionReport.decode(nan, 4)).getMessage()
                .contains("value 0"));
        byte[] padding = good.clone();
        padding[20] = 'x';
        assertThrows(FormatException.class, () -> ContributionReport.decode(padding, 4));
    }

    @Test
    void checkRefusesEachKindWithItsReason() {
        Manifest current = manifest("m-2");
        byte[] ok = new ContributionReport("m-2", 1f, new float[]{1, 2, 3, 4}).encode();
        assertEquals("m-2", ContributionCheck.check(ok, current).release());
        assertRefused(ContributionCheck.Reason.DISABLED, ok, manifestWithout());
        assertRefused(ContributionCheck.Reason.MALFORMED, new byte[10], current);
        assertRefused(ContributionCheck.Reason.STALE_RELEASE,
                new ContributionReport("m-1", 1f, new float[4]).encode(), current);
        assertRefused(ContributionCheck.Reason.EPSILON,
                new ContributionReport("m-2", 8f, new float[4]).encode(), current);
        float big = (float) POLICY.maxNorm(1) + 1;
        assertRefused(ContributionCheck.Reason.NORM,
                new ContributionReport("m-2", 1f, new float[]{big, 0, 0, 0}).encode(), current);
    }

    @Test
    void policyRoundTripsThroughTheManifest() {
        Manifest m = manifest("m-2");
        Manifest back = Manifest.parse(m.toJson(), "manifest.json");
        assertEquals(POLICY, ContributionPolicy.of(back));
        assertEquals(null, ContributionPolicy.of(manifestWithout()));
        Map<String, Object> bad = Json.parseObject("{\"epsilon\": 1, \"delta\": 1e-6, \"clip\": 1, \"rank\": 4,"
                + " \"inputPower\": 0.5, \"epsilons\": [1, 4], \"minReports\": 1, \"maxDelaySeconds\": 0}", "t");
        assertTrue(assertThrows(FormatException.class, () -> ContributionPolicy.fromJson(bad, "t")).getMessage()
                .contains("(0, 1.0]"));
    }

    private static void assertRefused(ContributionCheck.Reason reason, byte[] body, Manifest current) {
        assertEquals(reason, assertThrows(ContributionCheck.Refused.class,
                () -> ContributionCheck.check(body, current)).reason());
    }

    static Manifest manifest(String id) {
        return withTerms(id, POLICY.toJson());
    }

    static Manifest manifestWithout() {
        return withTerms("m-2", Map.of());
    }

    private static Manifest withTerms(String id, Map<String, Object> terms) {
        String hash = "ab".repeat(32);
        return new Manifest(Manifest.FORMAT_VERSION, 2, id, "test", "unit", "1998-04-22", "model.onnx",
                List.of("basis.bin"), List.of("catalog.tsv"), List.of(), "basis.bin", null, 3,
                List.of(new Manifest.TensorSpec("history", new int[]{-1, 3})),
                List.of(new Manifest.TensorSpec("scores", new int[]{-1, 3})), privrec.core.Encoder.PROFILE_FEATURES,
                List.of(new Manifest.FileEntry("model.onnx", hash, 1), new Manifest.FileEntry("basis.bin", hash, 1),
                        new Manifest.FileEntry("catalog.tsv", hash, 1)), Map.of(), Map.of(), terms);
    }
}
