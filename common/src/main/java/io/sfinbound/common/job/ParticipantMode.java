package io.sfinbound.common.job;

/** How a conversation's participants are identified. */
public enum ParticipantMode {
    AUTO_DETECT,
    FIRST_IS_AGENT,
    FIRST_IS_CUSTOMER
}
