package io.sfinbound.transformer.conversation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Parses {@code LiveChatTranscript.Body} (Salesforce Chat's HTML) into header facts and lines with jsoup.
 * <p>
 * The format: centered {@code <p align="center">} (or {@code <div>}) header lines {@code Chat Started: Monday,
 * December 17, 2018, 23:27:57 (-0500)}, {@code Chat Origin: ...}, {@code Agent <name>}, then one line per message
 * {@code ( 1m 13s ) Name: text<br>}, HTML-escaped. A transfer starts a new header block and the offsets go on.
 * A plain line right after a message continues it (a message with line breaks); other lines that are neither
 * (file transfers, "Agent Chatbot successfully transferred the chat", localized events) are kept as system lines. Header keywords are recognised in English, Spanish, French, German, Italian and
 * Portuguese; a {@code Chat Started} date in another locale leaves {@link ParsedTranscript#started()} empty and the
 * caller falls back to the record's {@code StartTime}. Thread-safe and stateless.
 */
public final class LiveChatBodyParser {

    private static final Pattern TURN = Pattern.compile(
            "^\\(\\s*((?:\\d+\\s*[hms]\\s*)+)\\)\\s*([^:\\n]{1,255}?)\\s*:(?:\\s?)(.*)$", Pattern.DOTALL);
    private static final long MAX_OFFSET_SECONDS = 10L * 366 * 24 * 3600;
    private static final Pattern OFFSET_PART = Pattern.compile("(\\d+)\\s*([hms])");
    private static final Pattern STARTED = Pattern.compile(
            "^(?:Chat Started|Chat iniciado|Chat démarré|Chat gestartet|Chat avviata|Chat iniciada|Inicio del chat)\\s*:\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ORIGIN = Pattern.compile(
            "^(?:Chat Origin|Origen de chat|Origine du chat|Chat-Ursprung|Origine chat|Origem do chat)\\s*:\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRANSFERRED = Pattern.compile(
            "^(?:Chat Transferred From|Chat transferido de|Chat transféré de|Chat übertragen von|Chat trasferita da)\\s+(.+?)\\s+"
                    + "(?:To|a|à|an|para)\\s+(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AGENT = Pattern.compile("^(?:Agent|Agente)\\s+(.{1,120})$");
    private static final Set<String> EVENT_WORDS = Set.of("transferred", "transferir", "transfirió", "transferido",
            "transféré", "übertragen", "trasferit", "requested", "succeeded", "failed", "ended", "left", "joined");
    private static final DateTimeFormatter STARTED_FORMAT =
            DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy, H:mm:ss (xx)", Locale.ENGLISH);
    private static final Set<String> BLOCK_TAGS = Set.of("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
            "table", "ul", "ol", "blockquote", "pre", "section", "article", "header", "footer");

    /** Parses a Body; a null or blank Body gives an empty transcript. */
    public ParsedTranscript parse(String body) {
        List<RawLine> raw = new ArrayList<>();
        if (body != null && !body.isBlank()) {
            Element root = Jsoup.parseBodyFragment(body).body();
            StringBuilder current = new StringBuilder();
            collect(root, false, current, raw);
            flush(current, false, raw);
        }
        Instant started = null;
        List<String> origins = new ArrayList<>();
        List<String> agents = new ArrayList<>();
        List<String> transfers = new ArrayList<>();
        List<ChatLine> lines = new ArrayList<>();
        int headers = 0;
        for (RawLine line : raw) {
            String text = line.text();
            Matcher m;
            Long offset;
            if ((m = TURN.matcher(text)).matches() && (offset = offsetSeconds(m.group(1))) != null) {
                lines.add(new ChatLine(m.group(2).trim(), offset, m.group(3).trim()));
            } else if ((m = STARTED.matcher(text)).matches()) {
                headers++;
                if (started == null) {
                    started = parseStarted(m.group(1));
                }
            } else if ((m = ORIGIN.matcher(text)).matches()) {
                headers++;
                origins.add(m.group(1).trim());
            } else if ((m = TRANSFERRED.matcher(text)).matches()) {
                headers++;
                transfers.add(m.group(1).trim());
                transfers.add(m.group(2).trim());
                lines.add(new ChatLine(null, null, text));
            } else if (line.centered() && (m = AGENT.matcher(text)).matches() && !isEvent(text)) {
                headers++;
                agents.add(m.group(1).trim());
            } else if (!line.centered() && !isEvent(text) && !lines.isEmpty() && !lines.get(lines.size() - 1).isSystem()) {
                // A message with line breaks: Salesforce renders each break as <br> without a new "( 1m 2s ) Name:".
                ChatLine previous = lines.remove(lines.size() - 1);
                lines.add(new ChatLine(previous.speaker(), previous.offsetSeconds(), previous.text() + "\n" + text));
            } else {
                lines.add(new ChatLine(null, null, text));
            }
        }
        return new ParsedTranscript(started, List.copyOf(origins), List.copyOf(agents), List.copyOf(transfers),
                List.copyOf(lines), headers);
    }

    private static boolean isEvent(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String w : EVENT_WORDS) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static Instant parseStarted(String text) {
        try {
            return OffsetDateTime.parse(text.trim(), STARTED_FORMAT).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The seconds of an offset such as {@code 1h 2m 3s}; {@code null} for an absurd one (a part of more than nine
     * digits, or more than ten years in all: found by fuzzing, it overflowed), so that the line is not a message.
     */
    static Long offsetSeconds(String spec) {
        long seconds = 0;
        Matcher m = OFFSET_PART.matcher(spec);
        while (m.find()) {
            if (m.group(1).length() > 9) {
                return null;
            }
            long n = Long.parseLong(m.group(1));
            seconds += switch (m.group(2)) {
                case "h" -> n * 3600;
                case "m" -> n * 60;
                default -> n;
            };
        }
        return seconds > MAX_OFFSET_SECONDS ? null : seconds;
    }

    private void collect(Element element, boolean centered, StringBuilder current, List<RawLine> out) {
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode t) {
                String text = t.getWholeText();
                // Some exports put one message per source line instead of <br>.
                int nl;
                while ((nl = text.indexOf('\n')) >= 0) {
                    current.append(text, 0, nl);
                    flush(current, centered, out);
                    text = text.substring(nl + 1);
                }
                current.append(text);
            } else if (child instanceof Element e) {
                String tag = e.normalName();
                if (tag.equals("br")) {
                    flush(current, centered, out);
                } else if (tag.equals("script") || tag.equals("style")) {
                    continue;
                } else if (BLOCK_TAGS.contains(tag)) {
                    flush(current, centered, out);
                    boolean c = centered || "center".equalsIgnoreCase(e.attr("align"))
                            || e.attr("style").replace(" ", "").contains("text-align:center");
                    collect(e, c, current, out);
                    flush(current, c, out);
                } else if (tag.equals("img")) {
                    current.append(e.hasAttr("alt") ? e.attr("alt") : "");
                } else {
                    collect(e, centered, current, out);
                }
            }
        }
    }

    private static void flush(StringBuilder current, boolean centered, List<RawLine> out) {
        String text = current.toString().replace('\u00a0', ' ').strip();
        current.setLength(0);
        if (!text.isEmpty()) {
            out.add(new RawLine(text, centered));
        }
    }

    private record RawLine(String text, boolean centered) {
    }
}
