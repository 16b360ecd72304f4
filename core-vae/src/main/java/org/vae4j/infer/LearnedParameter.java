package org.vae4j.infer;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;

import org.vae4j.engine.NativeArrays;

/**
 * Makes the stand-alone trainable tensors of learned priors: a named {@link Parameter} outside any block,
 * initialised to values drawn in Java (from the training run's seeded generator), in native memory owned
 * by the model's manager.
 */
final class LearnedParameter {

    private LearnedParameter() {}

    /**
     * A trainable parameter holding {@code values} (row-major).
     *
     * @param name its name in model files
     */
    static Parameter of(String name, Shape shape, float[] values, NDManager manager) {
        Parameter parameter = Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.OTHER)
                .optShape(shape)
                .optInitializer(Initializer.ZEROS)
                .build();
        parameter.initialize(manager, DataType.FLOAT32);
        NativeArrays.overwrite(parameter.getArray(), values);
        return parameter;
    }
}
