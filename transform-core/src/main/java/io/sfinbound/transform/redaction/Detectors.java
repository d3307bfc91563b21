package io.sfinbound.transform.redaction;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sfinbound.common.job.Detector;

/**
 * The built-in detectors: e-mail addresses, phone numbers, payment card numbers (13 to 19 digits, spaces or dashes
 * allowed between digits, only when the Luhn check passes), US social security numbers (separated forms, with the
 * invalid areas 000, 666 and 9xx excluded) and IBANs (mod-97 check). Each finds spans; the {@link TextRedactor}
 * merges and masks them.
 */
public final class Detectors {

    /** Starts only where a local part can start, so a search does not retry from every letter of every word. */
    private static final Pattern EMAIL = Pattern.compile(
            "(?:\"[^\"\\r\\n]{1,64}\"|(?<![\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-])"
                    + "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]++(?:\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]++)*+)"
                    + "@(?:\\[[\\p{XDigit}:.A-Za-z]{2,45}\\]|(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)++"
                    + "[\\p{L}\\p{N}-]{2,63}+|[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?)");
    /** Digit runs with single space or dash separators, possessive so a long run cannot backtrack. */
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<!\\d)\\d++(?:[ -]\\d++)*+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w+])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{1,5}\\)[ .-]?)?\\d{1,5}(?:[ .-]?\\d{2,5}){1,5}(?![\\w])");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d{2}[.-]\\d{2}[.-]\\d{4}");
    private static final Pattern SSN = Pattern.compile("(?<!\\d)(\\d{3})([- ])(\\d{2})\\2(\\d{4})(?!\\d)");
    private static final Pattern IBAN = Pattern.compile("(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}(?![A-Za-z0-9])");

    private Detectors() {
    }

    /** Adds the spans {@code [start, end)} of one detector's findings to {@code out}. */
    public static void find(Detector detector, CharSequence text, List<int[]> out) {
        switch (detector) {
            case EMAIL -> findAll(EMAIL, text, out);
            case PAYMENT_CARD -> cards(text, out);
            case PHONE -> phones(text, out);
            case US_SSN -> ssns(text, out);
            case IBAN -> ibans(text, out);
            default -> throw new IllegalArgumentException("unknown detector " + detector);
        }
    }

    private static void findAll(Pattern p, CharSequence text, List<int[]> out) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(new int[] {m.start(), m.end()});
        }
    }

    /**
     * A card number may sit in a longer run ("card 4111 1111 1111 1111 2 items"): every sequence of whole digit
     * groups of the run whose digits pass Luhn with 13 to 19 digits is a card.
     */
    private static void cards(CharSequence text, List<int[]> out) {
        Matcher m = DIGIT_RUN.matcher(text);
        while (m.find()) {
            String run = m.group();
            List<int[]> groups = new ArrayList<>();
            Matcher g = DIGITS.matcher(run);
            while (g.find()) {
                groups.add(new int[] {g.start(), g.end()});
            }
            for (int i = 0; i < groups.size(); i++) {
                StringBuilder digits = new StringBuilder();
                for (int j = i; j < groups.size(); j++) {
                    digits.append(run, groups.get(j)[0], groups.get(j)[1]);
                    if (digits.length() > 19) {
                        break;
                    }
                    if (digits.length() >= 13 && luhn(digits)) {
                        out.add(new int[] {m.start() + groups.get(i)[0], m.start() + groups.get(j)[1]});
                    }
                }
            }
        }
    }

    /** The Luhn checksum of a digit string. */
    public static boolean luhn(CharSequence digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private static void phones(CharSequence text, List<int[]> out) {
        Matcher m = PHONE.matcher(text);
        while (m.find()) {
            String s = m.group();
            int digits = 0;
            for (int i = 0; i < s.length(); i++) {
                if (Character.isDigit(s.charAt(i))) {
                    digits++;
                }
            }
            boolean plain = s.chars().allMatch(Character::isDigit);
            // 7 to 15 digits (E.164); a date or a bare short number is not a phone number.
            if (digits >= 7 && digits <= 15 && !ISO_DATE.matcher(s).matches() && !(plain && digits < 10)) {
                out.add(new int[] {m.start(), m.end()});
            }
        }
    }

    private static void ssns(CharSequence text, List<int[]> out) {
        Matcher m = SSN.matcher(text);
        while (m.find()) {
            String area = m.group(1);
            if (!area.equals("000") && !area.equals("666") && area.charAt(0) != '9' && !m.group(3).equals("00")
                    && !m.group(4).equals("0000")) {
                out.add(new int[] {m.start(), m.end()});
            }
        }
    }

    private static void ibans(CharSequence text, List<int[]> out) {
        Matcher m = IBAN.matcher(text);
        while (m.find()) {
            String compact = m.group().replace(" ", "").toUpperCase(Locale.ROOT);
            if (compact.length() >= 15 && compact.length() <= 34 && ibanChecksum(compact)) {
                out.add(new int[] {m.start(), m.end()});
            }
        }
    }

    /** The IBAN mod-97 check. */
    public static boolean ibanChecksum(String compact) {
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            if (Character.isDigit(c)) {
                numeric.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                numeric.append(c - 'A' + 10);
            } else {
                return false;
            }
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
