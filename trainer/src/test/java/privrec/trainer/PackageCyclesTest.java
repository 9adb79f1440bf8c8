package privrec.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * No package of the trainer depends on a package that depends back on it. Read from the main sources: every
 * {@code privrec.trainer.<package>.} name a file mentions (imports and qualified names alike) is an edge.
 */
class PackageCyclesTest {
    private static final Path SOURCES = Path.of("src/main/java/privrec/trainer");
    private static final Pattern REFERENCE = Pattern.compile("privrec\\.trainer\\.([a-z]+)\\.");

    static Map<String, Set<String>> packageGraph() throws IOException {
        Map<String, Set<String>> edges = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Path relative = SOURCES.relativize(file);
                String from = relative.getNameCount() == 1 ? "(root)" : relative.getName(0).toString();
                Set<String> to = edges.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals(from)) {
                        to.add(m.group(1));
                    }
                }
            }
        }
        return edges;
    }

    @Test
    void thePackagesFormALayering() throws IOException {
        Map<String, Set<String>> graph = packageGraph();
        assertTrue(graph.keySet().containsAll(List.of("cli", "data", "eval", "export", "model", "pipeline")), graph.toString());
        List<String> cycles = new ArrayList<>();
        for (String start : graph.keySet()) {
            findCycles(graph, start, start, new ArrayList<>(List.of(start)), cycles);
        }
        assertEquals(List.of(), cycles, "package cycles in the trainer; graph: " + graph);
    }

    @Test
    void theModelDoesNotDependOnItsEvaluation() throws IOException {
        Set<String> model = packageGraph().get("model");
        assertTrue(!model.contains("eval") && !model.contains("pipeline") && !model.contains("cli"),
                "model reaches " + model);
    }

    private static void findCycles(Map<String, Set<String>> graph, String start, String at, List<String> path,
                                   List<String> cycles) {
        for (String next : graph.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                cycles.add(String.join(" -> ", path) + " -> " + start);
            } else if (!path.contains(next) && next.compareTo(start) > 0) {
                path.add(next);
                findCycles(graph, start, next, path, cycles);
                path.remove(path.size() - 1);
            }
        }
    }
}
