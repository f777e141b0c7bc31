package dev.tfir.summarize;

import dev.tfir.common.checkpoint.Checkpoint;
import dev.tfir.common.model.CheckpointMatch;
import dev.tfir.summarize.report.Json;
import java.util.stream.Collectors;

/**
 * What {@code --input_checkpoint} adds to the report: the checkpoint, the variables the graph uses from it (count,
 * parameters, bytes), how many of its tensors the graph does not use, and every mismatch between graph and
 * checkpoint. The text goes after summarize_graph.py's lines, behind a blank line, so those stay byte-identical.
 */
final class CheckpointReport {
    private CheckpointReport() {}

    static String text(Checkpoint checkpoint, CheckpointMatch match) {
        StringBuilder text = new StringBuilder("\n");
        text.append(match.variables()).append(" variable(s) in checkpoint ").append(checkpoint.path()).append(" (")
                .append(checkpoint.format()).append(", ").append(checkpoint.variables().size()).append(" tensors): ")
                .append(match.parameters()).append(" parameters, ").append(match.bytes()).append(" bytes; ")
                .append(match.unused()).append(" checkpoint tensor(s) not used by the graph\n");
        text.append(match.mismatches().size()).append(" mismatch(es) between graph and checkpoint")
                .append(match.mismatches().isEmpty() ? "\n" : ":\n");
        match.mismatches().forEach(m -> text.append("  ").append(m).append('\n'));
        return text.toString();
    }

    /** The JSON object for the report's {@code "checkpoint"} member. */
    static String json(Checkpoint checkpoint, CheckpointMatch match) {
        return "{\"path\": " + Json.string(checkpoint.path().toString()) + ", \"format\": "
                + Json.string(checkpoint.format().name()) + ", \"tensors\": " + checkpoint.variables().size()
                + ", \"variables\": " + match.variables() + ", \"parameters\": " + match.parameters()
                + ", \"bytes\": " + match.bytes() + ", \"unused\": " + match.unused() + ", \"mismatches\": "
                + match.mismatches().stream().map(Json::string).collect(Collectors.joining(", ", "[", "]")) + "}";
    }
}
