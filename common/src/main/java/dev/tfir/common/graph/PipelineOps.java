package dev.tfir.common.graph;

import java.util.Set;

/**
 * The ops that hand a graph the elements of its input pipeline: a tf.data iterator's IteratorGetNext and a TF1
 * queue's dequeues (tf.compat.v1.train.batch and shuffle_batch dequeue many, or up to a batch with
 * allow_smaller_final_batch). A graph frozen with its pipeline reads its data from their outputs, which mo and ovc
 * make the model's inputs.
 */
public final class PipelineOps {
    private static final Set<String> OPS = Set.of("IteratorGetNext", "IteratorGetNextSync", "QueueDequeue",
            "QueueDequeueV2", "QueueDequeueMany", "QueueDequeueManyV2", "QueueDequeueUpTo", "QueueDequeueUpToV2");

    private PipelineOps() {}

    /** Whether the op's outputs are input-pipeline elements. */
    public static boolean isPipelineOp(String op) {
        return OPS.contains(op);
    }
}
