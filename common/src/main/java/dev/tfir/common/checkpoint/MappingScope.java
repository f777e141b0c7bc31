package dev.tfir.common.checkpoint;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The file mappings a read makes on the current thread, unmapped together when the scope closes instead of when the
 * garbage collector finds them unreachable (Java 17 has no public way to unmap): a pass that reads every tensor and
 * keeps none, such as {@link Checkpoint#verify}, then holds one tensor's pages at a time, not every page it read.
 *
 * <p>Only for reads whose values cannot outlive the scope: touching a view of an unmapped range crashes the JVM.
 * Where {@code sun.misc.Unsafe.invokeCleaner} is not available the mappings are left to the garbage collector.
 */
final class MappingScope implements AutoCloseable {
    private static final ThreadLocal<MappingScope> CURRENT = new ThreadLocal<>();
    private static final Object UNSAFE;
    private static final Method INVOKE_CLEANER;

    static {
        Object unsafe = null;
        Method invokeCleaner = null;
        try {
            Class<?> type = Class.forName("sun.misc.Unsafe");
            Field field = type.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            unsafe = field.get(null);
            invokeCleaner = type.getMethod("invokeCleaner", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            unsafe = null; // no jdk.unsupported module: the garbage collector unmaps
            invokeCleaner = null;
        }
        UNSAFE = unsafe;
        INVOKE_CLEANER = invokeCleaner;
    }

    private final MappingScope outer;
    private final List<ByteBuffer> mappings = new ArrayList<>();

    private MappingScope(MappingScope outer) {
        this.outer = outer;
    }

    /** Opens a scope on the current thread; close it on the same thread. */
    static MappingScope open() {
        MappingScope scope = new MappingScope(CURRENT.get());
        CURRENT.set(scope);
        return scope;
    }

    /** Records a mapping just made (the buffer {@code FileChannel.map} returned) in the current scope, if any. */
    static void made(ByteBuffer mapping) {
        MappingScope scope = CURRENT.get();
        if (scope != null && INVOKE_CLEANER != null) {
            scope.mappings.add(mapping);
        }
    }

    @Override
    public void close() {
        CURRENT.set(outer);
        for (ByteBuffer mapping : mappings) {
            try {
                INVOKE_CLEANER.invoke(UNSAFE, mapping);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return; // the garbage collector unmaps what is left
            }
        }
        mappings.clear();
    }
}
