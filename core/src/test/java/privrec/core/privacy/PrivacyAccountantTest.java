package privrec.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrivacyAccountantTest {
    private static final ContributionPolicy POLICY = ContributionReportTest.POLICY;

    @Test
    void oneReportCostsItsOwnEpsilon() {
        PrivacyAccountant a = new PrivacyAccountant(List.of());
        assertEquals(0, a.total().epsilon());
        a.spend("r1", POLICY, 1);
        PrivacyAccountant.Total t = a.total();
        assertEquals(1, t.epsilon(), 1e-12);
        assertEquals(1e-6, t.delta(), 1e-18);
        assertEquals("basic", t.composition());
    }

    @Test
    void manyReportsComposeBelowTheSumUnderZcdp() {
        PrivacyAccountant a = new PrivacyAccountant(List.of());
        for (int i = 0; i < 50; i++) {
            a.spend("r" + i, POLICY, 0.5);
        }
        PrivacyAccountant.Total t = a.total();
        assertEquals("zCDP", t.composition());
        assertTrue(t.epsilon() < 25, "50 × 0.5 composes below 25: " + t.epsilon());
        // ρ per report from σ: Δ²/(2σ²); the conversion ρ + 2√(ρ ln(1/δ)).
        double rho = 50 * GaussianMechanism.rho(POLICY.sigma(0.5), POLICY.sensitivity());
        assertEquals(rho + 2 * Math.sqrt(rho * Math.log(1 / 50e-6)), t.epsilon(), 1e-9);
    }

    @Test
    void aReleaseIsCountedOnce() {
        PrivacyAccountant a = new PrivacyAccountant(List.of());
        a.spend("r1", POLICY, 1);
        assertTrue(a.hasSpent("r1"));
        assertThrows(IllegalStateException.class, () -> a.spend("r1", POLICY, 1));
    }
}
