package dev.tfir.common.infer;

/** Computes the value of one output of a node from the known values and shapes of its inputs. */
@FunctionalInterface
interface ValueFolder {
    /**
     * @param port the output
     * @param shape that output's inferred shape, fully defined
     * @return the value, or null when it cannot be known
     */
    KnownValue fold(NodeContext node, int port, long[] shape);
}
