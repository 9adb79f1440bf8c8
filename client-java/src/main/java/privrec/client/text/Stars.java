package privrec.client.text;


/** "4 stars", "1 star", "3.5 stars". */
public final class Stars {
    private Stars() {
    }

    public static String text(float stars) {
        String number = stars == Math.floor(stars) ? String.valueOf((int) stars) : Numbers.fixed(stars, 1);
        return number + (stars == 1f ? " star" : " stars");
    }
}
