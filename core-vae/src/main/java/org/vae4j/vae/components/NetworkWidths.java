package org.vae4j.vae.components;

/**
 * The widths a guide or prior is built for: what the data and the configuration fix before any component
 * exists.
 *
 * @param latentDim M, the number of latent dimensions
 * @param dataWidth the encoded width of a row's data
 * @param conditionWidth the number of condition levels (0 if unconditional)
 * @param maskInputs whether the guide also reads the observation mask
 * @param encoderOutputInput the width of the encoder's last hidden layer (its input width if it has none),
 *     which feeds the encoder's output head
 */
public record NetworkWidths(int latentDim, int dataWidth, int conditionWidth, boolean maskInputs,
        int encoderOutputInput) {}
