package io.sfinbound.common.record;

/** The pipeline stages that publish run events. */
public enum Stage {
    CONFIG_API,
    EXTRACTOR,
    TRANSFORMER,
    LOADER
}
