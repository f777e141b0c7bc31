package dev.tfir.summarize.ir;

/** An {@code <edge>}: from an output port of one layer to an input port of another (port ids as in the file). */
public record IrEdge(int fromLayer, int fromPort, int toLayer, int toPort) {}
