package privrec.core;

/**
 * The optional demographic profile a user may keep on their device. Every field may be absent.
 *
 * @param age        age in years, or 0 when not given
 * @param gender     "F", "M", or null when not given
 * @param occupation one of {@link Encoder#OCCUPATIONS}, or null when not given
 */
public record Profile(int age, String gender, String occupation) {
    public static final Profile EMPTY = new Profile(0, null, null);

    public Profile {
        if (age < 0 || age > 120) {
            throw new IllegalArgumentException("age " + age + " is outside 0..120 (0 = not given)");
        }
        if (gender != null && gender.isEmpty()) {
            gender = null;
        }
        if (gender != null && !gender.equals("F") && !gender.equals("M")) {
            throw new IllegalArgumentException("gender \"" + gender + "\" must be F, M or absent");
        }
        if (occupation != null && occupation.isEmpty()) {
            occupation = null;
        }
        if (occupation != null && Encoder.OCCUPATIONS.indexOf(occupation) < 0) {
            throw new IllegalArgumentException("occupation \"" + occupation + "\" is not one of " + Encoder.OCCUPATIONS);
        }
    }

    public boolean isEmpty() {
        return age == 0 && gender == null && occupation == null;
    }
}
