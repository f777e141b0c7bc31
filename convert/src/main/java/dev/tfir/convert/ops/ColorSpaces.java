package dev.tfir.convert.ops;

import dev.tfir.convert.ir.Output;
import java.util.List;

/**
 * TensorFlow's colour kernels on RGB or HSV images ([..., 3], channels last), computed channel by channel as the
 * kernels compute them: RGBToHSV's and HSVToRGB's Eigen expressions, and the CPU kernels of AdjustSaturation and
 * AdjustHue (hue in sixths of a turn: 0 red, 2 green, 4 blue). Each channel of the way back is
 * {@code low + chroma * d(hue)}, d a clamped triangle of the hue (1 over the third of the circle the channel leads,
 * 0 over the opposite third), which is what the kernels' six cases of the hue give.
 */
public final class ColorSpaces {
    private ColorSpaces() {}

    /** RGBToHSV: v the largest channel, s its range over v (0 for v <= 0), h in [0, 1). */
    public static Output rgbToHsv(Output rgb) {
        Rgb c = Rgb.of(rgb);
        Output saturation = Elementwise.select(binary("Greater", c.max, scalar(rgb, 0)),
                binary("Divide", c.range, c.max), scalar(rgb, 0));
        return join(List.of(hue(c), saturation, c.max));
    }

    /** HSVToRGB: {@code (1 - s + s * d(6 h)) * v} for each channel. */
    public static Output hsvToRgb(Output hsv) {
        Output h = channel(hsv, 0);
        Output s = channel(hsv, 1);
        Output v = channel(hsv, 2);
        Output oneMinusS = binary("Subtract", scalar(hsv, 1), s);
        return join(triangles(binary("Multiply", h, scalar(hsv, 6))).stream()
                .map(d -> binary("Multiply", Elementwise.add(oneMinusS, binary("Multiply", s, d)), v)).toList());
    }

    /**
     * AdjustSaturation: s multiplied by the scale and clamped to [0, 1], the colour rebuilt from h, the new s and v
     * ({@code v - c + c * d(6 h)}, c = s v); as the CPU kernel, a hue that rounded to a full turn (6 h = 6) gives
     * grey.
     */
    public static Output adjustSaturation(Output rgb, Output scale) {
        Rgb c = Rgb.of(rgb);
        Output saturation = Elementwise.select(binary("Greater", c.max, scalar(rgb, 0)),
                binary("Divide", c.range, c.max), scalar(rgb, 0));
        saturation = Elementwise.clamp(binary("Multiply", saturation, scale), 0, 1);
        Output sixths = binary("Multiply", hue(c), scalar(rgb, 6));
        Output chroma = Elementwise.select(binary("Less", sixths, scalar(rgb, 6)),
                binary("Multiply", saturation, c.max), scalar(rgb, 0));
        return fromHue(sixths, binary("Subtract", c.max, chroma), chroma);
    }

    /** AdjustHue: the hue turned by delta turns (kept in [0, 6) sixths), the smallest and largest channel kept. */
    public static Output adjustHue(Output rgb, Output delta) {
        Rgb c = Rgb.of(rgb);
        Output sixths = Elementwise.add(binary("Multiply", hue(c), scalar(rgb, 6)),
                binary("Multiply", delta, scalar(rgb, 6)));
        return fromHue(binary("FloorMod", sixths, scalar(rgb, 6)), c.min, c.range);
    }

    /** The channels, their largest and smallest, and the range between. */
    private record Rgb(Output r, Output g, Output b, Output max, Output min, Output range) {
        static Rgb of(Output rgb) {
            Output r = channel(rgb, 0);
            Output g = channel(rgb, 1);
            Output b = channel(rgb, 2);
            Output max = binary("Maximum", binary("Maximum", r, g), b);
            Output min = binary("Minimum", binary("Minimum", r, g), b);
            return new Rgb(r, g, b, max, min, binary("Subtract", max, min));
        }
    }

    /**
     * RGBToHSV's hue in [0, 1): with {@code norm = 1 / range / 6}, {@code norm * (g - b)} where r is the largest,
     * else {@code norm * (b - r) + 2/6} where g is, else {@code norm * (r - g) + 4/6}; 0 for a grey; 1 added below 0.
     */
    private static Output hue(Rgb c) {
        Output norm = binary("Multiply", binary("Divide", scalar(c.r, 1), c.range), scalar(c.r, 1.0 / 6));
        Output fromRed = binary("Multiply", norm, binary("Subtract", c.g, c.b));
        Output fromGreen = Elementwise.add(binary("Multiply", norm, binary("Subtract", c.b, c.r)),
                scalar(c.r, 2.0 / 6));
        Output fromBlue = Elementwise.add(binary("Multiply", norm, binary("Subtract", c.r, c.g)),
                scalar(c.r, 4.0 / 6));
        Output h = Elementwise.select(binary("Equal", c.r, c.max), fromRed,
                Elementwise.select(binary("Equal", c.g, c.max), fromGreen, fromBlue));
        h = Elementwise.select(binary("Greater", c.range, scalar(c.r, 0)), h, scalar(c.r, 0));
        return Elementwise.select(binary("Less", h, scalar(c.r, 0)), Elementwise.add(h, scalar(c.r, 1)), h);
    }

    /** Each channel {@code low + chroma * d(sixths)}, joined. */
    private static Output fromHue(Output sixths, Output low, Output chroma) {
        return join(triangles(sixths).stream().map(d -> Elementwise.add(low, binary("Multiply", chroma, d))).toList());
    }

    /**
     * The share of the chroma in red, green and blue at a hue in sixths: {@code clamp(|h - 3| - 1)},
     * {@code clamp(2 - |h - 2|)}, {@code clamp(2 - |h - 4|)}, each clamped to [0, 1].
     */
    private static List<Output> triangles(Output sixths) {
        Output red = binary("Subtract", distance(sixths, 3), scalar(sixths, 1));
        Output green = binary("Subtract", scalar(sixths, 2), distance(sixths, 2));
        Output blue = binary("Subtract", scalar(sixths, 2), distance(sixths, 4));
        return List.of(red, green, blue).stream().map(d -> Elementwise.clamp(d, 0, 1)).toList();
    }

    private static Output distance(Output x, double to) {
        return Elementwise.unary("Abs", "opset1", binary("Subtract", x, scalar(x, to)));
    }

    /** Channel i of the last axis, that axis removed. */
    private static Output channel(Output image, int i) {
        return Movement.gather(image, Constants.i64Scalar(i), -1);
    }

    private static Output join(List<Output> channels) {
        int axis = channels.get(0).rank();
        return Movement.concat(channels.stream().map(c -> Movement.unsqueeze(c, axis)).toList(), axis);
    }

    private static Output binary(String type, Output a, Output b) {
        return Elementwise.binary(type, a, b);
    }

    private static Output scalar(Output like, double value) {
        return Constants.scalar(like.type(), value);
    }
}
