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
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;

/**
 * A classifier trained on examples balanced by {@link VaeBalancingTrainer}: it predicts with the inner
 * trainer's model, which takes the original features. Its own provenance names the balancing trainer and
 * the dataset it was given, so Tribuo's reproducibility workflow (the trainer configured from the
 * provenance, trained at the recorded invocation count) rebuilds the balanced model, not an unbalanced
 * one. The inner model's provenance records the balanced training data.
 */
public final class VaeBalancedModel extends Model<Label> {
    private static final long serialVersionUID = 1L;

    /** Protobuf serialization version. */
    public static final int CURRENT_VERSION = 0;

    private final Model<Label> innerModel;

    VaeBalancedModel(String name, ModelProvenance provenance, ImmutableFeatureMap featureIDMap,
            ImmutableOutputInfo<Label> outputIDInfo, Model<Label> innerModel) {
        super(name, provenance, featureIDMap, outputIDInfo, innerModel.generatesProbabilities());
        this.innerModel = innerModel;
    }

    /** The model the inner trainer trained on the real and synthetic examples. */
    public Model<Label> getInnerModel() {
        return innerModel;
    }

    @Override
    public Prediction<Label> predict(Example<Label> example) {
        return innerModel.predict(example);
    }

    @Override
    protected List<Prediction<Label>> innerPredict(Iterable<Example<Label>> examples) {
        return innerModel.predict(examples);
    }

    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return innerModel.getTopFeatures(n);
    }

    @Override
    public Optional<Excuse<Label>> getExcuse(Example<Label> example) {
        return innerModel.getExcuse(example);
    }

    @Override
    protected VaeBalancedModel copy(String newName, ModelProvenance newProvenance) {
        return new VaeBalancedModel(newName, newProvenance, featureIDMap, outputIDInfo, innerModel.copy());
    }

    @Override
    public ModelProto serialize() {
        Any data = ProtoMessage.builder(ProtoMessage.BALANCED_MODEL)
                .bytes("metadata", createDataCarrier().serialize().toByteString())
                .bytes("inner_model", innerModel.serialize().toByteString())
                .pack();
        return ModelProto.newBuilder().setVersion(CURRENT_VERSION).setClassName(VaeBalancedModel.class.getName())
                .setSerializedData(data).build();
    }

    /**
     * Rebuilds a model from the protobuf written by {@link #serialize()}; called by Tribuo's
     * {@code ProtoUtil.deserialize}.
     *
     * @throws InvalidProtocolBufferException if the message is not a vae4j balanced model
     * @throws IllegalStateException if the metadata or the inner model do not predict labels
     */
    public static VaeBalancedModel deserializeFromProto(int version, String className, Any message)
            throws InvalidProtocolBufferException {
        ProtoMessage.checkVersion(version, CURRENT_VERSION);
        ProtoMessage proto = ProtoMessage.unpack(message, ProtoMessage.BALANCED_MODEL);
        ModelDataCarrier<?> carrier = ModelDataCarrier.deserialize(ModelDataProto.parseFrom(proto.bytes("metadata")));
        Model<?> inner = Model.deserialize(ModelProto.parseFrom(proto.bytes("inner_model")));
        if (carrier.outputDomain().getOutput(0).getClass() != Label.class || !inner.validate(Label.class)) {
            throw new IllegalStateException("Invalid protobuf, a balanced model and its inner model predict labels");
        }
        @SuppressWarnings("unchecked") // checked above
        ModelDataCarrier<Label> labels = (ModelDataCarrier<Label>) carrier;
        @SuppressWarnings("unchecked") // validated above
        Model<Label> innerModel = (Model<Label>) inner;
        return new VaeBalancedModel(labels.name(), labels.provenance(), labels.featureDomain(), labels.outputDomain(),
                innerModel);
    }
}
