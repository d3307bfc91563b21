package io.sfinbound.sim.data;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One generated live chat: who spoke when, as the HTML {@code Body} Salesforce stores on LiveChatTranscript (centered
 * {@code <p align="center">} header lines "Chat Started", "Chat Origin", "Agent ...", transfer notices, then one
 * {@code ( 1m 13s ) Name: text<br>} line per message, HTML-escaped), and the figures derived from it.
 */
final class Conversation {

    /** Who wrote a line. */
    enum Kind { AGENT, VISITOR, BOT, SYSTEM }

    /** One line: elapsed seconds since the chat started, speaker, text (plain; escaped when rendered). */
    record Line(long offset, Kind kind, String speaker, String text) {
    }

    private static final DateTimeFormatter STARTED = DateTimeFormatter
            .ofPattern("EEEE, MMMM d, yyyy, HH:mm:ss (xx)", Locale.US).withZone(ZoneOffset.UTC);

    final Texts.Language language;
    final boolean chatbot;
    final int transfers;
    final List<Long> agentUsers = new ArrayList<>();
    final List<Line> lines = new ArrayList<>();
    final List<Long> transferOffsets = new ArrayList<>();
    final String visitorName;
    final long waitSeconds;
    long durationSeconds;
    private final String template;

    private static final char MARK = '\u0001';

    /** The plan part that decides how many events a chat has, cheap to compute (no text). */
    static int transfersOf(long planHash) {
        boolean bot = Hash.below(planHash, 100) < 30;
        int extra = Hash.below(Hash.mix(planHash), 100);
        return bot ? (extra < 20 ? 2 : 1) : (extra < 15 ? 1 : 0);
    }

    static boolean chatbotOf(long planHash) {
        return Hash.below(planHash, 100) < 30;
    }

    /**
     * Generates a chat.
     *
     * @param planHash decides chatbot and transfers (see {@link #transfersOf})
     * @param textHash decides the words
     * @param agents the human agents' user indexes and display names, in order of appearance
     * @param visitorName the visitor's name as shown ({@code Visitor} when anonymous)
     * @param botName the chatbot's name
     * @param targetSize body size in characters to reach, roughly
     */
    Conversation(long planHash, long textHash, List<long[]> agents, List<String> agentNames, String visitorName,
                 String botName, int targetSize) {
        SplittableRandom rnd = Hash.random(textHash);
        this.language = Texts.language(textHash);
        this.chatbot = chatbotOf(planHash);
        this.transfers = transfersOf(planHash);
        this.visitorName = visitorName;
        this.waitSeconds = 5 + rnd.nextInt(chatbot ? 20 : 240);
        StringBuilder b = new StringBuilder(targetSize + 512);
        long t = 0;
        header(b, 0, language.origin());
        int humanSegments = transfers + 1 - (chatbot ? 1 : 0);
        int perSegment = Math.max(300, targetSize / Math.max(1, humanSegments + (chatbot ? 1 : 0)));
        String previous = null;
        int human = 0;
        if (chatbot) {
            center(b, "Agent " + botName);
            t = say(b, t + 1 + rnd.nextInt(3), Kind.BOT, botName, Texts.pick(language.bot(), rnd.nextLong()));
            t = say(b, t + 4 + rnd.nextInt(20), Kind.VISITOR, visitorName, Texts.pick(language.visitor(), rnd.nextLong()));
            t = say(b, t + 1 + rnd.nextInt(4), Kind.BOT, botName, language.bot().get(language.bot().size() - 1));
            transferOffsets.add(t);
            center(b, "Agent Chatbot successfully transferred the chat to skill Support " + language.code().toUpperCase(Locale.ROOT));
            header(b, t + 5, language.origin());
            previous = botName;
        }
        for (int seg = 0; seg < humanSegments; seg++) {
            long[] agent = agents.get(human % agents.size());
            String name = agentNames.get(human % agentNames.size());
            agentUsers.add(agent[0]);
            human++;
            if (previous != null) {
                center(b, "Chat Transferred From " + previous + " To " + name);
                if (seg > 0 || !chatbot) {
                    transferOffsets.add(t);
                }
            }
            center(b, "Agent " + name);
            String first = name.split(" ")[0];
            t = say(b, t + 3 + rnd.nextInt(15), Kind.AGENT, name, Texts.fill(Texts.pick(language.greetings(), rnd.nextLong()), first));
            int segStart = b.length();
            boolean visitorTurn = true;
            while (b.length() - segStart < perSegment) {
                String text;
                if (visitorTurn) {
                    text = Texts.fill(Texts.pick(language.visitor(), rnd.nextLong()), 100000 + rnd.nextInt(900000));
                    t = say(b, t + 5 + rnd.nextInt(90), Kind.VISITOR, visitorName, text);
                } else {
                    text = Texts.fill(Texts.pick(language.agent(), rnd.nextLong()), 1000 + rnd.nextInt(9000));
                    t = say(b, t + 8 + rnd.nextInt(70), Kind.AGENT, name, text);
                    if (rnd.nextInt(100) < 4) {
                        center(b, "Agent " + name + " requested a file transfer");
                        lines.add(new Line(t, Kind.SYSTEM, null, "file transfer requested"));
                    }
                }
                visitorTurn = !visitorTurn;
            }
            if (seg == humanSegments - 1) {
                t = say(b, t + 4 + rnd.nextInt(20), Kind.AGENT, name, Texts.pick(language.closings(), rnd.nextLong()));
                t = say(b, t + 4 + rnd.nextInt(30), Kind.VISITOR, visitorName, Texts.pick(language.visitorThanks(), rnd.nextLong()));
            }
            previous = name;
        }
        this.durationSeconds = t + 5 + rnd.nextInt(40);
        this.template = b.toString();
    }

    /** The HTML body, with "Chat Started" times relative to the chat's start. */
    String body(Instant start) {
        StringBuilder out = new StringBuilder(template.length() + 64);
        int i = 0;
        while (true) {
            int m = template.indexOf(MARK, i);
            if (m < 0) {
                out.append(template, i, template.length());
                return out.toString();
            }
            int end = template.indexOf(MARK, m + 1);
            out.append(template, i, m);
            out.append(STARTED.format(start.plusSeconds(Long.parseLong(template.substring(m + 1, end)))));
            i = end + 1;
        }
    }

    private static void header(StringBuilder b, long offset, String origin) {
        // the start time is known only once the chat's length is: a marker stands for it until body()
        b.append("<p align=\"center\">Chat Started: ").append(MARK).append(offset).append(MARK).append("</p>");
        center(b, "Chat Origin: " + origin);
    }

    private static void center(StringBuilder b, String text) {
        b.append("<p align=\"center\">").append(escape(text)).append("</p>");
    }

    private long say(StringBuilder b, long offset, Kind kind, String speaker, String text) {
        lines.add(new Line(offset, kind, speaker, text));
        b.append("( ").append(elapsed(offset)).append(" ) ").append(escape(speaker)).append(": ").append(escape(text)).append("<br>");
        return offset;
    }

    /** {@code 10s}, {@code 1m 13s}, {@code 1h 2m 3s}. */
    static String elapsed(long s) {
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        if (h > 0) {
            return h + "h " + m + "m " + sec + "s";
        }
        return m > 0 ? m + "m " + sec + "s" : sec + "s";
    }

    /** HTML-escapes as Salesforce does in transcript bodies (apostrophes as {@code &#39;}). */
    static String escape(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep != null && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                if (rep != null) {
                    out.append(rep);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }

    int count(Kind kind) {
        return (int) lines.stream().filter(l -> l.kind() == kind).count();
    }

    /** Average and maximum response times (seconds) of one side, answering the other. */
    long[] responseTimes(Kind responder) {
        long sum = 0;
        long max = 0;
        int n = 0;
        Line prev = null;
        for (Line l : lines) {
            if (prev != null && l.kind() == responder && prev.kind() != responder && prev.kind() != Kind.SYSTEM) {
                long d = l.offset() - prev.offset();
                sum += d;
                max = Math.max(max, d);
                n++;
            }
            prev = l;
        }
        return new long[] {n == 0 ? 0 : sum / n, max};
    }
}
