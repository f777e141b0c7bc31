package dev.tfir.convert.ops;

import dev.tfir.convert.ir.ConstTensor;
import dev.tfir.convert.ir.ConversionException;
import dev.tfir.convert.ir.ElementType;
import dev.tfir.convert.ir.Output;
import java.util.Arrays;

/**
 * TensorFlow's Bitcast (the same bytes read as another element type). OpenVINO has no such op, so tfir computes it
 * where that is exact: of a constant, at conversion (the bytes reinterpreted, a dim added or removed when the widths
 * differ, as TensorFlow does); of run-time f32 values to i32, from the float's value (Keras's {@code signbit}, as its
 * argmax uses in every detector's decoding, tests the sign bit of {@code bitcast(x, int32)}): the biased exponent is
 * the number of powers of two 2^-126..2^127 at most |x| (Bucketize), the significand |x| times 2^(127 - exponent)
 * (as two normal factors: OpenVINO's CPU flushes subnormals), less the implicit 1, times 2^23, all exact; -0.0 is told from 0.0 by the sign of 1/x. Infinities give their bits; every
 * NaN gives 0x7fc00000 (TensorFlow keeps a NaN's sign and payload, which no OpenVINO op can read).
 */
public final class Bitcasts {
    private static final int MANTISSA_BITS = 23;
    private static final int BIAS = 127;
    /** The largest biased exponent of a finite f32. */
    private static final int MAX_EXPONENT = 254;
    /** The significand of the quiet NaN 0x7fc00000. */
    private static final long QUIET_NAN = 1L << (MANTISSA_BITS - 1);

    private Bitcasts() {}

    /** x's bits as the target type; a ConversionException for run-time values of another pair of types. */
    public static Output bitcast(Output x, ElementType target) {
        if (x.type() == target) {
            return x;
        }
        if (x.isConstant()) {
            return Constants.of(reinterpreted(x.constant(), target));
        }
        if (x.type() == ElementType.F32 && target == ElementType.I32) {
            return floatBits(x);
        }
        throw new ConversionException("has run-time " + x.type().irName() + " values to read as " + target.irName()
                + "; OpenVINO has no bitcast, and tfir computes one only of a constant or of f32 values to i32."
                + " Freeze the input to a constant (--input name->value) if it is one");
    }

    /** A constant's bytes as the target type: TensorFlow's shape rule for different widths. */
    static ConstTensor reinterpreted(ConstTensor value, ElementType target) {
        int from = value.type().byteSize();
        int to = target.byteSize();
        long[] shape = value.shape();
        if (from > to) {
            shape = Arrays.copyOf(shape, shape.length + 1);
            shape[shape.length - 1] = from / to;
        } else if (from < to) {
            if (shape.length == 0 || shape[shape.length - 1] != to / from) {
                throw new ConversionException("reads " + value.type().irName() + " values of shape "
                        + Arrays.toString(shape) + " as " + target.irName() + "; the last dim must be " + to / from);
            }
            shape = Arrays.copyOf(shape, shape.length - 1);
        }
        return ConstTensor.of(target, shape, value.data());
    }

    /**
     * The i32 bits of f32 values as three fields joined by BitwiseOr: each field is exact in f32 (OpenVINO's CPU
     * computes a chain of i32 arithmetic in f32), the whole word is not.
     */
    private static Output floatBits(Output x) {
        Output magnitude = Elementwise.unary("Abs", "opset1", x);
        double[] powers = new double[MAX_EXPONENT];
        double[][] factors = new double[2][MAX_EXPONENT + 1];
        for (int e = 0; e <= MAX_EXPONENT; e++) {
            if (e > 0) {
                powers[e - 1] = Math.scalb(1.0, e - BIAS);
            }
            // 2^(127 - e) as two normal factors: its reciprocal at 254 is subnormal, and x * 2^-127 flushed to 0
            int shift = BIAS - Math.max(e, 1);  // a subnormal is scaled as exponent 1, without the implicit 1
            factors[0][e] = Math.scalb(1.0, Math.floorDiv(shift, 2));
            factors[1][e] = Math.scalb(1.0, shift - Math.floorDiv(shift, 2));
        }
        Output exponent = Elementwise.bucketize(magnitude,
                Constants.of(ConstTensor.ofDoubles(ElementType.F32, new long[] {MAX_EXPONENT}, powers)));
        Output scaled = magnitude;
        for (double[] factor : factors) {
            scaled = Elementwise.multiply(scaled, Movement.gather(
                    Constants.of(ConstTensor.ofDoubles(ElementType.F32, new long[] {factor.length}, factor)), exponent,
                    0));
        }
        Output leadingOne = Elementwise.convert(Elementwise.binary("Minimum", exponent, i32(1)), ElementType.F32);
        Output significand = Elementwise.convert(Elementwise.multiply(Elementwise.binary("Subtract", scaled,
                leadingOne), Constants.scalar(ElementType.F32, 1 << MANTISSA_BITS)), ElementType.I32);
        Output infinite = Elementwise.classify("IsInf", x);
        Output nan = Elementwise.classify("IsNaN", x);
        Output special = Elementwise.binary("LogicalOr", infinite, nan);
        exponent = Elementwise.select(special, i32(MAX_EXPONENT + 1), exponent);
        significand = Elementwise.select(infinite, i32(0), Elementwise.select(nan, i32(QUIET_NAN), significand));
        Output zero = Constants.scalar(ElementType.F32, 0);
        Output negative = Elementwise.binary("LogicalOr", Elementwise.binary("Less", x, zero),
                Elementwise.binary("LogicalAnd", Elementwise.binary("Equal", x, zero), Elementwise.binary("Less",
                        Elementwise.binary("Divide", Constants.scalar(ElementType.F32, 1), x), zero)));
        Output sign = Elementwise.select(Elementwise.binary("LogicalAnd", negative,
                Elementwise.unary("LogicalNot", "opset1", nan)), i32(Integer.MIN_VALUE), i32(0));
        Output bits = Elementwise.binary("BitwiseOr", Elementwise.multiply(exponent, i32(1 << MANTISSA_BITS)),
                significand);
        return Elementwise.binary("BitwiseOr", bits, sign);
    }

    private static Output i32(long value) {
        return Constants.scalar(ElementType.I32, value);
    }
}
