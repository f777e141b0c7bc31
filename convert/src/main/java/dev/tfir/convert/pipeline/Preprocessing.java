package dev.tfir.convert.pipeline;

import dev.tfir.common.types.PartialShape;
import dev.tfir.convert.options.LayoutSpec;
import dev.tfir.convert.options.NamedValues;
import dev.tfir.convert.options.ShapeText;
import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.Output;
import dev.tfir.convert.ops.Constants;
import dev.tfir.convert.ops.Elementwise;
import dev.tfir.convert.ops.Movement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The preprocessing mo embeds in front of an input, in mo's order: reverse the channels (RGB and BGR), subtract
 * the mean values, divide by the scale values. Per-channel values go along the channel axis: the layout's C, or
 * else the one axis of size 3 (axis 1 or 3 of a 4-D input), as mo guesses it.
 *
 * @param reverse     reverse the channels
 * @param mean        the values to subtract (one, or one per channel), or null
 * @param scale       the values to divide by, or null
 * @param channelAxis the channel axis, or -1 when no step needs it
 */
record Preprocessing(boolean reverse, double[] mean, double[] scale, int channelAxis) {
    private static final int RGB = 3;

    boolean isEmpty() {
        return !reverse && mean == null && scale == null;
    }

    /** The steps for each input, from --mean_values, --scale_values, --scale, --reverse_input_channels, --layout. */
    static List<Preprocessing> resolve(List<ModelInput> inputs, ConversionRequest request) {
        List<Predicate<String>> names = InputResolver.names(inputs);
        List<NamedValues.Group> means = groups(names, request.meanValues(), "--mean_values");
        List<NamedValues.Group> scales = groups(names, request.scaleValues(), "--scale_values");
        List<LayoutSpec.Named> layouts = request.layout() == null ? null
                : PerInput.match(names, request.layout().layouts(), LayoutSpec.Named::name, "--layout");
        List<Preprocessing> steps = new ArrayList<>();
        boolean anyReversed = false;
        for (int i = 0; i < inputs.size(); i++) {
            ModelInput input = inputs.get(i);
            double[] mean = means.get(i) == null ? null : means.get(i).values();
            double[] scale = request.scale() != null ? new double[] {request.scale()}
                    : scales.get(i) == null ? null : scales.get(i).values();
            LayoutSpec.Named layout = layouts == null ? null : layouts.get(i);
            boolean reverse = request.reverseChannels() && input.frozenValue() == null
                    && channelAxis(input, layout, RGB, false) >= 0;
            anyReversed |= reverse;
            steps.add(of(input, reverse, mean, scale, layout));
        }
        if (request.reverseChannels() && !anyReversed) {
            throw new ConversionException("--reverse_input_channels: no input has 3 channels on a known axis (a 4-D "
                    + "input with one axis of size 3, or a --layout with C)");
        }
        return steps;
    }

    private static Preprocessing of(ModelInput input, boolean reverse, double[] mean, double[] scale,
                                    LayoutSpec.Named layout) {
        if (!reverse && mean == null && scale == null) {
            return new Preprocessing(false, null, null, -1);
        }
        if (!input.type().isFloating()) {
            throw new ConversionException("input '" + input.name() + "' is " + input.type().irName() + "; mean, "
                    + "scale and channel reversal need a floating-point input (e.g. --input " + input.name()
                    + "{f32})");
        }
        int channels = Math.max(mean == null ? 0 : mean.length, scale == null ? 0 : scale.length);
        if (mean != null && scale != null && mean.length > 1 && scale.length > 1 && mean.length != scale.length) {
            throw new ConversionException("input '" + input.name() + "' has " + mean.length + " mean values but "
                    + scale.length + " scale values");
        }
        int axis = channels > 1 || reverse ? channelAxis(input, layout, reverse ? RGB : channels, true) : -1;
        return new Preprocessing(reverse, mean, scale, axis);
    }

    /** The channel axis of an input: the layout's C, or the guess; -1 (or an error when required) if none. */
    private static int channelAxis(ModelInput input, LayoutSpec.Named layout, int channels, boolean required) {
        PartialShape shape = input.shape();
        int axis = layout != null ? layout.indexOf('C') : guess(shape, channels);
        boolean fits = axis >= 0 && axis < shape.rank() && (shape.dim(axis) < 0 || shape.dim(axis) == channels);
        if (!fits && required) {
            throw new ConversionException("cannot tell the channel axis of input '" + input.name() + "' with shape "
                    + ShapeText.format(shape) + " for " + channels + " values per channel; give it with --layout, "
                    + "e.g. --layout " + input.name() + "(nhwc)");
        }
        return fits ? axis : -1;
    }

    /** mo's guess: the one axis of size 3 (of a 3-D, 4-D or 5-D input, first or last after the batch). */
    private static int guess(PartialShape shape, int channels) {
        if (channels != RGB) {
            return -1;
        }
        int found = -1;
        for (int i = 0; i < shape.rank(); i++) {
            if (shape.dim(i) == RGB) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        int rank = shape.rank();
        boolean allowed = switch (rank) {
            case 3 -> found == 0 || found == 2;
            case 4 -> found == 1 || found == 3;
            case 5 -> found == 1 || found == 4;
            default -> false;
        };
        return allowed ? found : -1;
    }

    private static List<NamedValues.Group> groups(List<Predicate<String>> names,
                                                  NamedValues values, String option) {
        return PerInput.match(names, values == null ? List.of() : values.groups(), NamedValues.Group::name, option);
    }

    /** Puts the steps in front of {@code input}; the nodes are named after {@code name}. */
    Output apply(Output input, String name) {
        Output x = input;
        if (reverse) {
            x = named(Movement.gather(x, Constants.i64(2, 1, 0), channelAxis), name + "/reverse_channels");
        }
        if (mean != null) {
            x = named(Elementwise.binary("Subtract", x, perChannel(x, mean)), name + "/mean");
        }
        if (scale != null) {
            x = named(Elementwise.binary("Divide", x, perChannel(x, scale)), name + "/scale");
        }
        return x;
    }

    /** A constant broadcasting along the channel axis (or a single value for all elements). */
    private Output perChannel(Output x, double[] values) {
        long[] shape = new long[x.rank()];
        Arrays.fill(shape, 1);
        if (values.length > 1) {
            shape[channelAxis] = values.length;
        }
        return Constants.of(ConstTensor.ofDoubles(x.type(), shape, values));
    }

    private static Output named(Output output, String name) {
        output.node().setName(name);
        output.node().keepPrecision();
        return output;
    }

    /** The steps as the summary shows them, e.g. {@code mean [127.5,127.5,127.5], scale 127.5}. */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (reverse) {
            parts.add("channels reversed");
        }
        if (mean != null) {
            parts.add("mean " + numbers(mean));
        }
        if (scale != null) {
            parts.add("scale " + numbers(scale));
        }
        return String.join(", ", parts);
    }

    private static String numbers(double[] values) {
        String list = Arrays.stream(values).mapToObj(v -> v == Math.rint(v) ? Long.toString((long) v)
                : Double.toString(v)).collect(Collectors.joining(","));
        return values.length == 1 ? list : "[" + list + "]";
    }
}
