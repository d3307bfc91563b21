package io.sfinbound.common.job;

/** The XM Discover Salesforce connector's data types. */
public enum DataType {
    /** Salesforce Feedback: any object from the SOQL, one record one document. */
    FEEDBACK,
    /** Salesforce Live Chat: {@code LiveChatTranscript}, the Body parsed into a conversation. */
    LIVE_CHAT,
    /** Salesforce SMS Text: {@code MessagingSession} with its {@code ConversationEntry} records. */
    SMS_TEXT
}
