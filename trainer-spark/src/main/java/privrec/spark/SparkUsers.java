package privrec.spark;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import privrec.core.Profile;
import privrec.trainer.model.GramOperator;
import privrec.trainer.model.Interactions;
import privrec.trainer.model.ProfileGroup;
import privrec.trainer.model.TrainingUsers;
import privrec.trainer.model.UserPositives;
import scala.Tuple2;

/**
 * {@link TrainingUsers} spread over a Spark cluster: an RDD of users in ascending user-id order (partitions hold
 * consecutive id ranges, and order inside a partition is kept). Every sum the model needs is computed by the
 * trainer's own code on each partition's users and the partial results are added with a tree aggregate, so the
 * model is the single-machine trainer's up to the order of floating-point additions. Subsets (tuning and fold
 * training users) are filters over the one cached RDD, not copies.
 */
final class SparkUsers implements TrainingUsers {
    /** Depth of the tree aggregates: partial sums are added on executors in rounds, not all on the driver. */
    static final int TREE_DEPTH = 2;

    private final JavaSparkContext sc;
    private final JavaRDD<UserRow> rows;
    private final int itemCount;
    /** The broadcast a subset's filter reads; destroyed by {@link #release}. Null for the full set. */
    private final Broadcast<?> filterData;
    private Integer size;
    private Integer eligibleCount;

    SparkUsers(JavaSparkContext sc, JavaRDD<UserRow> rows, int itemCount) {
        this(sc, rows, itemCount, null);
    }

    private SparkUsers(JavaSparkContext sc, JavaRDD<UserRow> rows, int itemCount, Broadcast<?> filterData) {
        this.sc = sc;
        this.rows = rows;
        this.itemCount = itemCount;
        this.filterData = filterData;
    }

    @Override
    public int itemCount() {
        return itemCount;
    }

    @Override
    public int size() {
        if (size == null) {
            size = Math.toIntExact(rows.count());
        }
        return size;
    }

    @Override
    public int eligibleCount() {
        if (eligibleCount == null) {
            eligibleCount = Math.toIntExact(rows.filter(UserRow::eligible).count());
        }
        return eligibleCount;
    }

    @Override
    public List<UserPositives> eligibleAt(int[] positions) {
        Set<Long> wanted = new HashSet<>();
        for (int p : positions) {
            wanted.add((long) p);
        }
        Broadcast<Set<Long>> wantedB = sc.broadcast(wanted);
        // zipWithIndex numbers the eligible users in RDD order, which is ascending user id: the eligible order.
        List<Tuple2<UserRow, Long>> picked = rows.filter(UserRow::eligible).zipWithIndex()
                .filter(t -> wantedB.value().contains(t._2())).collect();
        wantedB.destroy();
        Map<Long, UserRow> byPosition = new HashMap<>();
        for (Tuple2<UserRow, Long> t : picked) {
            byPosition.put(t._2(), t._1());
        }
        List<UserPositives> users = new ArrayList<>(positions.length);
        for (int p : positions) {
            users.add(byPosition.get((long) p).positives());
        }
        return users;
    }

    /** Every eligible user on the driver, in order (only the evaluation protocol needs them all). */
    List<UserPositives> gatherEligible() {
        List<UserPositives> users = new ArrayList<>();
        for (UserRow row : rows.filter(UserRow::eligible).collect()) {
            users.add(row.positives());
        }
        return users;
    }

    @Override
    public TrainingUsers eligibleOnly() {
        return new SparkUsers(sc, rows.filter(UserRow::eligible), itemCount);
    }

    @Override
    public TrainingUsers without(Collection<UserPositives> removed) {
        Set<Integer> ids = new HashSet<>();
        for (UserPositives user : removed) {
            ids.add(user.userId());
        }
        Broadcast<Set<Integer>> idsB = sc.broadcast(ids);
        return new SparkUsers(sc, rows.filter(row -> !idsB.value().contains(row.userId)), itemCount, idsB);
    }

    @Override
    public void release() {
        if (filterData != null) {
            filterData.destroy();
        }
    }

    @Override
    public GramOperator historyWeighted(float power) {
        return new SparkGram(sc, rows, itemCount, power);
    }

    @Override
    public int[] popularity() {
        int n = itemCount;
        return rows.mapPartitions(part ->
                        Collections.singletonList(Interactions.popularity(positives(part), n)).iterator())
                .treeReduce(Sums::addCounts, TREE_DEPTH);
    }

    @Override
    public List<ProfileGroup> profileGroups() {
        int n = itemCount;
        ProfileGroup.Counts counts = rows.mapPartitions(part -> {
            ProfileGroup.Counts partial = new ProfileGroup.Counts(n);
            while (part.hasNext()) {
                partial.add(part.next().positives());
            }
            return Collections.singletonList(partial).iterator();
        }).treeReduce(ProfileGroup.Counts::merge, TREE_DEPTH);
        return counts.groups();
    }

    @Override
    public long positives() {
        return rows.map(row -> (long) row.columns.length).fold(0L, Long::sum);
    }

    @Override
    public long weightedRatings() {
        return rows.map(row -> (long) row.weightedColumns.length).fold(0L, Long::sum);
    }

    /** Profiles in user order, two bytes per user on the driver (verification draws a few hundred of them). */
    @Override
    public List<Profile> profiles() {
        List<short[]> parts = rows.mapPartitions(part -> {
            List<Short> codes = new ArrayList<>();
            while (part.hasNext()) {
                codes.add(part.next().profileCode);
            }
            short[] packed = new short[codes.size()];
            for (int i = 0; i < packed.length; i++) {
                packed[i] = codes.get(i);
            }
            return Collections.singletonList(packed).iterator();
        }).collect();
        int total = 0;
        for (short[] part : parts) {
            total += part.length;
        }
        short[] codes = new short[total];
        int at = 0;
        for (short[] part : parts) {
            System.arraycopy(part, 0, codes, at, part.length);
            at += part.length;
        }
        return new AbstractList<>() {
            @Override
            public Profile get(int index) {
                return UserRow.decode(codes[index]);
            }

            @Override
            public int size() {
                return codes.length;
            }
        };
    }

    /** A partition's users as the trainer's records (arrays shared, not copied). */
    static List<UserPositives> positives(Iterator<UserRow> part) {
        List<UserPositives> users = new ArrayList<>();
        while (part.hasNext()) {
            users.add(part.next().positives());
        }
        return users;
    }
}
