package io.sfinbound.sim.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.sfinbound.sim.schema.Catalog;
import io.sfinbound.sim.schema.ObjectDef;

/** The generators of every object, wired into a {@link DataStore}. */
final class Generators {

    static final int EVENT_SLOTS = 16;

    private Generators() {
    }

    static void install(DataStore store, long seed, Function<String, ObjectSettings> settings) {
        Catalog c = Catalog.get();
        ObjectSpace user = root(store, seed, settings, c.require(Catalog.USER), new Users(store));
        ObjectSpace account = root(store, seed, settings, c.require(Catalog.ACCOUNT), new Accounts(store));
        root(store, seed, settings, c.require(Catalog.CONTACT), new Contacts(store));
        root(store, seed, settings, c.require(Catalog.CASE), new Cases(store));
        ObjectSpace transcript = root(store, seed, settings, c.require(Catalog.TRANSCRIPT), new Transcripts(store));
        ObjectSpace event = child(store, seed, settings, c.require(Catalog.TRANSCRIPT_EVENT), transcript, EVENT_SLOTS, new TranscriptEvents(store));
        event.childCount(p -> 5 + 3 * Conversation.transfersOf(transcript.hash(p, "plan")));
        root(store, seed, settings, c.require(Catalog.END_USER), new Messaging.EndUsers(store));
        ObjectSpace session = root(store, seed, settings, c.require(Catalog.SESSION), new Messaging.Sessions(store));
        ObjectSettings es = settings.apply(Catalog.ENTRY);
        ObjectSpace entry = child(store, seed, settings, c.require(Catalog.ENTRY), session, Integer.highestOneBit(Math.max(1, es.maxPerParent())) * 2, new Messaging.Entries(store));
        entry.childCount(p -> es.minPerParent() + Hash.below(session.hash(p, "entries"), es.maxPerParent() - es.minPerParent() + 1));
        ObjectSpace response = root(store, seed, settings, c.require(Catalog.SURVEY_RESPONSE), new Surveys.Responses(store));
        ObjectSettings qs = settings.apply(Catalog.QUESTION_RESPONSE);
        ObjectSpace question = child(store, seed, settings, c.require(Catalog.QUESTION_RESPONSE), response, 8, new Surveys.QuestionResponses(store));
        question.childCount(p -> Math.min(Surveys.QUESTIONS.length, qs.minPerParent() + Hash.below(response.hash(p, "questions"), qs.maxPerParent() - qs.minPerParent() + 1)));
        root(store, seed, settings, c.require(Catalog.FEEDBACK), new Surveys.Feedback(store));
        if (user.baseSize() == 0 || account.baseSize() == 0) {
            throw new IllegalArgumentException("sim.data.User.count and sim.data.Account.count must be at least 1");
        }
    }

    private static ObjectSpace root(DataStore store, long seed, Function<String, ObjectSettings> settings, ObjectDef def, Generator g) {
        ObjectSpace s = new ObjectSpace(def, settings.apply(def.name()), seed, null, 1);
        store.register(s, g);
        return s;
    }

    private static ObjectSpace child(DataStore store, long seed, Function<String, ObjectSettings> settings, ObjectDef def,
                                     ObjectSpace parent, int slots, Generator g) {
        ObjectSpace s = new ObjectSpace(def, settings.apply(def.name()), seed, parent, slots);
        store.register(s, g);
        return s;
    }

    // ---- helpers shared by the generators ----

    /** Common fields and references. */
    abstract static class Base implements Generator {
        final DataStore store;

        Base(DataStore store) {
            this.store = store;
        }

        static long h(SimRecord r, String what) {
            return r.space().hash(r.index(), what);
        }

        /** The id of a generated record of an object chosen by a hash, or null when the object has none. */
        String pickId(String object, long hash) {
            ObjectSpace s = store.space(object);
            long size = s.parent() == null ? s.baseSize() : 0;
            return size == 0 ? null : Ids.of(s.def().keyPrefix(), Math.floorMod(hash, size));
        }

        long pickIndex(String object, long hash) {
            return Math.floorMod(hash, store.space(object).baseSize());
        }

        SimRecord user(long index) {
            return store.record(store.catalog().require(Catalog.USER), index).orElse(null);
        }

        String userName(long index) {
            SimRecord u = user(index);
            return u == null ? "Agent" : (String) u.field("Name");
        }

        /** An agent's display name in chats: first name and last initial. */
        String agentName(long index) {
            SimRecord u = user(index);
            if (u == null) {
                return "Agent";
            }
            String last = (String) u.field("LastName");
            return u.field("FirstName") + " " + last.charAt(0);
        }

        @Override
        public Object value(SimRecord r, String field) {
            return switch (field) {
                case "OwnerId" -> owner(r);
                case "CreatedById", "LastModifiedById" -> integrationUser();
                default -> generate(r, field);
            };
        }

        String owner(SimRecord r) {
            return pickId(Catalog.USER, h(r, "OwnerId"));
        }

        String integrationUser() {
            return Ids.of("005", 0);
        }

        abstract Object generate(SimRecord r, String field);

        static String number(long index, int digits) {
            String s = Long.toString(index + 1);
            return s.length() >= digits ? s : "0".repeat(digits - s.length()) + s;
        }

        static String phone(long hash) {
            return String.format("+1 (%03d) 555-%04d", 200 + Hash.below(hash, 700), Hash.below(Hash.mix(hash), 10000));
        }

        static LocalDate date(Instant t) {
            return t.atZone(ZoneOffset.UTC).toLocalDate();
        }

        static String slug(String s) {
            return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
        }
    }

    static final class Users extends Base {
        Users(DataStore store) {
            super(store);
        }

        @Override
        Object generate(SimRecord r, String f) {
            long i = r.index();
            return switch (f) {
                case "FirstName" -> i == 0 ? "Integration" : Texts.pick(Texts.FIRST, h(r, "first"));
                case "LastName" -> i == 0 ? "User" : Texts.pick(Texts.LAST, h(r, "last"));
                case "Name" -> r.field("FirstName") + " " + r.field("LastName");
                case "Username" -> slug((String) r.field("FirstName")) + "." + slug((String) r.field("LastName")) + i + "@sfinbound.example";
                case "Email" -> slug((String) r.field("FirstName")) + "." + slug((String) r.field("LastName")) + "@sfinbound.example";
                case "Alias" -> (slug((String) r.field("FirstName")) + "xxxx").substring(0, 4) + (i % 1000);
                case "Title" -> i == 0 ? "Integration" : Texts.pick(new String[] {"Support Agent", "Senior Support Agent", "Team Lead", "Supervisor"}, h(r, "title"));
                case "Department" -> Texts.pick(Texts.DEPARTMENT, h(r, "dept"));
                case "IsActive" -> Hash.below(h(r, "active"), 10) > 0;
                case "UserType" -> "Standard";
                case "TimeZoneSidKey" -> Texts.pick(new String[] {"America/Los_Angeles", "America/New_York", "Europe/London", "Europe/Paris", "Asia/Tokyo"}, h(r, "tz"));
                case "LanguageLocaleKey" -> Texts.pick(new String[] {"en_US", "en_US", "fr", "de", "es", "ja"}, h(r, "lang"));
                default -> null;
            };
        }

        @Override
        String owner(SimRecord r) {
            return null;
        }
    }

    static final class Accounts extends Base {
        Accounts(DataStore store) {
            super(store);
        }

        @Override
        Object generate(SimRecord r, String f) {
            int city = Hash.below(h(r, "city"), Texts.CITY.length);
            return switch (f) {
                case "Name" -> Texts.pick(Texts.COMPANY_A, h(r, "a")) + " " + Texts.pick(Texts.COMPANY_B, h(r, "b")) + (r.index() >= 100 ? " " + r.index() : "");
                case "Type" -> Texts.pick(new String[] {"Customer - Direct", "Customer - Direct", "Customer - Channel", "Prospect", "Partner"}, h(r, "type"));
                case "Industry" -> Texts.pick(new String[] {"Banking", "Retail", "Telecommunications", "Healthcare", "Technology", "Travel", "Insurance"}, h(r, "ind"));
                case "BillingCity" -> Texts.CITY[city];
                case "BillingCountry" -> Texts.COUNTRY[city];
                case "Phone" -> phone(h(r, "phone"));
                case "Website" -> "https://www." + slug(Texts.pick(Texts.COMPANY_A, h(r, "a"))) + ".example.com";
                case "NumberOfEmployees" -> 10 + Hash.below(h(r, "emp"), 50000);
                case "AnnualRevenue" -> (double) (100_000L * (1 + Hash.below(h(r, "rev"), 50000)));
                default -> null;
            };
        }
    }

    static final class Contacts extends Base {
        Contacts(DataStore store) {
            super(store);
        }

        @Override
        Object generate(SimRecord r, String f) {
            int city = Hash.below(h(r, "city"), Texts.CITY.length);
            return switch (f) {
                case "AccountId" -> pickId(Catalog.ACCOUNT, h(r, "account"));
                case "FirstName" -> Texts.pick(Texts.FIRST, h(r, "first"));
                case "LastName" -> Texts.pick(Texts.LAST, h(r, "last"));
                case "Name" -> r.field("FirstName") + " " + r.field("LastName");
                case "Email" -> slug((String) r.field("FirstName")) + "." + slug((String) r.field("LastName")) + r.index() + "@example.com";
                case "Phone" -> phone(h(r, "phone"));
                case "MobilePhone" -> Hash.below(h(r, "hasMobile"), 10) < 7 ? phone(h(r, "mobile")) : null;
                case "MailingCity" -> Texts.CITY[city];
                case "MailingCountry" -> Texts.COUNTRY[city];
                case "Title" -> Texts.pick(new String[] {"Customer", "IT Manager", "Owner", "Buyer", "Engineer"}, h(r, "title"));
                case "LeadSource" -> Texts.pick(new String[] {"Web", "Phone Inquiry", "Partner Referral", "Other"}, h(r, "src"));
                default -> null;
            };
        }
    }

    static final class Cases extends Base {
        Cases(DataStore store) {
            super(store);
        }

        @Override
        Object generate(SimRecord r, String f) {
            return switch (f) {
                case "CaseNumber" -> number(r.index(), 8);
                case "ContactId" -> pickId(Catalog.CONTACT, h(r, "contact"));
                case "AccountId" -> {
                    SimRecord c = store.byId((String) r.field("ContactId")).orElse(null);
                    yield c == null ? null : c.field("AccountId");
                }
                case "SuppliedName" -> null;
                case "SuppliedEmail" -> Hash.below(h(r, "web"), 4) == 0 ? "customer" + r.index() + "@example.com" : null;
                case "Subject" -> Texts.pick(Texts.SUBJECT, h(r, "subject"));
                case "Description" -> {
                    Texts.Language l = Texts.LANGUAGES.get(0);
                    yield Texts.fill(Texts.pick(l.visitor(), h(r, "d1")), 100000 + r.index()) + "\n" + Texts.fill(Texts.pick(l.visitor(), h(r, "d2")), r.index());
                }
                case "Status" -> Hash.below(h(r, "status"), 10) < 7 ? "Closed" : Texts.pick(new String[] {"New", "Working", "Escalated"}, h(r, "open"));
                case "Origin" -> Texts.pick(new String[] {"Chat", "Chat", "SMS", "Web", "Email", "Phone"}, h(r, "origin"));
                case "Priority" -> Texts.pick(new String[] {"High", "Medium", "Medium", "Low"}, h(r, "prio"));
                case "Reason" -> Texts.pick(new String[] {"Installation", "Performance", "Breakdown", "Feedback", "Other"}, h(r, "reason"));
                case "Type" -> Texts.pick(new String[] {"Mechanical", "Electrical", "Electronic", "Structural", "Other"}, h(r, "ctype"));
                case "IsClosed" -> "Closed".equals(r.field("Status"));
                case "ClosedDate" -> Boolean.TRUE.equals(r.field("IsClosed")) ? r.created().plusSeconds(600 + Hash.below(h(r, "closed"), 172800)) : null;
                case "IsEscalated" -> "Escalated".equals(r.field("Status"));
                default -> null;
            };
        }
    }

    static final class Transcripts extends Base {
        private static final String[] BOTS = {"Astro Chatbot", "Pepper Chatbot", "Einstein Bot"};

        Transcripts(DataStore store) {
            super(store);
        }

        /** The chat with its start time, shared by the transcript's fields and its events. */
        record Chat(Conversation conv, Instant start, Instant end) {
        }

        Chat chat(SimRecord r) {
            return r.memo("chat", () -> {
                int transfers = Conversation.transfersOf(h(r, "plan"));
                int humans = transfers + 1 - (Conversation.chatbotOf(h(r, "plan")) ? 1 : 0);
                List<long[]> agents = new ArrayList<>();
                List<String> names = new ArrayList<>();
                long users = store.space(Catalog.USER).baseSize();
                for (int k = 0; k < humans; k++) {
                    // user 0 is the integration user, never an agent, unless it is the only one
                    long u = users <= 1 ? 0 : 1 + Math.floorMod(h(r, "agent" + k), users - 1);
                    agents.add(new long[] {u});
                    names.add(agentName(u));
                }
                String visitor = "Visitor";
                String contactId = (String) r.field("ContactId");
                if (contactId != null) {
                    SimRecord c = store.byId(contactId).orElse(null);
                    if (c != null) {
                        visitor = (String) c.field("Name");
                    }
                }
                Conversation conv = new Conversation(h(r, "plan"), h(r, "text"), agents, names, visitor,
                        Texts.pick(BOTS, h(r, "bot")), r.space().settings().bodySize() * 7 / 10 + Hash.below(h(r, "size"), r.space().settings().bodySize() * 6 / 10 + 1));
                Instant end = r.created().minusSeconds(2 + Hash.below(h(r, "save"), 20));
                return new Chat(conv, end.minusSeconds(conv.durationSeconds), end);
            });
        }

        @Override
        String owner(SimRecord r) {
            List<Long> agents = chat(r).conv().agentUsers;
            return Ids.of("005", agents.get(agents.size() - 1));
        }

        @Override
        Object generate(SimRecord r, String f) {
            int loc = Hash.below(h(r, "loc"), Texts.CITY.length);
            return switch (f) {
                case "Name" -> number(r.index(), 8);
                case "LiveChatVisitorId" -> Ids.of("571", r.index());
                case "Body" -> {
                    Chat c = chat(r);
                    yield c.conv().body(c.start());
                }
                case "ContactId" -> Hash.below(h(r, "known"), 10) < 7 ? pickId(Catalog.CONTACT, h(r, "contact")) : null;
                case "CaseId" -> Hash.below(h(r, "hasCase"), 10) < 7 ? pickId(Catalog.CASE, h(r, "case")) : null;
                case "AccountId" -> {
                    SimRecord c = r.field("ContactId") == null ? null : store.byId((String) r.field("ContactId")).orElse(null);
                    yield c == null ? null : c.field("AccountId");
                }
                case "LiveChatDeploymentId" -> Ids.of("572", 0);
                case "LiveChatButtonId" -> Ids.of("573", Texts.LANGUAGES.indexOf(chat(r).conv().language));
                case "SkillId" -> Ids.of("0C5", Texts.LANGUAGES.indexOf(chat(r).conv().language));
                case "IpAddress" -> "203.0.113." + Hash.below(h(r, "ip"), 254);
                case "Location" -> Texts.CITY[loc] + ", " + Texts.COUNTRY[loc];
                case "Platform" -> Texts.pick(Texts.PLATFORM, h(r, "platform"));
                case "Browser" -> Texts.pick(Texts.BROWSER, h(r, "browser"));
                case "UserAgent" -> "Mozilla/5.0 (" + r.field("Platform") + ") AppleWebKit/537.36 (KHTML, like Gecko) " + ((String) r.field("Browser")).replace(' ', '/') + " Safari/537.36";
                case "BrowserLanguage" -> chat(r).conv().language.locale().replace('_', '-');
                case "ScreenResolution" -> Texts.pick(Texts.RESOLUTION, h(r, "res"));
                case "ReferrerUri" -> "https://www.example.com/support/" + Texts.pick(new String[] {"billing", "orders", "account", "contact"}, h(r, "ref"));
                case "RequestTime" -> chat(r).start().minusSeconds(chat(r).conv().waitSeconds);
                case "StartTime" -> chat(r).start();
                case "EndTime" -> chat(r).end();
                case "EndedBy" -> Hash.below(h(r, "ended"), 10) < 6 ? "Visitor" : Hash.below(h(r, "ended"), 10) < 9 ? "Agent" : "System";
                case "ChatDuration" -> (int) chat(r).conv().durationSeconds;
                case "WaitTime" -> (int) chat(r).conv().waitSeconds;
                case "Status" -> "Completed";
                case "AverageResponseTimeVisitor" -> (int) chat(r).conv().responseTimes(Conversation.Kind.VISITOR)[0];
                case "MaxResponseTimeVisitor" -> (int) chat(r).conv().responseTimes(Conversation.Kind.VISITOR)[1];
                case "AverageResponseTimeOperator" -> (int) chat(r).conv().responseTimes(Conversation.Kind.AGENT)[0];
                case "MaxResponseTimeOperator" -> (int) chat(r).conv().responseTimes(Conversation.Kind.AGENT)[1];
                case "OperatorMessageCount" -> chat(r).conv().count(Conversation.Kind.AGENT);
                case "VisitorMessageCount" -> chat(r).conv().count(Conversation.Kind.VISITOR);
                case "ChatKey" -> new java.util.UUID(h(r, "key1"), h(r, "key2")).toString();
                case "IsChatbotSession" -> chat(r).conv().chatbot;
                case "Abandoned" -> 0;
                default -> null;
            };
        }
    }

    static final class TranscriptEvents extends Base {
        /** One event of a chat. */
        record Event(String type, Instant time, Long agent, String detail) {
        }

        private final ThreadLocal<Object[]> last = new ThreadLocal<>();

        TranscriptEvents(DataStore store) {
            super(store);
        }

        private List<Event> events(long transcriptIndex) {
            Object[] cached = last.get();
            if (cached != null && (long) cached[0] == transcriptIndex) {
                @SuppressWarnings("unchecked")
                List<Event> l = (List<Event>) cached[1];
                return l;
            }
            ObjectDef t = store.catalog().require(Catalog.TRANSCRIPT);
            SimRecord tr = store.record(t, transcriptIndex).orElseThrow();
            Transcripts.Chat chat = ((Transcripts) store.generator(Catalog.TRANSCRIPT)).chat(tr);
            Conversation c = chat.conv();
            List<Event> ev = new ArrayList<>();
            Instant request = chat.start().minusSeconds(c.waitSeconds);
            ev.add(new Event("ChatRequest", request, null, "Chat request from " + c.visitorName));
            ev.add(new Event("Enqueue", request.plusSeconds(1), null, "Queued for skill Support " + c.language.code().toUpperCase(Locale.ROOT)));
            Long first = c.chatbot ? null : c.agentUsers.get(0);
            ev.add(new Event("PushAssignment", chat.start().minusSeconds(1), first, c.chatbot ? "Routed to chatbot" : "Pushed to agent"));
            ev.add(new Event("Accept", chat.start(), first, c.chatbot ? "Chatbot accepted" : "Agent accepted"));
            int human = c.chatbot ? 0 : 1;
            for (long offset : c.transferOffsets) {
                Long to = c.agentUsers.get(Math.min(human, c.agentUsers.size() - 1));
                Instant at = chat.start().plusSeconds(offset);
                ev.add(new Event("TransferRequest", at, null, "Transfer requested"));
                ev.add(new Event("Transfer", at.plusSeconds(2), to, "Transferred to " + agentName(to)));
                ev.add(new Event("Accept", at.plusSeconds(5), to, "Agent accepted"));
                human++;
            }
            boolean visitorEnded = Hash.below(Hash.of(store.seed(), 5, transcriptIndex, 9), 10) < 6;
            ev.add(new Event(visitorEnded ? "EndVisitor" : "EndAgent", chat.end(), visitorEnded ? null : c.agentUsers.get(c.agentUsers.size() - 1),
                    visitorEnded ? "Visitor ended the chat" : "Agent ended the chat"));
            last.set(new Object[] {transcriptIndex, ev});
            return ev;
        }

        @Override
        Object generate(SimRecord r, String f) {
            long parent = r.index() / EVENT_SLOTS;
            int m = (int) (r.index() % EVENT_SLOTS);
            return switch (f) {
                case "Name" -> "LCTE-" + number(r.index(), 9);
                case "LiveChatTranscriptId" -> Ids.of(store.catalog().require(Catalog.TRANSCRIPT).keyPrefix(), parent);
                case "Type" -> events(parent).get(m).type();
                case "Time" -> events(parent).get(m).time();
                case "AgentId" -> {
                    Long a = events(parent).get(m).agent();
                    yield a == null ? null : Ids.of("005", a);
                }
                case "Detail" -> events(parent).get(m).detail();
                default -> null;
            };
        }

        @Override
        String owner(SimRecord r) {
            return null;
        }
    }
}
