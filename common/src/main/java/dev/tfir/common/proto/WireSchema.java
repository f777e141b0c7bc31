package dev.tfir.common.proto;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Which fields of the protobuf messages tfir reads are nested messages: all {@link WireCheck} needs to know of a
 * message type. Read from {@code wire-schema.txt}, a table made from protobuf's descriptors (and checked against
 * them by a test), because building the descriptors themselves costs a run tens of milliseconds.
 *
 * <p>The table's lines: {@code root <java class> <message>} for each type parsed from bytes, and
 * {@code <message> <field number> <message> ...} for each type with message fields.
 */
final class WireSchema {
    static final String RESOURCE = "wire-schema.txt";

    private static final WireSchema TABLE = load();

    /** A message type: the types of its message fields by field number (absent: not a message field). */
    static final class Type {
        final String name;
        final Map<Integer, Type> nested = new HashMap<>();

        private Type(String name) {
            this.name = name;
        }

        /** The type of field {@code number} when it is a message, else null. */
        Type nested(int number) {
            return nested.get(number);
        }
    }

    private final Map<String, Type> roots = new HashMap<>();

    private WireSchema() {}

    /** The type of messages of {@code javaClass} (a generated message class tfir parses), for {@link WireCheck}. */
    static Type of(Class<?> javaClass) {
        Type type = TABLE.roots.get(javaClass.getName());
        if (type == null) {
            throw new IllegalArgumentException("no wire schema for " + javaClass.getName() + ": add it to the roots "
                    + "of WireSchemaTest and regenerate " + RESOURCE);
        }
        return type;
    }

    private static WireSchema load() {
        try (InputStream in = WireSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WireSchema parse(BufferedReader lines) throws IOException {
        WireSchema schema = new WireSchema();
        Map<String, Type> types = new HashMap<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.trim().split(" ");  // one space apart (the test writes the table): no regular expression
            if (words[0].equals("root")) {
                schema.roots.put(words[1], types.computeIfAbsent(words[2], Type::new));
                continue;
            }
            Type type = types.computeIfAbsent(words[0], Type::new);
            for (int i = 1; i + 1 < words.length; i += 2) {
                type.nested.put(Integer.parseInt(words[i]), types.computeIfAbsent(words[i + 1], Type::new));
            }
        }
        return schema;
    }
}
