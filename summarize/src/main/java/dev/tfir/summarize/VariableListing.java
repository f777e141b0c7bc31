package dev.tfir.summarize;

import dev.tfir.common.checkpoint.Checkpoint;
import dev.tfir.common.checkpoint.VariableInfo;
import dev.tfir.common.types.DTypes;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The variables of a checkpoint, one a line, sorted by name, as {@code tf.train.list_variables} lists them, with
 * the dtype: {@code name<TAB>dtype<TAB>[d0,d1,...]}. Only the checkpoint's index is read, not the values.
 */
final class VariableListing {
    private VariableListing() {}

    static String render(Path checkpointPath) {
        StringBuilder text = new StringBuilder();
        try (Checkpoint checkpoint = Checkpoint.open(checkpointPath)) {
            for (VariableInfo variable : checkpoint.variables()) {
                text.append(variable.name()).append('\t').append(DTypes.pythonName(variable.dtype())).append('\t')
                        .append(LongStream.of(variable.shape()).mapToObj(Long::toString)
                                .collect(Collectors.joining(",", "[", "]")))
                        .append('\n');
            }
        }
        return text.toString();
    }
}
