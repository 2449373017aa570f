package org.neurosweep.runners.wire;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Serializable lambdas (such as a {@link org.neurosweep.trajectory.RunFunction} written as a lambda), by
 * the same route Java serialization takes: the lambda's {@code writeReplace} gives its
 * {@link SerializedLambda}; the capturing class's {@code $deserializeLambda$} rebuilds it. Unlike Kryo's
 * ClosureSerializer it needs no {@code --add-opens}: it touches only the user's classes. What the lambda
 * captures is written with Kryo, so those classes must be registered.
 */
final class LambdaSerializer extends Serializer<Object> {
    @Override
    public void write(Kryo kryo, Output out, Object lambda) {
        SerializedLambda s;
        try {
            Method writeReplace = lambda.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            s = (SerializedLambda) writeReplace.invoke(lambda);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new KryoException("cannot serialize the lambda " + lambda.getClass().getName()
                    + ": only lambdas of a Serializable interface (such as RunFunction) can be sent", e);
        }
        out.writeString(s.getCapturingClass());
        out.writeString(s.getFunctionalInterfaceClass());
        out.writeString(s.getFunctionalInterfaceMethodName());
        out.writeString(s.getFunctionalInterfaceMethodSignature());
        out.writeVarInt(s.getImplMethodKind(), true);
        out.writeString(s.getImplClass());
        out.writeString(s.getImplMethodName());
        out.writeString(s.getImplMethodSignature());
        out.writeString(s.getInstantiatedMethodType());
        out.writeVarInt(s.getCapturedArgCount(), true);
        for (int i = 0; i < s.getCapturedArgCount(); i++) {
            kryo.writeClassAndObject(out, s.getCapturedArg(i));
        }
    }

    @Override
    public Object read(Kryo kryo, Input in, Class<?> type) {
        String capturing = in.readString();
        String fiClass = in.readString();
        String fiMethod = in.readString();
        String fiSignature = in.readString();
        int kind = in.readVarInt(true);
        String implClass = in.readString();
        String implMethod = in.readString();
        String implSignature = in.readString();
        String instantiated = in.readString();
        Object[] captured = new Object[in.readVarInt(true)];
        for (int i = 0; i < captured.length; i++) {
            captured[i] = kryo.readClassAndObject(in);
        }
        try {
            Class<?> owner = Class.forName(capturing.replace('/', '.'), false, kryo.getClassLoader());
            SerializedLambda s = new SerializedLambda(owner, fiClass, fiMethod, fiSignature, kind, implClass, implMethod,
                    implSignature, instantiated, captured);
            Method deserialize = owner.getDeclaredMethod("$deserializeLambda$", SerializedLambda.class);
            deserialize.setAccessible(true);
            return deserialize.invoke(null, s);
        } catch (InvocationTargetException e) {
            throw new KryoException("cannot rebuild a lambda of " + capturing + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new KryoException("cannot rebuild a lambda of " + capturing + ": " + e, e);
        }
    }
}
