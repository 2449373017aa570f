package org.neurosweep.runners.wire;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.ClosureSerializer;
import java.util.ArrayList;
import java.util.List;
import org.neurosweep.trajectory.RunRecord;

/**
 * The one registry of classes that cross a process boundary, for the pipe transport and the cluster.
 * Registration is required: Kryo refuses any other class, and registration ids are given in a fixed
 * order (base classes, then the user's in the order registered), so they are identical in every JVM.
 * Kryo instances are not thread-safe: create one per thread.
 */
public final class KryoRegistry {
    private final List<Class<?>> userClasses;
    private final ClassLoader loader;

    /** A registry with the base classes and the user's, in this order, reading classes from this thread's loader. */
    public KryoRegistry(List<Class<?>> userClasses) {
        this(userClasses, Thread.currentThread().getContextClassLoader());
    }

    /** A registry whose Kryo instances load the classes they read (and lambdas' classes) with {@code loader}. */
    public KryoRegistry(List<Class<?>> userClasses, ClassLoader loader) {
        this.userClasses = List.copyOf(userClasses);
        this.loader = loader == null ? KryoRegistry.class.getClassLoader() : loader;
    }

    /** The registry a worker builds from the class names its runner sent. */
    public static KryoRegistry fromNames(List<String> names) {
        return fromNames(names, Thread.currentThread().getContextClassLoader());
    }

    /** The registry a worker builds from the class names its runner sent, loading them with {@code loader}. */
    public static KryoRegistry fromNames(List<String> names, ClassLoader loader) {
        List<Class<?>> classes = new ArrayList<>();
        for (String n : names) {
            try {
                classes.add(Class.forName(n, false, loader));
            } catch (ClassNotFoundException e) {
                throw new RunnerWireException("class " + n + " registered by the runner is not on this worker's class path", e);
            }
        }
        return new KryoRegistry(classes, loader);
    }

    public List<String> userClassNames() {
        List<String> out = new ArrayList<>();
        userClasses.forEach(c -> out.add(c.getName()));
        return out;
    }

    /** A new Kryo with every registration. */
    public Kryo newKryo() {
        Kryo kryo = new Kryo();
        kryo.setClassLoader(loader);
        kryo.setRegistrationRequired(true);
        kryo.setReferences(false);
        kryo.register(WireMessage.Hello.class, new Serializers.HelloSerializer());
        kryo.register(WireMessage.Init.class, new Serializers.InitSerializer());
        kryo.register(WireMessage.Task.class, new Serializers.TaskSerializer());
        kryo.register(WireMessage.Shutdown.class, new Serializers.ShutdownSerializer());
        kryo.register(WireMessage.Done.class, new Serializers.DoneSerializer());
        kryo.register(WireMessage.Crash.class, new Serializers.CrashSerializer());
        kryo.register(TrajectorySnapshot.class, new Serializers.SnapshotSerializer());
        kryo.register(RunRecord.class, new Serializers.RecordSerializer());
        kryo.register(boolean[].class);
        kryo.register(int[].class);
        kryo.register(long[].class);
        kryo.register(double[].class);
        kryo.register(byte[].class);
        kryo.register(String[].class);
        kryo.register(ClusterMessage.Join.class);
        kryo.register(ClusterMessage.Welcome.class);
        kryo.register(ClusterMessage.Chunk.class);
        kryo.register(ClusterMessage.Tasks.class);
        kryo.register(ClusterMessage.Cancel.class);
        kryo.register(ClusterMessage.Leave.class);
        kryo.register(byte[][].class);
        kryo.register(ClusterMessage.Results.class);
        // lambdas: Kryo maps every lambda class to the Closure registration (a RunFunction is Serializable,
        // so its lambdas are too); what they capture must be registered
        kryo.register(ClosureSerializer.Closure.class, new LambdaSerializer());
        for (Class<?> c : userClasses) {
            kryo.register(c);
        }
        return kryo;
    }

    /** Serializes a message, turning Kryo's "not registered" into an error that says how to register. */
    public static byte[] encode(Kryo kryo, WireMessage m) {
        try (Output out = new Output(256, -1)) {
            kryo.writeClassAndObject(out, m);
            return out.toBytes();
        } catch (KryoException | IllegalArgumentException e) {
            throw explain(e, m);
        }
    }

    /** Serializes a cluster message (registered in every registry, so the base one suffices). */
    public static byte[] encode(Kryo kryo, ClusterMessage m) {
        try (Output out = new Output(64, -1)) {
            kryo.writeClassAndObject(out, m);
            return out.toBytes();
        } catch (KryoException | IllegalArgumentException e) {
            throw new RunnerWireException("cannot send " + m.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public static ClusterMessage decodeCluster(Kryo kryo, byte[] bytes) {
        try (Input in = new Input(bytes)) {
            return (ClusterMessage) kryo.readClassAndObject(in);
        } catch (KryoException | IllegalArgumentException | ClassCastException e) {
            throw new RunnerWireException("cannot read a cluster message: " + e.getMessage(), e);
        }
    }

    public static WireMessage decode(Kryo kryo, byte[] frame) {
        try (Input in = new Input(frame)) {
            return (WireMessage) kryo.readClassAndObject(in);
        } catch (KryoException | IllegalArgumentException e) {
            throw explain(e, null);
        }
    }

    private static RunnerWireException explain(RuntimeException e, WireMessage m) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = String.valueOf(t.getMessage());
            int at = text.indexOf("Class is not registered: ");
            if (at >= 0) {
                String cls = text.substring(at + "Class is not registered: ".length()).split("\\s")[0];
                return new UnregisteredClassException("class " + cls + " must be sent to worker processes but is not"
                        + " registered with Kryo: register it with Environment.builder(trajectory).register(" + cls
                        + ".class) (one registry serves the worker processes and the cluster)", e);
            }
        }
        return new RunnerWireException((m == null ? "cannot read a message" : "cannot send " + m.getClass().getSimpleName())
                + ": " + e.getMessage(), e);
    }
}
