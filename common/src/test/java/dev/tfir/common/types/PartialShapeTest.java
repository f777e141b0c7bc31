package dev.tfir.common.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.proto.TensorShapeProto;

/**
 * The expected strings are what TensorFlow 2.17 prints for {@code str(tf.compat.v1.TensorShape(proto))} with
 * {@code tf.compat.v1.disable_v2_tensorshape()}, after summarize_graph.py's {@code replace(' ', '')} and
 * {@code replace('?', '-1')}.
 */
class PartialShapeTest {
    private static TensorShapeProto proto(long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
        }
        return shape.build();
    }

    @Test
    void printsLikeSummarizeGraph() {
        assertEquals("(-1,224,224,3)", PartialShape.fromProto(proto(-1, 224, 224, 3)).toSummaryString());
        assertEquals("()", PartialShape.fromProto(proto()).toSummaryString());
        assertEquals("(-1,)", PartialShape.fromProto(proto(-1)).toSummaryString());
        assertEquals("(3,)", PartialShape.fromProto(proto(3)).toSummaryString());
        assertEquals("<unknown>",
                PartialShape.fromProto(TensorShapeProto.newBuilder().setUnknownRank(true).build()).toSummaryString());
    }

    @Test
    void countsElementsOnlyWhenFullyDefined() {
        assertEquals(150528, PartialShape.of(1, 224, 224, 3).elementCount());
        assertEquals(-1, PartialShape.of(-1, 224, 224, 3).elementCount());
        assertEquals(1, PartialShape.of().elementCount());
        assertEquals(-1, PartialShape.unknownRank().elementCount());
    }
}
