package dev.tfir.common.detect;

import dev.tfir.common.types.PartialShape;
import org.tensorflow.proto.DataType;

/** A graph input: a Placeholder's name, element type and declared shape. */
public record InputInfo(String name, DataType dtype, PartialShape shape) {}
