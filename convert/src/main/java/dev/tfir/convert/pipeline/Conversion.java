package dev.tfir.convert.pipeline;

import dev.tfir.common.graph.TensorRef;
import dev.tfir.convert.ir.IrModel;
import java.util.List;
import org.tensorflow.proto.NodeDef;

/**
 * A converted model with what the summary tells about it.
 *
 * @param model           the IR model
 * @param inputs          the model inputs (including frozen ones), in order
 * @param preprocessing   the preprocessing of each input
 * @param outputs         the TF tensors that became the outputs, in order
 * @param furtherInputs   Placeholders that became inputs besides those {@code --input} names (the outputs need them)
 * @param unreached       detected outputs left out: no model input reaches them
 * @param unneeded        Placeholders left out: the outputs do not need them
 * @param translatedNodes how many TF nodes were translated
 * @param form            what was read ("GraphDef", "SavedModel"...)
 * @param conditionals    what was done with TF1 conditionals (tf.cond's Switch/Merge), or null
 */
public record Conversion(IrModel model, List<ModelInput> inputs, List<String> preprocessing,
                         List<TensorRef> outputs, List<String> furtherInputs, List<NodeDef> unreached,
                         List<String> unneeded, int translatedNodes, String form, String conditionals) {}
