package dev.tfir.summarize.report;

import dev.tfir.common.detect.GraphSummary;
import dev.tfir.common.detect.InputInfo;
import dev.tfir.common.types.DTypes;

/** The report of OpenVINO's summarize_graph.py, byte for byte. */
public final class TextReport {
    private TextReport() {}

    public static String render(GraphSummary summary) {
        StringBuilder text = new StringBuilder();
        text.append(summary.inputs().size()).append(" input(s) detected:\n");
        for (InputInfo input : summary.inputs()) {
            text.append("Name: ").append(input.name())
                    .append(", type: ").append(DTypes.pythonName(input.dtype()))
                    .append(", shape: ").append(input.shape().toSummaryString()).append('\n');
        }
        text.append(summary.outputs().size()).append(" output(s) detected:\n");
        // The original prints the names with print(*names, sep="\n"): one line even when there are none.
        text.append(String.join("\n", summary.outputNames())).append('\n');
        return text.toString();
    }
}
