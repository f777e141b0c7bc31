package dev.tfir.summarize;

import dev.tfir.common.checkpoint.Checkpoint;
import dev.tfir.common.checkpoint.VariableInfo;
import dev.tfir.common.types.DTypes;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The variables of a checkpoint, one a line, sorted by name, as {@code tf.train.list_variables} lists them, with
 * the dtype: {@code name<TAB>dtype<TAB>[d0,d1,...]}. Only the checkpoint's index is read, not the values, unless
 * asked to verify them.
 */
final class VariableListing {
    private VariableListing() {}

    /** With {@code verify}, every tensor is also read (its CRC32C checked) and a last line says how much. */
    static String render(Path checkpointPath, boolean verify) {
        StringBuilder text = new StringBuilder();
        try (Checkpoint checkpoint = Checkpoint.open(checkpointPath)) {
            for (VariableInfo variable : checkpoint.variables()) {
                text.append(variable.name()).append('\t').append(DTypes.pythonName(variable.dtype())).append('\t')
                        .append(LongStream.of(variable.shape()).mapToObj(Long::toString)
                                .collect(Collectors.joining(",", "[", "]")))
                        .append('\n');
            }
            if (verify) {
                long bytes = 0;
                for (VariableInfo variable : checkpoint.variables()) {
                    bytes += checkpoint.verify(variable.name());
                }
                text.append("verified ").append(checkpoint.variables().size()).append(" tensors (").append(bytes)
                        .append(" bytes of values): every checksum matches\n");
            }
        }
        return text.toString();
    }
}
