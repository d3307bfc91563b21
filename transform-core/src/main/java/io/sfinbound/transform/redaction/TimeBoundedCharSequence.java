package io.sfinbound.transform.redaction;

/**
 * A {@link CharSequence} that throws {@link RegexTimeoutException} when read after its deadline. A regex matcher
 * reads its input through {@code charAt}, so a catastrophically backtracking pattern is stopped within a few
 * thousand steps after the deadline instead of running for minutes. The clock is read every 1024 reads.
 */
public final class TimeBoundedCharSequence implements CharSequence {

    private final CharSequence inner;
    private final long deadlineNanos;
    private int reads;

    private TimeBoundedCharSequence(CharSequence inner, long deadlineNanos) {
        this.inner = inner;
        this.deadlineNanos = deadlineNanos;
    }

    /** Wraps a text with an absolute {@link System#nanoTime()} deadline. */
    public static TimeBoundedCharSequence of(CharSequence text, long deadlineNanos) {
        return new TimeBoundedCharSequence(text, deadlineNanos);
    }

    @Override
    public char charAt(int index) {
        if ((++reads & 1023) == 0 && System.nanoTime() - deadlineNanos > 0) {
            throw new RegexTimeoutException();
        }
        return inner.charAt(index);
    }

    @Override
    public int length() {
        return inner.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new TimeBoundedCharSequence(inner.subSequence(start, end), deadlineNanos);
    }

    @Override
    public String toString() {
        return inner.toString();
    }

    /** A regex ran past its time budget. */
    public static final class RegexTimeoutException extends RuntimeException {

        RegexTimeoutException() {
            super("regular expression ran past its time budget", null, false, false);
        }
    }
}
