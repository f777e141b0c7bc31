package dev.tfir.common.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The input-list entries: parsing, text, and equality by all three parts (hash keys across the graph code). */
class TensorRefTest {
    @Test
    void parsesTheThreeFormsOfAnInputAndPrintsThemBack() {
        assertEquals(new TensorRef("conv/Relu", 0, false), TensorRef.parse("conv/Relu"));
        assertEquals(new TensorRef("split", 2, false), TensorRef.parse("split:2"));
        assertEquals(new TensorRef("init", -1, true), TensorRef.parse("^init"));
        assertEquals(new TensorRef("name:x", 0, false), TensorRef.parse("name:x"));
        for (String input : new String[] {"conv/Relu", "split:2", "^init"}) {
            assertEquals(input, TensorRef.parse(input).toString());
        }
    }

    @Test
    void equalExactlyWhenNodePortAndControlAreEqual() {
        TensorRef ref = new TensorRef("a", 1, false);
        assertEquals(ref, new TensorRef(new String("a"), 1, false));
        assertEquals(ref.hashCode(), new TensorRef(new String("a"), 1, false).hashCode());
        assertNotEquals(ref, new TensorRef("b", 1, false));
        assertNotEquals(ref, new TensorRef("a", 0, false));
        assertNotEquals(ref, new TensorRef("a", 1, true));
        assertNotEquals(ref, "a:1");
        assertNotEquals(ref, null);
        assertTrue(Set.of(new TensorRef("a", 0, false), ref).contains(TensorRef.parse("a:1")));
    }
}
