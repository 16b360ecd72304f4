package org.vae4j.data;

/**
 * The kind of values a {@link Column} holds. The kind decides how the column is encoded for the
 * networks and which likelihood models it: numeric columns get a Gaussian (or a continuous Bernoulli
 * for values in [0, 1]), binary columns a Bernoulli and categorical columns a Categorical.
 */
public enum ColumnType {
    /** Real values. */
    NUMERIC,
    /** Two values, stored as 0 and 1. */
    BINARY,
    /** One of a fixed list of named levels, stored as the level's index. */
    CATEGORICAL
}
