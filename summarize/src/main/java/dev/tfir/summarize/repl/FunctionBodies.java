package dev.tfir.summarize.repl;

import dev.tfir.common.types.DTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;

/**
 * The functions of a graph's library (TF2 control flow's While/If bodies and conditions, called functions), as the
 * REPL walks into them: a body node is named {@code function/node}, as if the function were a scope.
 */
final class FunctionBodies {
    private final Map<String, FunctionDef> functions = new TreeMap<>();

    FunctionBodies(GraphDef graph) {
        graph.getLibrary().getFunctionList().forEach(f -> functions.put(f.getSignature().getName(), f));
    }

    /** The functions by name, sorted. */
    Map<String, FunctionDef> all() {
        return functions;
    }

    /** The function a scope or body-node name ({@code function/...}) lies in, or null. */
    FunctionDef of(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? null : functions.get(name.substring(0, slash));
    }

    /** The body node named {@code function/node}, or null. */
    NodeDef node(String name) {
        FunctionDef function = of(name);
        String local = function == null ? null : name.substring(name.indexOf('/') + 1);
        return function == null ? null : function.getNodeDefList().stream()
                .filter(node -> node.getName().equals(local)).findFirst().orElse(null);
    }

    /** The functions a node's attributes name (a While's cond and body, an If's branches, a call's f), by attribute. */
    static Map<String, List<String>> calledBy(NodeDef node) {
        Map<String, List<String>> called = new TreeMap<>();
        node.getAttrMap().forEach((key, value) -> {
            List<String> names = new ArrayList<>();
            if (value.hasFunc()) {
                names.add(value.getFunc().getName());
            }
            value.getList().getFuncList().forEach(func -> names.add(func.getName()));
            if (!names.isEmpty()) {
                called.put(key, names);
            }
        });
        return called;
    }

    /** "(x: float, y: int32) -> (output: float)": a function's arguments and results. */
    static String signature(FunctionDef function) {
        OpDef signature = function.getSignature();
        return "(" + arguments(signature.getInputArgList()) + ") -> (" + arguments(signature.getOutputArgList()) + ")";
    }

    private static String arguments(List<OpDef.ArgDef> args) {
        List<String> texts = new ArrayList<>();
        args.forEach(arg -> texts.add(arg.getName() + ": " + (arg.getTypeAttr().isEmpty()
                ? DTypes.pythonName(arg.getType()) : arg.getTypeAttr())));
        return String.join(", ", texts);
    }
}
