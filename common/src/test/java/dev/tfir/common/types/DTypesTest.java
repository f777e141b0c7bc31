package dev.tfir.common.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.proto.DataType;

/** Expected names are TensorFlow's {@code tf.DType(enum).name} (tensorflow/python/framework/dtypes.py). */
class DTypesTest {
    @Test
    void pythonNames() {
        assertEquals("float32", DTypes.pythonName(DataType.DT_FLOAT));
        assertEquals("float16", DTypes.pythonName(DataType.DT_HALF));
        assertEquals("float64", DTypes.pythonName(DataType.DT_DOUBLE));
        assertEquals("bfloat16", DTypes.pythonName(DataType.DT_BFLOAT16));
        assertEquals("uint8", DTypes.pythonName(DataType.DT_UINT8));
        assertEquals("int64", DTypes.pythonName(DataType.DT_INT64));
        assertEquals("bool", DTypes.pythonName(DataType.DT_BOOL));
        assertEquals("string", DTypes.pythonName(DataType.DT_STRING));
        assertEquals("complex64", DTypes.pythonName(DataType.DT_COMPLEX64));
        assertEquals("resource", DTypes.pythonName(DataType.DT_RESOURCE));
        assertEquals("float32_ref", DTypes.pythonName(DataType.DT_FLOAT_REF));
        assertEquals("float16_ref", DTypes.pythonName(DataType.DT_HALF_REF));
    }

    @Test
    void sizesAndBaseTypes() {
        assertEquals(4, DTypes.byteSize(DataType.DT_FLOAT_REF));
        assertEquals(2, DTypes.byteSize(DataType.DT_BFLOAT16));
        assertEquals(0, DTypes.byteSize(DataType.DT_STRING));
        assertEquals(DataType.DT_INT32, DTypes.baseType(DataType.DT_INT32_REF));
    }
}
