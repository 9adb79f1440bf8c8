// Times one exact-EASE fit (dense float Gram + in-place inversion + B) on a generated catalog of N movies.
// Usage: N=20000 jshell -R-Xmx6g --class-path trainer/target/trainer.jar trainer/scripts/ease-timing.jsh
import privrec.trainer.data.SyntheticData;
import privrec.trainer.model.*;
int n = Integer.parseInt(System.getenv().getOrDefault("N", "1682"));
var data = Interactions.of(SyntheticData.generate(42, n, 20_000, 1_000_000));
var x = SparseRowMatrix.positives(data.users(), data.itemCount());
System.gc();
long start = System.nanoTime();
var ease = ExactEase.train(x, 200);
double seconds = (System.nanoTime() - start) / 1e9;
var rt = Runtime.getRuntime();
System.out.printf("exact EASE, %d items, %d users: %.1f s, heap in use %.2f GB (max %.2f GB)%n", data.itemCount(),
        data.users().size(), seconds, (rt.totalMemory() - rt.freeMemory()) / 1e9, rt.maxMemory() / 1e9);
/exit
