package dev.tfir.common.graph;

/**
 * One entry of a NodeDef's input list: {@code name}, {@code name:port} or a control input {@code ^name}.
 */
public record TensorRef(String node, int port, boolean control) {

    public static TensorRef parse(String input) {
        if (input.startsWith("^")) {
            return new TensorRef(input.substring(1), -1, true);
        }
        int colon = input.lastIndexOf(':');
        if (colon > 0 && colon < input.length() - 1 && isDigits(input, colon + 1)) {
            return new TensorRef(input.substring(0, colon), Integer.parseInt(input.substring(colon + 1)), false);
        }
        return new TensorRef(input, 0, false);
    }

    private static boolean isDigits(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return s.length() - from < 10;
    }

    // equals and hashCode by hand: a record's generated ones are linked at their first call, which cost a small
    // conversion 15 ms before its first graph walk

    @Override
    public boolean equals(Object other) {
        return other instanceof TensorRef ref && port == ref.port && control == ref.control && node.equals(ref.node);
    }

    @Override
    public int hashCode() {
        return (node.hashCode() * 31 + port) * 31 + Boolean.hashCode(control);
    }

    @Override
    public String toString() {
        return control ? "^" + node : port == 0 ? node : node + ":" + port;
    }
}
