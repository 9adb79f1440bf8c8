package privrec.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The client's package structure, read from the main sources: every reference to another client package (an
 * import or a fully qualified name in code) is an edge. There must be no cycle, and the browser-free packages
 * ({@code app}, {@code vault}, {@code model}) must never reach the browser bindings ({@code js.*}) — those are
 * wired in {@code Main} and {@code browser} only.
 */
class PackageDependenciesTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package (privrec\\.client[\\w.]*);", Pattern.MULTILINE);
    /** A client class named in code: package segments in lower case, then a capitalised class name. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(privrec\\.client(?:\\.[a-z]\\w*)*)\\.[A-Z]");

    @Test
    void clientPackagesFormNoCycle() throws IOException {
        Map<String, Set<String>> graph = dependencies();
        assertTrue(graph.size() >= 10, "found the client's packages: " + graph.keySet());
        graph.forEach((from, to) -> System.out.println("client-java package " + from + " -> " + to));
        List<List<String>> cycles = stronglyConnected(graph).stream().filter(c -> c.size() > 1).toList();
        System.out.println("client-java: " + graph.size() + " packages, " + cycles.size() + " cycles");
        assertEquals(List.of(), cycles, "package cycles in client-java; edges: " + graph);
    }

    @Test
    void browserFreePackagesNeverImportTheBindings() throws IOException {
        Map<String, Set<String>> graph = dependencies();
        for (String pkg : List.of("privrec.client.app", "privrec.client.vault", "privrec.client.model")) {
            for (String target : graph.getOrDefault(pkg, Set.of())) {
                assertTrue(!target.startsWith("privrec.client.js") && !target.equals("privrec.client.browser"),
                        pkg + " depends on " + target);
            }
        }
    }

    @Test
    void theCheckFindsACycle() {
        Map<String, Set<String>> graph = new TreeMap<>();
        graph.put("a", Set.of("b"));
        graph.put("b", Set.of("c"));
        graph.put("c", Set.of("a"));
        graph.put("d", Set.of("a"));
        assertEquals(List.of(List.of("a", "b", "c")),
                stronglyConnected(graph).stream().filter(c -> c.size() > 1).map(c -> c.stream().sorted().toList())
                        .toList());
    }

    /** Package → the other client packages its classes name. */
    static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path file : files) {
            // Javadoc {@link} references are not dependencies of the code: drop comments first.
            String code = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
            Matcher pm = PACKAGE.matcher(code);
            if (!pm.find()) {
                continue;
            }
            String pkg = pm.group(1);
            Set<String> targets = graph.computeIfAbsent(pkg, k -> new TreeSet<>());
            Matcher rm = REFERENCE.matcher(code.substring(pm.end()));
            while (rm.find()) {
                String target = rm.group(1);
                if (!target.equals(pkg)) {
                    targets.add(target);
                }
            }
        }
        return graph;
    }

    /** Tarjan's strongly connected components. */
    static List<List<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String node : graph.keySet()) {
            if (!index.containsKey(node)) {
                visit(node, graph, index, low, stack, onStack, out, counter);
            }
        }
        return out;
    }

    private static void visit(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
                              Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                              List<List<String>> out, int[] counter) {
        index.put(node, counter[0]);
        low.put(node, counter[0]);
        counter[0]++;
        stack.push(node);
        onStack.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                visit(next, graph, index, low, stack, onStack, out, counter);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            List<String> component = new ArrayList<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            out.add(component);
        }
    }
}
