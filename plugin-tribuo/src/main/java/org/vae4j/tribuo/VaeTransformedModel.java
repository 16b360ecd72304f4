package org.vae4j.tribuo;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;

/**
 * A model on VAE latent features that takes examples in the original feature space: each batch is
 * encoded in one forward pass and handed to the inner model. Made by {@link VaeTransformTrainer}.
 * Top features and excuses are the inner model's, so they name latent features.
 *
 * @param <T> the output type
 */
public final class VaeTransformedModel<T extends Output<T>> extends Model<T> implements AutoCloseable {
    private static final long serialVersionUID = 1L;

    /** Protobuf serialization version. */
    public static final int CURRENT_VERSION = 0;

    private final VaeFeatureModel featureModel;
    private final Model<T> innerModel;

    VaeTransformedModel(String name, ModelProvenance provenance, ImmutableFeatureMap featureIDMap,
            ImmutableOutputInfo<T> outputIDInfo, VaeFeatureModel featureModel, Model<T> innerModel) {
        super(name, provenance, featureIDMap, outputIDInfo, innerModel.generatesProbabilities());
        this.featureModel = featureModel;
        this.innerModel = innerModel;
    }

    /** The VAE that makes the latent features. */
    public VaeFeatureModel getFeatureModel() {
        return featureModel;
    }

    /** The model trained on the latent features. */
    public Model<T> getInnerModel() {
        return innerModel;
    }

    @Override
    public Prediction<T> predict(Example<T> example) {
        return innerModel.predict(featureModel.transform(example));
    }

    /** Encodes the whole batch in one pass, then predicts it with the inner model. */
    @Override
    protected List<Prediction<T>> innerPredict(Iterable<Example<T>> examples) {
        return innerModel.predict(featureModel.transform(examples));
    }

    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return innerModel.getTopFeatures(n);
    }

    @Override
    public Optional<Excuse<T>> getExcuse(Example<T> example) {
        return innerModel.getExcuse(featureModel.transform(example));
    }

    @Override
    protected VaeTransformedModel<T> copy(String newName, ModelProvenance newProvenance) {
        return new VaeTransformedModel<>(newName, newProvenance, featureIDMap, outputIDInfo,
                (VaeFeatureModel) featureModel.copy(), innerModel.copy());
    }

    @Override
    public ModelProto serialize() {
        Any data = ProtoMessage.builder(ProtoMessage.TRANSFORMED_MODEL)
                .bytes("metadata", createDataCarrier().serialize().toByteString())
                .bytes("feature_model", featureModel.serialize().toByteString())
                .bytes("inner_model", innerModel.serialize().toByteString())
                .pack();
        return ModelProto.newBuilder().setVersion(CURRENT_VERSION).setClassName(VaeTransformedModel.class.getName())
                .setSerializedData(data).build();
    }

    /**
     * Rebuilds a model from the protobuf written by {@link #serialize()}; called by Tribuo's
     * {@code ProtoUtil.deserialize}.
     *
     * @throws InvalidProtocolBufferException if the message is not a vae4j transformed model
     * @throws IllegalStateException if the inner model's outputs do not match the metadata
     */
    public static VaeTransformedModel<?> deserializeFromProto(int version, String className, Any message)
            throws InvalidProtocolBufferException {
        ProtoMessage.checkVersion(version, CURRENT_VERSION);
        ProtoMessage proto = ProtoMessage.unpack(message, ProtoMessage.TRANSFORMED_MODEL);
        ModelDataCarrier<?> carrier = ModelDataCarrier.deserialize(ModelDataProto.parseFrom(proto.bytes("metadata")));
        Model<?> features = Model.deserialize(ModelProto.parseFrom(proto.bytes("feature_model")));
        if (!(features instanceof VaeFeatureModel featureModel)) {
            throw new IllegalStateException("Invalid protobuf, the feature model is a " + features.getClass());
        }
        Model<?> inner = Model.deserialize(ModelProto.parseFrom(proto.bytes("inner_model")));
        return build(carrier, featureModel, inner);
    }

    private static <U extends Output<U>> VaeTransformedModel<U> build(ModelDataCarrier<U> carrier,
            VaeFeatureModel featureModel, Model<?> inner) {
        Class<? extends Output<?>> outputClass = outputClass(carrier);
        if (!inner.validate(outputClass)) {
            throw new IllegalStateException("Invalid protobuf, the inner model does not predict " + outputClass);
        }
        @SuppressWarnings("unchecked") // validated above
        Model<U> innerModel = (Model<U>) inner;
        return new VaeTransformedModel<>(carrier.name(), carrier.provenance(), carrier.featureDomain(),
                carrier.outputDomain(), featureModel, innerModel);
    }

    @SuppressWarnings("unchecked") // an output's class is a class of outputs
    private static Class<? extends Output<?>> outputClass(ModelDataCarrier<?> carrier) {
        return (Class<? extends Output<?>>) carrier.outputDomain().getOutput(0).getClass();
    }

    /** Frees the VAE's native memory (a later prediction rebuilds it). */
    @Override
    public void close() {
        featureModel.close();
    }
}
