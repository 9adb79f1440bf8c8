package privrec.trainer.data;

import java.util.Locale;

import privrec.core.Encoder;
import privrec.core.Profile;

/** Turns the text columns of u.user / users.csv into a {@link Profile}, or names the bad column. */
final class ProfileFields {
    /** A profile column that cannot be used; the caller adds file and line. */
    static final class BadField extends Exception {
        BadField(String message) {
            super(message, null, false, false);
        }
    }

    private ProfileFields() {
    }

    /** Empty text means "not given" for every field (users.csv from a profile with gaps). */
    static Profile parse(String age, String gender, String occupation) throws BadField {
        int years = 0;
        if (!age.isEmpty()) {
            if (!age.matches("[0-9]{1,3}")) {
                throw new BadField("age \"" + age + "\" is not a number");
            }
            years = Integer.parseInt(age);
            if (years > 120) {
                throw new BadField("age " + years + " is outside 0..120");
            }
        }
        String sex = gender.toUpperCase(Locale.ROOT);
        if (!sex.isEmpty() && !sex.equals("F") && !sex.equals("M")) {
            throw new BadField("gender \"" + gender + "\" must be F, M or empty");
        }
        String job = occupation.toLowerCase(Locale.ROOT);
        if (!job.isEmpty() && !Encoder.OCCUPATIONS.contains(job)) {
            throw new BadField("unknown occupation \"" + occupation + "\"; known: " + String.join(", ", Encoder.OCCUPATIONS));
        }
        return new Profile(years, sex, job);
    }

    /** A user id column: a positive int. */
    static int userId(String text) throws BadField {
        if (!text.matches("[0-9]{1,10}") || Long.parseLong(text) > Integer.MAX_VALUE || Long.parseLong(text) == 0) {
            throw new BadField("user id \"" + text + "\" is not a positive number");
        }
        return Integer.parseInt(text);
    }
}
