package dev.tfir.convert.pipeline;

import dev.tfir.common.graph.TensorRef;
import dev.tfir.convert.ir.IrModel;
import java.util.List;

/**
 * A converted model with what the summary tells about it.
 *
 * @param model           the IR model
 * @param inputs          the model inputs (including frozen ones), in order
 * @param preprocessing   the preprocessing of each input
 * @param outputs         the TF tensors that became the outputs, in order
 * @param translatedNodes how many TF nodes were translated
 * @param form            what was read ("GraphDef", "SavedModel"...)
 */
public record Conversion(IrModel model, List<ModelInput> inputs, List<String> preprocessing,
                         List<TensorRef> outputs, int translatedNodes, String form) {}
