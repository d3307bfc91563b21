package io.sfinbound.sim.data;

import java.time.Instant;

import io.sfinbound.sim.schema.Catalog;
import io.sfinbound.sim.schema.ObjectDef;

/** Generators of MessagingEndUser, MessagingSession and ConversationEntry (SMS, WhatsApp, web messaging). */
final class Messaging {

    private static final String[] TYPES = {"Text", "Text", "Text", "WhatsApp", "Facebook", "EmbeddedMessaging"};
    private static final String BOT = "Astro";

    private Messaging() {
    }

    static final class EndUsers extends Generators.Base {
        EndUsers(DataStore store) {
            super(store);
        }

        @Override
        Object generate(SimRecord r, String f) {
            String type = Texts.pick(TYPES, h(r, "type"));
            String number = String.format("+1415555%04d", Hash.below(h(r, "number"), 10000));
            int country = Hash.below(h(r, "country"), Texts.ISO.length);
            return switch (f) {
                case "Name" -> switch (type) {
                    case "Text" -> number;
                    case "WhatsApp" -> "whatsapp:" + number;
                    default -> Texts.pick(Texts.FIRST, h(r, "first")) + " " + Texts.pick(Texts.LAST, h(r, "last"));
                };
                case "MessagingChannelId" -> Ids.of("0Mj", java.util.Arrays.asList(TYPES).indexOf(type));
                case "MessagingPlatformKey" -> type.equals("Text") || type.equals("WhatsApp") ? number : "psid-" + Long.toUnsignedString(h(r, "psid"), 36);
                case "MessageType" -> type;
                case "ContactId" -> Hash.below(h(r, "known"), 10) < 6 ? pickId(Catalog.CONTACT, h(r, "contact")) : null;
                case "AccountId" -> {
                    Object c = r.field("ContactId");
                    SimRecord contact = c == null ? null : store.byId((String) c).orElse(null);
                    yield contact == null ? null : contact.field("AccountId");
                }
                case "IsOptedOut" -> Hash.below(h(r, "optout"), 50) == 0;
                case "IsFullyOptedIn" -> !(Boolean) r.field("IsOptedOut");
                case "MessagingConsentStatus" -> (Boolean) r.field("IsOptedOut") ? "OptedOut" : "ImplicitlyOptedIn";
                case "Locale" -> Texts.language(h(r, "lang")).locale();
                case "IsoCountryCode" -> Texts.ISO[country];
                default -> null;
            };
        }
    }

    /** The timeline of one session: entry offsets (seconds after the start), actor kinds, language. */
    record Timeline(long[] offsets, String[] actors, Texts.Language language, String agentType, long durationSeconds) {
    }

    static Timeline timeline(ObjectSpace sessions, long index, int entries) {
        long plan = sessions.hash(index, "plan");
        int p = Hash.below(plan, 10);
        String agentType = p < 5 ? "Agent" : p < 8 ? "BotToAgent" : "Bot";
        Texts.Language lang = Texts.language(sessions.hash(index, "lang"));
        long[] offsets = new long[entries];
        String[] actors = new String[entries];
        long t = 0;
        int escalateAt = agentType.equals("BotToAgent") ? Math.min(entries - 1, 3) : -1;
        for (int m = 0; m < entries; m++) {
            t += m == 0 ? 0 : 3 + Hash.below(Hash.of(plan, m, 1, 2), 120);
            offsets[m] = t;
            String actor;
            if (m == 0) {
                actor = "EndUser";
            } else if (m == escalateAt) {
                actor = "System";
            } else if (agentType.equals("Bot") || escalateAt > m) {
                actor = m % 2 == 1 ? "Bot" : "EndUser";
            } else {
                actor = (m - Math.max(escalateAt, 0)) % 2 == 1 ? "Agent" : "EndUser";
            }
            actors[m] = actor;
        }
        return new Timeline(offsets, actors, lang, agentType, t + 10 + Hash.below(plan, 50));
    }

    static final class Sessions extends Generators.Base {
        Sessions(DataStore store) {
            super(store);
        }

        Timeline timeline(SimRecord r) {
            return r.memo("timeline", () -> Messaging.timeline(r.space(), r.index(),
                    r.index() < r.space().baseSize() ? store.space(Catalog.ENTRY).childrenOf(r.index()) : 0));
        }

        Instant start(SimRecord r) {
            return r.created().minusSeconds(timeline(r).durationSeconds() + 20 + Hash.below(h(r, "save"), 40));
        }

        @Override
        Object generate(SimRecord r, String f) {
            Timeline tl = timeline(r);
            return switch (f) {
                case "Name" -> "MS-" + number(r.index(), 8);
                case "MessagingEndUserId" -> pickId(Catalog.END_USER, h(r, "endUser"));
                case "MessagingChannelId", "ChannelType", "ChannelKey" -> {
                    SimRecord eu = store.byId((String) r.field("MessagingEndUserId")).orElse(null);
                    if (eu == null) {
                        yield null;
                    }
                    yield switch (f) {
                        case "MessagingChannelId" -> eu.field("MessagingChannelId");
                        case "ChannelType" -> eu.field("MessageType");
                        default -> eu.field("MessagingPlatformKey");
                    };
                }
                case "ChannelName" -> r.field("ChannelType") + " Support " + tl.language().code().toUpperCase(java.util.Locale.ROOT);
                case "Status" -> "Ended";
                case "StartTime" -> start(r);
                case "AcceptTime" -> tl.agentType().equals("Bot") ? null : start(r).plusSeconds(2 + Hash.below(h(r, "accept"), 60));
                case "EndTime" -> start(r).plusSeconds(tl.durationSeconds());
                case "CaseId" -> Hash.below(h(r, "hasCase"), 10) < 5 ? pickId(Catalog.CASE, h(r, "case")) : null;
                case "AgentType" -> tl.agentType();
                case "EndUserLanguage" -> tl.language().locale();
                case "EndUserMessageCount" -> count(tl, "EndUser");
                case "AgentMessageCount" -> count(tl, "Agent");
                case "EndedByType" -> Hash.below(h(r, "ended"), 3) == 0 ? "Agent" : "EndUser";
                case "Origin" -> "InboundInitiated";
                default -> null;
            };
        }

        private static int count(Timeline tl, String actor) {
            int n = 0;
            for (String a : tl.actors()) {
                if (a.equals(actor)) {
                    n++;
                }
            }
            return n;
        }
    }

    static final class Entries extends Generators.Base {
        private final ThreadLocal<Object[]> last = new ThreadLocal<>();

        Entries(DataStore store) {
            super(store);
        }

        /** The parent session's timeline, start and agent, cached for the run of entries of one session. */
        private Object[] session(long sessionIndex) {
            Object[] c = last.get();
            if (c != null && (long) c[0] == sessionIndex) {
                return c;
            }
            ObjectDef sd = store.catalog().require(Catalog.SESSION);
            SimRecord s = store.record(sd, sessionIndex).orElseThrow();
            Sessions g = (Sessions) store.generator(Catalog.SESSION);
            Object eu = s.field("MessagingEndUserId");
            SimRecord endUser = eu == null ? null : store.byId((String) eu).orElse(null);
            c = new Object[] {sessionIndex, g.timeline(s), g.start(s), s.field("OwnerId"), endUser == null ? "Customer" : endUser.field("Name"), eu};
            last.set(c);
            return c;
        }

        @Override
        Object generate(SimRecord r, String f) {
            int slots = r.space().slots();
            long parent = r.index() / slots;
            int m = (int) (r.index() % slots);
            Object[] s = session(parent);
            Timeline tl = (Timeline) s[1];
            String actor = tl.actors()[m];
            Instant at = ((Instant) s[2]).plusSeconds(tl.offsets()[m]);
            return switch (f) {
                case "ConversationId" -> Ids.of(store.catalog().require(Catalog.SESSION).keyPrefix(), parent);
                case "ActorType" -> actor;
                case "ActorName" -> switch (actor) {
                    case "Agent" -> userName(Ids.index((String) s[3]).orElse(0L));
                    case "Bot" -> BOT;
                    case "System" -> "System";
                    default -> s[4];
                };
                case "ActorId" -> switch (actor) {
                    case "Agent" -> s[3];
                    case "EndUser" -> s[5];
                    default -> null;
                };
                case "EntryType" -> actor.equals("System") ? "BotEscalated" : "Text";
                case "Message" -> message(tl, actor, m, r);
                case "EntryTime" -> at;
                case "EntryTimeMilliSecs" -> Hash.below(h(r, "ms"), 1000);
                case "Seq" -> m + 1;
                case "HasAttachments" -> Hash.below(h(r, "att"), 40) == 0;
                case "MessageStatus" -> actor.equals("EndUser") || actor.equals("System") ? null : "Delivered";
                default -> null;
            };
        }

        private static String message(Timeline tl, String actor, int m, SimRecord r) {
            Texts.Language l = tl.language();
            long hash = h(r, "msg");
            int last = tl.actors().length - 1;
            return switch (actor) {
                case "Bot" -> l.bot().get(Math.min(m / 2, l.bot().size() - 1));
                case "System" -> "Conversation transferred to an agent";
                case "Agent" -> m >= last - 1 ? Texts.pick(l.closings(), hash) : m <= 2 ? Texts.fill(Texts.pick(l.greetings(), hash), "Sam")
                        : Texts.fill(Texts.pick(l.agent(), hash), 1000 + Hash.below(hash, 9000));
                default -> m == last ? Texts.pick(l.visitorThanks(), hash) : Texts.fill(Texts.pick(l.visitor(), hash), 100000 + Hash.below(hash, 900000));
            };
        }

        @Override
        String owner(SimRecord r) {
            return null;
        }
    }
}
