package dev.tfir.convert.translate.op;

import static dev.tfir.convert.ir.ElementType.F32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.translate.TfTensor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;

/**
 * Reductions, ArgMax, Shape and Cast translated alone on inputs made in memory; expected element types and shapes
 * are TensorFlow's: a reduction drops its axes (or keeps them as 1), ArgMax drops its dimension and gives int64
 * unless {@code output_type} says otherwise, Shape gives {@code out_type} (int32 by default), Cast gives DstT.
 */
class AxisTranslatorsTest {
    @Test
    void meanDropsOrKeepsItsAxes() {
        Output dropped = InMemoryNode.of("Mean").input(F32, 2, 7, 7, 5).constant(ConstTensor.vector(ElementType.I32,
                1, 2)).translateOne(ReduceTranslators.reduction("ReduceMean")).tfLayout();
        assertEquals("ReduceMean", dropped.node().type());
        assertArrayEquals(new long[] {2, 5}, dropped.shape().dims());
        Output kept = InMemoryNode.of("Mean").input(F32, 2, 7, 7, 5).constant(ConstTensor.vector(ElementType.I32,
                -3, -2)).attr("keep_dims", true).translateOne(ReduceTranslators.reduction("ReduceMean")).tfLayout();
        assertArrayEquals(new long[] {2, 1, 1, 5}, kept.shape().dims());
    }

    @Test
    void argMaxGivesInt64UnlessTold() {
        Output i64 = InMemoryNode.of("ArgMax").input(F32, 4, 10).constant(ConstTensor.ofLongs(ElementType.I32,
                new long[0], 1)).translateOne(ReduceTranslators::argMax).tfLayout();
        assertEquals(ElementType.I64, i64.type());
        assertArrayEquals(new long[] {4}, i64.shape().dims());
        Output i32 = InMemoryNode.of("ArgMax").input(F32, 4, 10).constant(ConstTensor.ofLongs(ElementType.I32,
                new long[0], 0)).attr("output_type", DataType.DT_INT32).translateOne(ReduceTranslators::argMax)
                .tfLayout();
        assertEquals(ElementType.I32, i32.type());
        assertArrayEquals(new long[] {10}, i32.shape().dims());
    }

    @Test
    void shapeOfAStaticInputIsAConstant() {
        Output shape = InMemoryNode.of("Shape").input(F32, 2, 3).attr("out_type", DataType.DT_INT32)
                .translateOne(ShapeTranslators::shape).tfLayout();
        assertTrue(shape.isConstant());
        assertEquals(ElementType.I32, shape.type());
        assertArrayEquals(new long[] {2, 3}, shape.constant().longs());
    }

    @Test
    void castGivesDstT() {
        Output half = InMemoryNode.of("Cast").input(F32, 2, 3).attr("DstT", DataType.DT_HALF)
                .translateOne(ShapeTranslators::cast).tfLayout();
        assertEquals("Convert", half.node().type());
        assertEquals(ElementType.F16, half.type());
        assertArrayEquals(new long[] {2, 3}, half.shape().dims());
    }

    @Test
    void lrnTakesTheBiasOutOfOpenVinosLrn() {
        TfTensor y = InMemoryNode.of("LRN").input(F32, 1, 4, 4, 8)
                .attr("depth_radius", AttrValue.newBuilder().setI(2).build())
                .attr("bias", AttrValue.newBuilder().setF(2f).build())
                .attr("alpha", AttrValue.newBuilder().setF(0.5f).build())
                .attr("beta", AttrValue.newBuilder().setF(1f).build()).translateOne(ReduceTranslators::lrn);
        Output scaled = y.stored();
        assertEquals("Multiply", scaled.node().type());
        assertEquals(0.5, scaled.node().input(1).constant().doubles()[0], 1e-7);
        Output lrn = scaled.node().input(0);
        assertEquals("LRN", lrn.node().type());
        assertEquals(1.0, Double.parseDouble(lrn.node().attributes().get("bias")));
        assertEquals(1.25, Double.parseDouble(lrn.node().attributes().get("alpha")), 1e-7);
        assertEquals("5", lrn.node().attributes().get("size"));
        assertArrayEquals(new long[] {1, 4, 4, 8}, y.tfLayout().shape().dims());
    }

    @Test
    void sliceShapeNAndBroadcastsOfStaticAndDynamicShapes() {
        Output slice = InMemoryNode.of("Slice").input(F32, -1, 5, 6).constant(ConstTensor.vector(ElementType.I32, 1,
                0, 2)).constant(ConstTensor.vector(ElementType.I32, -1, 2, -1)).translateOne(ShapeTranslators::slice)
                .tfLayout();
        assertEquals("Slice", slice.node().type());
        assertArrayEquals(new long[] {-1, 2, 4}, slice.shape().dims());
        List<TfTensor> shapes = InMemoryNode.of("ShapeN").input(F32, 2, 3).input(F32, -1, 4)
                .translate(ShapeTranslators::shapeN);
        assertTrue(shapes.get(0).tfLayout().isConstant());
        assertEquals("ShapeOf", shapes.get(1).tfLayout().node().type());
        Output broadcast = InMemoryNode.of("BroadcastTo").input(F32, 3, 1).input(ElementType.I64, 3)
                .translateOne(FillTranslators::broadcastTo).tfLayout();
        assertArrayEquals(new long[] {-1, -1, -1}, broadcast.shape().dims());
        Output args = InMemoryNode.of("BroadcastArgs").constant(ConstTensor.vector(ElementType.I32, 2, 1, 3))
                .constant(ConstTensor.vector(ElementType.I32, 4, 1)).translateOne(FillTranslators::broadcastArgs)
                .tfLayout();
        assertArrayEquals(new long[] {2, 4, 3}, args.constant().longs());
    }

    @Test
    void adjustContrastScalesAroundTheMeanOverHeightAndWidth() {
        Output y = InMemoryNode.of("AdjustContrastv2").input(F32, 2, 4, 5, 3).input(F32)
                .translateOne(ReduceTranslators::adjustContrast).stored();
        assertEquals("Add", y.node().type());
        assertArrayEquals(new long[] {2, 4, 5, 3}, y.shape().dims());
        Output mean = y.node().input(1);
        assertEquals("ReduceMean", mean.node().type());
        assertArrayEquals(new long[] {1, 2}, mean.node().input(1).constant().longs());
    }
}
