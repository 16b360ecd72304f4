package org.vae4j.weka;

import java.util.List;

import weka.core.SelectedTag;
import weka.core.Tag;

/** A list of words as a Weka drop-down (kept in their case), with one selected. */
final class ChoiceTags {

    private ChoiceTags() {}

    /** {@code words} as tags, {@code selected} selected. */
    static SelectedTag of(List<String> words, String selected) {
        Tag[] tags = new Tag[words.size()];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new Tag(i, words.get(i), words.get(i), false);
        }
        return new SelectedTag(selected, tags);
    }
}
