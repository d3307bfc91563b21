package io.sfinbound.common.job;

/** Built-in redaction detectors a job can switch on. */
public enum Detector {
    EMAIL,
    PHONE,
    /** Payment card numbers that pass the Luhn check. */
    PAYMENT_CARD,
    US_SSN,
    IBAN
}
