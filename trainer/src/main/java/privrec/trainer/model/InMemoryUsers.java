package privrec.trainer.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import privrec.core.Profile;
import privrec.trainer.model.Split;

/** {@link TrainingUsers} held as a list: the single-machine trainer. */
public final class InMemoryUsers implements TrainingUsers {
    private final List<UserPositives> users;
    private final int itemCount;
    private List<UserPositives> eligible;

    public InMemoryUsers(List<UserPositives> users, int itemCount) {
        this.users = users;
        this.itemCount = itemCount;
    }

    public List<UserPositives> users() {
        return users;
    }

    @Override
    public int itemCount() {
        return itemCount;
    }

    @Override
    public int size() {
        return users.size();
    }

    private List<UserPositives> eligible() {
        if (eligible == null) {
            eligible = Split.eligible(users);
        }
        return eligible;
    }

    @Override
    public int eligibleCount() {
        return eligible().size();
    }

    @Override
    public List<UserPositives> eligibleAt(int[] positions) {
        List<UserPositives> all = eligible();
        List<UserPositives> picked = new ArrayList<>(positions.length);
        for (int p : positions) {
            picked.add(all.get(p));
        }
        return picked;
    }

    @Override
    public TrainingUsers eligibleOnly() {
        return new InMemoryUsers(eligible(), itemCount);
    }

    @Override
    public TrainingUsers without(Collection<UserPositives> removed) {
        Set<Integer> ids = new HashSet<>();
        for (UserPositives user : removed) {
            ids.add(user.userId());
        }
        List<UserPositives> kept = new ArrayList<>(users.size());
        for (UserPositives user : users) {
            if (!ids.contains(user.userId())) {
                kept.add(user);
            }
        }
        return new InMemoryUsers(kept, itemCount);
    }

    @Override
    public GramOperator historyWeighted(float power) {
        return SparseRowMatrix.historyWeighted(users, itemCount, power);
    }

    @Override
    public int[] popularity() {
        return Interactions.popularity(users, itemCount);
    }

    @Override
    public List<ProfileGroup> profileGroups() {
        return ProfileGroup.of(users, itemCount);
    }

    @Override
    public long positives() {
        long sum = 0;
        for (UserPositives user : users) {
            sum += user.size();
        }
        return sum;
    }

    @Override
    public long weightedRatings() {
        long sum = 0;
        for (UserPositives user : users) {
            sum += user.weightedColumns().length;
        }
        return sum;
    }

    @Override
    public List<Profile> profiles() {
        List<Profile> profiles = new ArrayList<>(users.size());
        for (UserPositives user : users) {
            profiles.add(user.profile());
        }
        return profiles;
    }
}
