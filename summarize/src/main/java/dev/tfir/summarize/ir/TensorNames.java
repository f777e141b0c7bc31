package dev.tfir.summarize.ir;

import java.util.ArrayList;
import java.util.List;

/** A port's {@code names} attribute: tensor names separated by ',', a ',' inside a name escaped as "\,". */
final class TensorNames {
    private TensorNames() {}

    static List<String> split(String names) {
        List<String> split = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < names.length(); i++) {
            char c = names.charAt(i);
            if (c == '\\' && i + 1 < names.length() && names.charAt(i + 1) == ',') {
                name.append(',');
                i++;
            } else if (c == ',') {
                split.add(name.toString());
                name.setLength(0);
            } else {
                name.append(c);
            }
        }
        split.add(name.toString());
        return split;
    }
}
