package dev.tfir.common.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * No package-level import cycle among the main sources of the modules listed: a package that reaches another must
 * not be reached back. Dependencies are read from the sources (imports, static imports and qualified names of
 * tfir classes), so the check needs no compiled classes and covers every module from here.
 */
class PackageCyclesTest {
    /** The modules checked; add one here (summarize, once summarize and summarize.repl no longer import each other). */
    private static final List<String> MODULES = List.of("common", "cli", "convert", "summarize", "dist");

    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\b(dev\\.tfir(?:\\.[a-z]\\w*)*)\\.[A-Z]");

    @Test
    void mainSourcesHaveNoPackageCycle() {
        Path root = Path.of("").toAbsolutePath().getParent();
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String module : MODULES) {
            Path sources = root.resolve(module).resolve("src/main/java");
            assertTrue(Files.isDirectory(sources), sources + " is missing");
            read(sources, graph);
        }
        assertEquals(List.of(), cycles(graph), "packages that import each other (each list is one cycle)");
    }

    @Test
    void findsCyclesAndOnlyThem() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "d"),
                "d", Set.of(), "e", Set.of("d"));
        assertEquals(List.of(List.of("a", "b", "c")), cycles(graph));
        assertEquals(List.of(), cycles(Map.of("a", Set.of("b"), "b", Set.of())));
    }

    /** Each package of the sources with the tfir packages its files refer to. */
    private static void read(Path sources, Map<String, Set<String>> graph) {
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(text);
                assertTrue(pkg.find(), file + " has no package line");
                Set<String> uses = graph.computeIfAbsent(pkg.group(1), p -> new TreeSet<>());
                Matcher reference = REFERENCE.matcher(text.substring(pkg.end()));
                while (reference.find()) {
                    if (!reference.group(1).equals(pkg.group(1))) {
                        uses.add(reference.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The strongly connected components of more than one package (Tarjan), each sorted, sorted by first name. */
    static List<List<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<List<String>> cycles = new ArrayList<>();
        for (String node : new TreeSet<>(graph.keySet())) {
            if (!index.containsKey(node)) {
                connect(node, graph, index, low, stack, cycles);
            }
        }
        cycles.sort((a, b) -> a.get(0).compareTo(b.get(0)));
        return cycles;
    }

    private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, List<List<String>> cycles) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!graph.containsKey(next)) {
                continue; // a package of another module not checked, or a class name taken for a package
            }
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, cycles);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (stack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            List<String> component = new ArrayList<>();
            String member;
            do {
                member = stack.pop();
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                component.sort(null);
                cycles.add(component);
            }
        }
    }
}
