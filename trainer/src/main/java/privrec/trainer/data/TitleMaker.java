package privrec.trainer.data;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Fictional but plausible film titles from word lists, flavoured by the movie's main genre ("The Silent Harbor",
 * "Midnight Express to Lisbon", "Curse of the Crimson Grave"). A few contain commas, quotes or accented letters,
 * as real MovieLens titles do, so the CSV round trip is exercised by ordinary generated data.
 */
final class TitleMaker {
    private static final String[] ADJECTIVES = {"Silent", "Last", "Dark", "Golden", "Broken", "Hidden", "Lonely",
            "Crimson", "Wild", "Secret", "Forgotten", "Burning", "Frozen", "Distant", "Endless", "Savage", "Quiet",
            "Lost", "Eternal", "Little", "Sweet", "Bitter", "Electric", "Midnight", "Velvet", "Iron", "Stolen",
            "Restless", "Wicked", "Gentle", "Perfect", "Strange", "Long", "Cold", "Blue", "Scarlet", "White", "Final",
            "Naked", "Hollow", "Shining", "Dangerous", "Private", "Sudden", "Empty", "Brave", "Fallen", "Painted"};
    private static final String[] NOUNS = {"Harbor", "River", "Road", "Summer", "Winter", "Garden", "Mirror",
            "Shadow", "Kingdom", "City", "Highway", "Island", "Horizon", "Promise", "Game", "Letter", "Witness",
            "Station", "Valley", "Heart", "Storm", "Frontier", "Stranger", "Dream", "Affair", "Journey", "Season",
            "Bridge", "Mountain", "Fire", "Wind", "Moon", "Night", "Dance", "Train", "Hotel", "Ocean", "Angel",
            "Empire", "Dawn", "Express", "Secret", "Voice", "Passage", "Circle", "Window", "House", "Door"};
    /** Per genre (core.Genres order), nouns that make a title read like that genre. */
    private static final String[][] GENRE_NOUNS = {
            {"Thing"},
            {"Target", "Impact", "Fury", "Showdown", "Countdown", "Strike", "Vengeance", "Force", "Fist", "Bullet"},
            {"Quest", "Treasure", "Expedition", "Voyage", "Temple", "Jungle", "Map", "Compass", "Pirates"},
            {"Dragon", "Balloon", "Penguin", "Kitten", "Rocket", "Toyshop", "Wizard", "Snowman", "Mouse"},
            {"Puppy", "Treehouse", "Magic", "Bear", "Circus", "Pony", "Giant", "Adventure", "Friends"},
            {"Wedding", "Trouble", "Weekend", "Neighbors", "Vacation", "Roommate", "Honeymoon", "Mix-Up", "Party"},
            {"Heist", "Alibi", "Job", "Racket", "Mob", "Score", "Ransom", "Getaway", "Deal", "Syndicate"},
            {"Voices", "Portrait", "Story", "Journey", "Truth", "Life"},
            {"Inheritance", "Homecoming", "Silence", "Years", "Sons", "Daughters", "Truth", "Confession", "Farewell"},
            {"Sorcerer", "Sword", "Realm", "Spell", "Unicorn", "Enchantress", "Crown", "Labyrinth"},
            {"Dame", "Double Cross", "Alley", "Blackmail", "Detour", "Kiss", "Payoff", "Dead End"},
            {"Curse", "Blood", "Nightmare", "Scream", "Beast", "Grave", "Hunger", "Terror", "Dead", "Crypt"},
            {"Melody", "Rhythm", "Broadway", "Serenade", "Song", "Swing", "Tango", "Ballroom", "Jubilee"},
            {"Riddle", "Clue", "Case", "Key", "Cipher", "Disappearance", "Manor"},
            {"Love", "Kiss", "Heart", "Valentine", "Sweetheart", "Romance", "Rendezvous", "Bride"},
            {"Orbit", "Android", "Galaxy", "Planet", "Machine", "Signal", "Colony", "Invasion", "Clone", "Future"},
            {"Target", "Deadline", "Conspiracy", "Pursuit", "Trap", "Hostage", "Edge", "Obsession", "Fear"},
            {"Battle", "Front", "Siege", "Squadron", "Patrol", "Regiment", "Beachhead", "Hill", "Convoy"},
            {"Outlaw", "Gun", "Ridge", "Canyon", "Sheriff", "Rider", "Trail", "Saddle", "Stagecoach", "Badlands"}};
    private static final String[] PLACES = {"Lisbon", "Casablanca", "Vienna", "Memphis", "Tangier", "Havana",
            "Manhattan", "Paris", "Rio", "Shanghai", "Berlin", "Tokyo", "Alaska", "Tucson", "Dublin", "Marseille",
            "Cairo", "Rome", "Santa Fe", "Brooklyn", "Chinatown", "Montana", "Nevada", "Venice", "Bombay", "Glasgow"};
    private static final String[] FIRST = {"Harry", "Rosie", "Max", "Eddie", "Lola", "Jack", "Annie", "Frankie",
            "Sam", "Charlie", "Mabel", "Johnny", "Vera", "Otto", "Billy", "Lucy", "Walter", "Nora", "Gus", "Daisy"};
    private static final String[] LAST = {"Malone", "Kowalski", "Bennett", "Carver", "Doyle", "Finch", "Moreau",
            "Sullivan", "Brandt", "Okafor", "Lindqvist", "Castillo", "Whitaker", "Rourke", "Baxter"};
    private static final String[] NICKNAMES = {"Ace", "Lucky", "Kid", "Doc", "Red", "Slim", "Babe", "Tex"};
    private static final String[] PERSONS = {"Man", "Woman", "Girl", "Boy", "Stranger", "Kid", "Cowboy", "Lady"};
    private static final String[] DEEDS = {"Knew Too Little", "Stole the Moon", "Sold Vienna", "Loved Twice",
            "Forgot Christmas", "Bought Brooklyn", "Came to Dinner", "Never Slept", "Fell to Earth Again"};
    private static final String[] FOREIGN = {"Le Rêve de %s", "L'Été à %s", "Les Enfants de %s",
            "Die Nacht in %s", "El Verano en %s", "Café Größenwahn", "Señora Buñuel", "La Dolce Città"};
    private static final String[] SEQUEL_SUFFIX = {" II", " III", " IV", " V"};

    private final SplittableRandom random;
    private final Set<String> used = new HashSet<>(); // only asked "contains?", so hash order never matters

    TitleMaker(SplittableRandom random) {
        this.random = random;
    }

    /** A title not used before (without the year; the caller appends it). */
    String next(int mainGenre) {
        for (int attempt = 0; ; attempt++) {
            String title = attempt < 50 ? candidate(mainGenre) : candidate(mainGenre) + " " + (attempt - 48);
            if (used.add(title)) {
                return title;
            }
        }
    }

    /** "Base II" for {@code number} 1, "Base III" for 2 …: the {@code number}-th sequel of a base title. */
    String sequel(String base, int number) {
        String title = base + SEQUEL_SUFFIX[Math.min(number, SEQUEL_SUFFIX.length) - 1];
        return used.add(title) ? title : next(0);
    }

    private String candidate(int genre) {
        String adjective = Rng.pick(random, ADJECTIVES);
        String noun = random.nextInt(100) < 60 ? Rng.pick(random, GENRE_NOUNS[genre]) : Rng.pick(random, NOUNS);
        String other = Rng.pick(random, NOUNS);
        String place = Rng.pick(random, PLACES);
        if (genre == 7) { // Documentary
            return Rng.pick(random, new String[] {"Inside " + place, "The Story of " + place, "Voices of " + place,
                    Rng.pick(random, FIRST) + " " + Rng.pick(random, LAST) + ": A Life", "Portrait of " + place});
        }
        int template = random.nextInt(100);
        if (template < 22) return "The " + adjective + " " + noun;
        if (template < 36) return adjective + " " + noun;
        if (template < 46) return "The " + noun + " of " + place;
        if (template < 54) return adjective + " " + other + " to " + place;
        if (template < 61) return noun + " of the " + adjective + " " + other;
        if (template < 67) return Rng.pick(random, FIRST) + "'s " + noun;
        if (template < 73) return "The " + noun;
        if (template < 78) return noun + " and " + other;
        if (template < 81) return noun + ", " + other + " and " + Rng.pick(random, NOUNS);
        if (template < 84) return "Goodbye, " + Rng.pick(random, FIRST);
        if (template < 88) return Rng.pick(random, FIRST) + " " + Rng.pick(random, LAST);
        if (template < 92) return "The " + Rng.pick(random, PERSONS) + " Who " + Rng.pick(random, DEEDS);
        if (template < 94) return Rng.pick(random, FIRST) + " \"" + Rng.pick(random, NICKNAMES) + "\" " + Rng.pick(random, LAST);
        if (template < 97) return String.format(Rng.pick(random, FOREIGN), place);
        return noun + " in " + place;
    }
}
