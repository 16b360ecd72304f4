package org.vae4j.tribuo;

import java.util.List;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.regression.Regressor;

/**
 * The protobuf messages that carry this adapter's models inside Tribuo's {@code ModelProto}. They are
 * described in code rather than compiled from a .proto file, so the build needs no protoc; every field
 * is a scalar or bytes (Tribuo's own messages, such as the model metadata and inner models, travel as
 * their serialized bytes), which keeps the wire format stable and readable by any protobuf tool.
 */
final class ProtoMessage {

    private static final String PACKAGE = "org.vae4j.tribuo";

    /** {@link VaeFeatureModel}: Tribuo metadata, the VAE model file, and the example conversion settings. */
    static final Descriptor FEATURE_MODEL;

    /** {@link VaeTransformedModel}: Tribuo metadata, the feature model and the inner model. */
    static final Descriptor TRANSFORMED_MODEL;

    /** {@link VaeBalancedModel}: Tribuo metadata and the inner model. */
    static final Descriptor BALANCED_MODEL;

    /** {@link NeuralProcessModel}: Tribuo metadata, the regressor's bytes, and the feature means and scales. */
    static final Descriptor NEURAL_PROCESS_MODEL;

    static {
        FileDescriptorProto file = FileDescriptorProto.newBuilder()
                .setName("org/vae4j/tribuo/vae4j-tribuo.proto")
                .setPackage(PACKAGE)
                .setSyntax("proto3")
                .addMessageType(message("VaeFeatureModelProto", List.of(
                        field("metadata", 1, FieldDescriptorProto.Type.TYPE_BYTES),
                        field("vae", 2, FieldDescriptorProto.Type.TYPE_BYTES),
                        field("include_std", 3, FieldDescriptorProto.Type.TYPE_BOOL),
                        field("absent_as_missing", 4, FieldDescriptorProto.Type.TYPE_BOOL))))
                .addMessageType(message("VaeTransformedModelProto", List.of(
                        field("metadata", 1, FieldDescriptorProto.Type.TYPE_BYTES),
                        field("feature_model", 2, FieldDescriptorProto.Type.TYPE_BYTES),
                        field("inner_model", 3, FieldDescriptorProto.Type.TYPE_BYTES))))
                .addMessageType(message("VaeBalancedModelProto", List.of(
                        field("metadata", 1, FieldDescriptorProto.Type.TYPE_BYTES),
                        field("inner_model", 2, FieldDescriptorProto.Type.TYPE_BYTES))))
                .addMessageType(message("NeuralProcessModelProto", List.of(
                        field("metadata", 1, FieldDescriptorProto.Type.TYPE_BYTES),
                        field("regressor", 2, FieldDescriptorProto.Type.TYPE_BYTES),
                        field("means", 3, FieldDescriptorProto.Type.TYPE_BYTES),
                        field("scales", 4, FieldDescriptorProto.Type.TYPE_BYTES))))
                .build();
        try {
            FileDescriptor descriptor = FileDescriptor.buildFrom(file, new FileDescriptor[0]);
            FEATURE_MODEL = descriptor.findMessageTypeByName("VaeFeatureModelProto");
            TRANSFORMED_MODEL = descriptor.findMessageTypeByName("VaeTransformedModelProto");
            BALANCED_MODEL = descriptor.findMessageTypeByName("VaeBalancedModelProto");
            NEURAL_PROCESS_MODEL = descriptor.findMessageTypeByName("NeuralProcessModelProto");
        } catch (DescriptorValidationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final DynamicMessage message;

    private ProtoMessage(DynamicMessage message) {
        this.message = message;
    }

    private static DescriptorProto message(String name, List<FieldDescriptorProto> fields) {
        return DescriptorProto.newBuilder().setName(name).addAllField(fields).build();
    }

    private static FieldDescriptorProto field(String name, int number, FieldDescriptorProto.Type type) {
        return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type)
                .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL).build();
    }

    /** A builder for a message of the given type. */
    static Builder builder(Descriptor type) {
        return new Builder(type);
    }

    /**
     * Reads a message of the given type out of an {@code Any}.
     *
     * @throws InvalidProtocolBufferException if the {@code Any} holds another type or malformed bytes
     */
    static ProtoMessage unpack(Any any, Descriptor type) throws InvalidProtocolBufferException {
        if (!any.getTypeUrl().endsWith("/" + type.getFullName())) {
            throw new InvalidProtocolBufferException("expected a " + type.getFullName() + " message, found "
                    + any.getTypeUrl());
        }
        return new ProtoMessage(DynamicMessage.parseFrom(type, any.getValue()));
    }

    /**
     * Checks a serialized model's version against the newest one its class reads.
     *
     * @throws IllegalArgumentException for an unknown version
     */
    static void checkVersion(int version, int current) {
        if (version < 0 || version > current) {
            throw new IllegalArgumentException("Unknown version " + version + ", this class supports at most version "
                    + current);
        }
    }

    /**
     * The Tribuo metadata in field {@code metadata} of a model whose outputs are {@link Regressor}s.
     *
     * @throws InvalidProtocolBufferException if the metadata is malformed
     * @throws IllegalStateException if the output domain is not a Regressor domain
     */
    ModelDataCarrier<?> regressorMetadata() throws InvalidProtocolBufferException {
        ModelDataCarrier<?> carrier = ModelDataCarrier.deserialize(ModelDataProto.parseFrom(bytes("metadata")));
        if (carrier.outputDomain().getOutput(0).getClass() != Regressor.class) {
            throw new IllegalStateException("Invalid protobuf, the output domain is not a Regressor domain but "
                    + carrier.outputDomain().getOutput(0).getClass());
        }
        return carrier;
    }

    /** The Regressor domain of metadata that {@link #regressorMetadata()} checked. */
    @SuppressWarnings("unchecked")
    static ImmutableOutputInfo<Regressor> regressorDomain(ModelDataCarrier<?> checked) {
        return (ImmutableOutputInfo<Regressor>) checked.outputDomain();
    }

    /** The bytes in a bytes field (empty when unset). */
    byte[] bytes(String field) {
        return ((ByteString) message.getField(fieldOf(message.getDescriptorForType(), field))).toByteArray();
    }

    /** The value of a bool field. */
    boolean bool(String field) {
        return (Boolean) message.getField(fieldOf(message.getDescriptorForType(), field));
    }

    private static FieldDescriptor fieldOf(Descriptor type, String name) {
        FieldDescriptor field = type.findFieldByName(name);
        if (field == null) {
            throw new IllegalArgumentException(type.getFullName() + " has no field " + name);
        }
        return field;
    }

    /** Sets fields by name, then packs the message into an {@code Any}. */
    static final class Builder {
        private final DynamicMessage.Builder builder;

        private Builder(Descriptor type) {
            builder = DynamicMessage.newBuilder(type);
        }

        Builder bytes(String field, byte[] value) {
            builder.setField(fieldOf(builder.getDescriptorForType(), field), ByteString.copyFrom(value));
            return this;
        }

        Builder bytes(String field, ByteString value) {
            builder.setField(fieldOf(builder.getDescriptorForType(), field), value);
            return this;
        }

        Builder bool(String field, boolean value) {
            builder.setField(fieldOf(builder.getDescriptorForType(), field), value);
            return this;
        }

        Any pack() {
            return Any.pack(builder.build());
        }
    }
}
