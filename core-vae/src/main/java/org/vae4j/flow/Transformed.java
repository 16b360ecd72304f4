package org.vae4j.flow;

import ai.djl.ndarray.NDArray;

/**
 * Draws after one flow step and the log-volume change the step made at each of them.
 *
 * @param z the transformed draws f(z), shape (..., B, M)
 * @param logAbsDet log |det df/dz| at each draw, shape (..., B)
 */
public record Transformed(NDArray z, NDArray logAbsDet) {}
