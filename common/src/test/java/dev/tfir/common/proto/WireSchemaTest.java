package dev.tfir.common.proto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.BundleEntryProto;
import org.tensorflow.proto.BundleHeaderProto;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SavedTensorSlices;
import org.tensorflow.proto.TrackableObjectGraphOuterClass.TrackableObjectGraph;

/** wire-schema.txt is what protobuf's descriptors say of the message types tfir parses. */
class WireSchemaTest {
    /** Every message type {@link Protos} parses or checks. */
    private static final List<Message> ROOTS = List.of(GraphDef.getDefaultInstance(),
            MetaGraphDef.getDefaultInstance(), SavedModel.getDefaultInstance(), SavedTensorSlices.getDefaultInstance(),
            BundleEntryProto.getDefaultInstance(), BundleHeaderProto.getDefaultInstance(),
            TrackableObjectGraph.getDefaultInstance());

    @Test
    void tableIsWhatTheDescriptorsSay() throws IOException {
        String expected = fromDescriptors();
        String actual;
        try (InputStream in = WireSchema.class.getResourceAsStream(WireSchema.RESOURCE)) {
            assertNotNull(in, WireSchema.RESOURCE);
            actual = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        if (!expected.equals(actual)) {
            Path fresh = Path.of("target", WireSchema.RESOURCE);
            Files.writeString(fresh, expected, StandardCharsets.US_ASCII);
            assertEquals(expected, actual, "the wire schema is out of date: copy " + fresh.toAbsolutePath()
                    + " to common/src/main/resources/dev/tfir/common/proto/");
        }
    }

    @Test
    void nestedMessagesAreFoundByFieldNumber() {
        WireSchema.Type graph = WireSchema.of(GraphDef.class);
        WireSchema.Type node = graph.nested(GraphDef.NODE_FIELD_NUMBER);
        assertEquals("tensorflow.NodeDef", node.name);
        assertNull(node.nested(1), "NodeDef.name is a string");
        WireSchema.Type attrEntry = node.nested(5);
        WireSchema.Type attr = attrEntry.nested(2);
        assertEquals("tensorflow.AttrValue", attr.name);
        assertSame(attr, WireSchema.of(MetaGraphDef.class).nested(MetaGraphDef.GRAPH_DEF_FIELD_NUMBER)
                .nested(GraphDef.NODE_FIELD_NUMBER).nested(5).nested(2), "one object per type");
    }

    @Test
    void aClassOutsideTheTableIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> WireSchema.of(String.class));
    }

    private static String fromDescriptors() {
        StringBuilder table = new StringBuilder("# Which fields are messages, for WireCheck: made by WireSchemaTest from"
                + " protobuf's descriptors (tensorflow-core-api).\n");
        Deque<Descriptor> queue = new ArrayDeque<>();
        for (Message root : ROOTS) {
            table.append("root ").append(root.getClass().getName()).append(' ')
                    .append(root.getDescriptorForType().getFullName()).append('\n');
            queue.add(root.getDescriptorForType());
        }
        Set<String> seen = new LinkedHashSet<>();
        while (!queue.isEmpty()) {
            Descriptor type = queue.poll();
            if (!seen.add(type.getFullName())) {
                continue;
            }
            StringBuilder line = new StringBuilder(type.getFullName());
            type.getFields().stream().filter(field -> field.getType() == FieldDescriptor.Type.MESSAGE)
                    .sorted(Comparator.comparingInt(FieldDescriptor::getNumber)).forEach(field -> {
                        line.append(' ').append(field.getNumber()).append(' ')
                                .append(field.getMessageType().getFullName());
                        queue.add(field.getMessageType());
                    });
            if (line.length() > type.getFullName().length()) {
                table.append(line).append('\n');
            }
        }
        return table.toString();
    }
}
