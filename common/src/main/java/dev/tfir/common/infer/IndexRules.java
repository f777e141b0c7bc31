package dev.tfir.common.infer;

import static dev.tfir.common.infer.ShapeRule.one;

import dev.tfir.common.types.PartialShape;
import java.util.List;
import org.tensorflow.proto.DataType;

/**
 * Ops that pick or move elements by index or block: GatherNd, OneHot, TopKV2, the resizes, CropAndResize,
 * DepthToSpace, ExtractImagePatches, and Bucketize (an int32 bucket index per element).
 */
final class IndexRules {
    private IndexRules() {}

    /** The rule of this op type, or null when the op type is not of this family. */
    static ShapeRule forOp(String op) {
        return switch (op) {
            case "GatherNd" -> IndexRules::gatherNd;
            case "OneHot" -> IndexRules::oneHot;
            case "TopKV2" -> IndexRules::topK;
            case "ResizeNearestNeighbor" -> c -> resize(c, c.typeAttrOr("T", 0));
            case "ResizeBilinear", "ResizeBicubic", "ResizeArea" -> c -> resize(c, DataType.DT_FLOAT);
            case "CropAndResize" -> IndexRules::cropAndResize;
            case "DepthToSpace" -> c -> depthSpace(c, true);
            case "SpaceToDepth" -> c -> depthSpace(c, false);
            case "ExtractImagePatches" -> IndexRules::extractImagePatches;
            case "Bucketize" -> c -> one(DataType.DT_INT32, c.shape(0));
            default -> null;
        };
    }

    /** indices[:-1] + params[indices[-1]:]. */
    private static List<TensorType> gatherNd(NodeContext c) {
        PartialShape params = c.shape(0);
        PartialShape indices = c.shape(1);
        DataType dtype = c.typeAttrOr("Tparams", 0);
        if (!params.hasRank() || !indices.hasRank() || indices.rank() == 0
                || !Shapes.known(indices.dim(indices.rank() - 1))) {
            return one(dtype, PartialShape.unknownRank());
        }
        int depth = (int) indices.dim(indices.rank() - 1);
        if (depth > params.rank()) {
            throw new CannotInfer("indices of depth " + depth + " into params of rank " + params.rank());
        }
        long[] dims = new long[indices.rank() - 1 + params.rank() - depth];
        System.arraycopy(indices.dims(), 0, dims, 0, indices.rank() - 1);
        System.arraycopy(params.dims(), depth, dims, indices.rank() - 1, params.rank() - depth);
        return one(dtype, PartialShape.of(dims));
    }

    /** The indices' shape with the depth inserted at axis (-1: last). */
    private static List<TensorType> oneHot(NodeContext c) {
        PartialShape indices = c.shape(0);
        DataType dtype = c.typeAttrOr("T", 2);
        if (!indices.hasRank()) {
            return one(dtype, indices);
        }
        long axis = c.attrs().integer("axis", -1);
        if (axis < -1 || axis > indices.rank()) {
            throw new CannotInfer("axis " + axis + " for indices of rank " + indices.rank());
        }
        Long depth = c.intScalar(1);
        int at = axis < 0 ? indices.rank() : (int) axis;
        long[] dims = new long[indices.rank() + 1];
        for (int i = 0, n = 0; i < dims.length; i++) {
            dims[i] = i == at ? (depth == null ? PartialShape.UNKNOWN_DIM : depth) : indices.dim(n++);
        }
        return one(dtype, PartialShape.of(dims));
    }

    /** Values and indices: the input's shape with k as the last dim. */
    private static List<TensorType> topK(NodeContext c) {
        PartialShape input = Shapes.withRankAtLeast(c.shape(0), 1);
        DataType dtype = c.typeAttrOr("T", 0);
        DataType indexType = c.attrs().has("index_type") ? c.attrs().type("index_type") : DataType.DT_INT32;
        if (!input.hasRank()) {
            return List.of(new TensorType(dtype, input), new TensorType(indexType, input));
        }
        Long k = c.intScalar(1);
        long[] dims = input.dims();
        dims[dims.length - 1] = k == null ? PartialShape.UNKNOWN_DIM : k;
        return List.of(new TensorType(dtype, PartialShape.of(dims)), new TensorType(indexType, PartialShape.of(dims)));
    }

    /** NHWC images to the size in input 1: [N, height, width, C]. */
    private static List<TensorType> resize(NodeContext c, DataType dtype) {
        PartialShape images = Shapes.withRank(c.shape(0), 4);
        long[] size = c.ints(1);
        long[] dims = images.hasRank() ? images.dims() : new long[] {-1, -1, -1, -1};
        dims[1] = size != null && size.length == 2 ? size[0] : PartialShape.UNKNOWN_DIM;
        dims[2] = size != null && size.length == 2 ? size[1] : PartialShape.UNKNOWN_DIM;
        return one(dtype, PartialShape.of(dims));
    }

    /** [boxes, crop height, crop width, the image's channels], float32. */
    private static List<TensorType> cropAndResize(NodeContext c) {
        PartialShape image = Shapes.withRank(c.shape(0), 4);
        PartialShape boxes = Shapes.withRank(c.shape(1), 2);
        long[] crop = c.ints(3);
        boolean known = crop != null && crop.length == 2;
        return one(DataType.DT_FLOAT, PartialShape.of(boxes.hasRank() ? boxes.dim(0) : PartialShape.UNKNOWN_DIM,
                known ? crop[0] : PartialShape.UNKNOWN_DIM, known ? crop[1] : PartialShape.UNKNOWN_DIM,
                image.hasRank() ? image.dim(3) : PartialShape.UNKNOWN_DIM));
    }

    /** [N, windows down, windows across, ksize rows * ksize columns * C]. */
    private static List<TensorType> extractImagePatches(NodeContext c) {
        PartialShape images = Shapes.withRank(c.shape(0), 4);
        long[] sizes = c.attrs().ints("ksizes", new long[0]);
        long[] strides = c.attrs().ints("strides", new long[0]);
        long[] rates = c.attrs().ints("rates", new long[0]);
        if (sizes.length != 4 || strides.length != 4 || rates.length != 4) {
            throw new CannotInfer("ksizes, strides and rates need 4 values each");
        }
        boolean same = c.attrs().string("padding", "").equals("SAME");
        long[] dims = images.hasRank() ? images.dims() : new long[] {-1, -1, -1, -1};
        for (int i = 1; i < 3; i++) {
            dims[i] = Shapes.windowOutput(dims[i], sizes[i], rates[i], strides[i], 0, same);
        }
        dims[3] = Shapes.multiply(dims[3], sizes[1] * sizes[2]);
        return one(c.typeAttrOr("T", 0), PartialShape.of(dims));
    }

    /** Channels divided (to space) or multiplied (to depth) by block^2, height and width the other way. */
    private static List<TensorType> depthSpace(NodeContext c, boolean toSpace) {
        PartialShape input = Shapes.withRank(c.shape(0), 4);
        DataType dtype = c.typeAttrOr("T", 0);
        long block = c.attrs().integer("block_size", 0);
        if (block < 2) {
            throw new CannotInfer("block_size " + block + "; TensorFlow requires 2 or more");
        }
        boolean nchw = c.attrs().string("data_format", "NHWC").equals("NCHW");
        long[] dims = input.hasRank() ? input.dims() : new long[] {-1, -1, -1, -1};
        int channels = nchw ? 1 : 3;
        for (int i = 1; i < 4; i++) {
            if (Shapes.known(dims[i])) {
                boolean grows = (i == channels) != toSpace;
                dims[i] = grows ? dims[i] * (i == channels ? block * block : block)
                        : dims[i] / (i == channels ? block * block : block);
            }
        }
        return one(dtype, PartialShape.of(dims));
    }
}
