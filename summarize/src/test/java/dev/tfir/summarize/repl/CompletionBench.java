package dev.tfir.summarize.repl;

import dev.tfir.common.graph.TfGraph;
import dev.tfir.common.model.LoadedModel;
import dev.tfir.common.model.ModelSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * Benchmark (not a test): Tab completion of node names on a synthetic graph of 100,000 nodes in nested scopes.
 * Run by bench/completion_bench.sh; prints the median and worst time per completion for several prefixes.
 */
public final class CompletionBench {
    private static final int BLOCKS = 100;
    private static final int LAYERS = 10;
    private static final int OPS = 100;
    private static final int RUNS = 200;
    private static final AttrValue FLOAT = AttrValue.newBuilder().setType(DataType.DT_FLOAT).build();

    private CompletionBench() {}

    public static void main(String[] args) {
        GraphDef.Builder graph = GraphDef.newBuilder();
        String previous = null;
        for (int b = 0; b < BLOCKS; b++) {
            for (int l = 0; l < LAYERS; l++) {
                for (int o = 0; o < OPS; o++) {
                    String name = "Net/block_" + b + "/layer_" + l + "/op_" + o;
                    NodeDef.Builder node = NodeDef.newBuilder().setName(name).setOp(previous == null ? "Placeholder" : "Relu")
                            .putAttr(previous == null ? "dtype" : "T", FLOAT);
                    if (previous != null) {
                        node.addInput(previous);
                    }
                    graph.addNode(node);
                    previous = name;
                }
            }
        }
        GraphDef built = graph.build();
        long start = System.nanoTime();
        GraphSession session = new GraphSession(ModelSource.graphFile(Path.of("synthetic.pb")),
                new LoadedModel(new TfGraph(built, "synthetic"), built, "GraphDef"));
        System.out.printf("graph: %d nodes; session (indexes) built in %.1f ms%n", built.getNodeCount(),
                (System.nanoTime() - start) / 1e6);
        NodeCompleter completer = new NodeCompleter(session, new java.util.LinkedHashMap<>(
                java.util.Map.of("show", new SimpleCommand("show", "show <node>", "", ShellCommand.Completion.NODE,
                        (a, c) -> { }))));
        DefaultParser parser = new DefaultParser();
        for (String line : List.of("show ", "show Net/", "show Net/block_4", "show Net/block_42/", "show Net/block_42/layer_7/op_9")) {
            ParsedLine parsed = parser.parse(line, line.length());
            double[] times = new double[RUNS];
            int candidates = 0;
            for (int i = 0; i < RUNS; i++) {
                List<Candidate> found = new ArrayList<>();
                long t = System.nanoTime();
                completer.complete(null, parsed, found);
                times[i] = (System.nanoTime() - t) / 1e6;
                candidates = found.size();
            }
            Arrays.sort(times);
            System.out.printf("%-36s %4d candidates  median %.3f ms  worst %.3f ms%n", "'" + line + "'", candidates,
                    times[RUNS / 2], times[RUNS - 1]);
        }
    }
}
