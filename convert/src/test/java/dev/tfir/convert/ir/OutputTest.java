package dev.tfir.convert.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** An IR node's output as a value: equal for the same node (by identity) and port. */
class OutputTest {
    @Test
    void equalExactlyForTheSameNodeAndPort() {
        Node node = Node.constant(ConstTensor.vector(ElementType.I64, 1, 2));
        Node twin = Node.constant(ConstTensor.vector(ElementType.I64, 1, 2));
        Output output = new Output(node, 0);
        assertEquals(output, new Output(node, 0));
        assertEquals(output.hashCode(), new Output(node, 0).hashCode());
        assertNotEquals(output, new Output(node, 1));
        assertNotEquals(output, new Output(twin, 0));
        assertNotEquals(output, node);
        assertTrue(Set.of(output, new Output(twin, 0)).contains(new Output(node, 0)));
    }
}
